import KaopingCheck
import KaopingStore

/// The assessed centers, numbered densely, with the center columns the plan reads.
struct CenterTable {
    /// Each assessed center's values of `Plan.centerColumns`, by dense number.
    var rows: [[Value]] = []
    /// Dense number of each assessed center, by its `centers.id`.
    var numberByID: [Int64: Int] = [:]
    /// Each assessed center's working calendar.
    var calendars: [WorkingCalendar] = []
    /// The type of each center column.
    var types: [ValueType] = []
    /// Dense numbers by id for ids up to a few million (−1: not assessed, −2: no such center).
    private var denseByID: [Int32] = []
    private var allIDs: Set<Int64> = []

    static let notAssessed: Int32 = -1
    static let unknown: Int32 = -2

    /// Loads the centers that pass the plan's `assess` filter, in `id` order.
    init(plan: Plan, store: Store, catalog: SchemaCatalog) throws {
        let types = CenterTable.types(plan: plan, catalog: catalog)
        let query = ScanQuery.select(table: "centers", columns: plan.centerColumns, joins: plan.centerJoins)
        let statement = try store.database.prepare(query + " ORDER BY t0.id")
        var read: [[Value]] = []
        while try statement.step() { read.append(types.indices.map { decode(statement, $0, types[$0]) }) }
        let province = plan.usesCalendar ? try store.workingCalendar() : WorkingCalendar()
        var regional: [String: WorkingCalendar] = [:]
        if plan.usesCalendar {
            for region in try store.calendarRegions() { regional[region] = try store.workingCalendar(region: region) }
        }
        self.init(plan: plan, types: types, rows: read, province: province, regional: regional)
    }

    /// The centers of `rows` (each the values of `Plan.centerColumns`, of `types`, in `id` order) that pass the plan's
    /// `assess` filter, each with its region's calendar, or the province's.
    init(plan: Plan, types: [ValueType], rows read: [[Value]], province: WorkingCalendar, regional: [String: WorkingCalendar]) {
        let regionSlot = plan.centerColumns.firstIndex(of: "region")
        self.types = types
        for row in read {
            if case .integer(let id) = row[0] { allIDs.insert(id) }
            var input = EvaluationInput(calendar: province)
            input.center = row
            if let filter = plan.assessFilter, !filter.evaluate(input).isTrue { continue }
            guard case .integer(let id) = row[0] else { continue }
            numberByID[id] = rows.count
            rows.append(row)
            if let regionSlot, case .text(let region) = row[regionSlot], let calendar = regional[region] {
                calendars.append(calendar)
            } else {
                calendars.append(province)
            }
        }
        buildDenseMap()
    }

    /// The type of each of the plan's center columns.
    static func types(plan: Plan, catalog: SchemaCatalog) -> [ValueType] {
        plan.centerColumns.map { column in
            catalog.table("centers")?.type(of: String(column.split(separator: ".").last ?? "")) ?? .unknown
        }
    }

    var count: Int { rows.count }

    /// The `centers.id` of the center numbered `number`.
    func id(_ number: Int) -> Int64 {
        if case .integer(let id) = rows[number][0] { return id }
        return 0
    }

    /// The dense number of the center with `id`, `notAssessed` or `unknown`.
    func dense(_ id: Int64) -> Int32 {
        if id >= 0, id < Int64(denseByID.count) { return denseByID[Int(id)] }
        if let number = numberByID[id] { return Int32(number) }
        return allIDs.contains(id) ? CenterTable.notAssessed : CenterTable.unknown
    }

    /// Builds the dense id map once all centers are read.
    private mutating func buildDenseMap() {
        guard let largest = allIDs.max(), largest >= 0, largest < 5_000_000 else { return }
        var map = [Int32](repeating: CenterTable.unknown, count: Int(largest) + 1)
        for id in allIDs where id >= 0 { map[Int(id)] = CenterTable.notAssessed }
        for (id, number) in numberByID where id >= 0 && id <= largest { map[Int(id)] = Int32(number) }
        denseByID = map
    }

    /// A text column of a center, by name.
    func text(_ number: Int, _ column: String, in plan: Plan) -> String {
        guard let slot = plan.centerColumns.firstIndex(of: column), case .text(let value) = rows[number][slot] else { return "" }
        return value
    }
}

/// Reads column `index` of the current row as a value of the logical type `type`.
func decode(_ statement: Statement, _ index: Int, _ type: ValueType) -> Value {
    if statement.isNull(index) { return .null }
    switch type {
    case .integer, .time, .flag:
        return .integer(statement.int64(index))
    case .real:
        return .real(statement.double(index))
    case .day:
        guard let text = statement.text(index), let day = CivilDay(text) else { return .null }
        return .integer(Int64(day.number))
    default:
        switch statement.value(index) {
        case .integer(let value): return .integer(value)
        case .real(let value): return .real(value)
        case .text(let value): return .text(value)
        case .null: return .null
        }
    }
}
