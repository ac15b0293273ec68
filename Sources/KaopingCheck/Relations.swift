/// The many-to-one relations a rule may follow with `name.column`: a case's item, an item's catalog
/// entry, a review's case, a center's parent. `center.column` from any table with a center key reads the
/// row's center.
struct Relation {
    let name: String
    let from: String
    let column: String
    let to: String
    let key: String

    static let all = [
        Relation(name: "item", from: "cases", column: "item_code", to: "items", key: "item_code"),
        Relation(name: "catalog", from: "items", column: "basic_code", to: "catalog", key: "basic_code"),
        Relation(name: "case", from: "reviews", column: "case_no", to: "cases", key: "case_no"),
        Relation(name: "parent", from: "centers", column: "parent_id", to: "centers", key: "id"),
    ]

    static func named(_ name: String, from table: String) -> Relation? {
        all.first { $0.name == name && $0.from == table }
    }

    static func names(from table: String) -> [String] {
        all.filter { $0.from == table }.map(\.name)
    }
}
