/// What one statement of an indicator's body sets, kept apart from the declaration it goes into, so that a
/// statement that repeats one parsed before can take what that one came to (see `Parser+Repeats.swift`).
enum IndicatorStatement {
    /// `category "一级" / "二级"`.
    case category([StringLiteral])
    case points(Expression)
    case weight(Expression)
    /// `from table where filter`; without `where`, the filter is left as it was.
    case source(Name?, filter: Expression?)
    case measure(Expression)
    case score(ScoreRule?)
    case minimum(Expression)
    /// `when empty: policy`.
    case emptyPolicy(Name?)
    /// A statement that sets nothing (it was wrong, and is reported).
    case nothing

    func apply(to declaration: inout IndicatorDeclaration) {
        switch self {
        case .category(let path): declaration.category = path
        case .points(let points): declaration.points = points
        case .weight(let weight): declaration.weight = weight
        case .source(let source, let filter):
            declaration.source = source
            if let filter { declaration.filter = filter }
        case .measure(let measure): declaration.measure = measure
        case .score(let score): declaration.score = score
        case .minimum(let minimum): declaration.minimum = minimum
        case .emptyPolicy(let policy): declaration.emptyPolicy = policy
        case .nothing: break
        }
    }

    /// The same statement written `delta` bytes later (see `SyntaxTree+Shifted.swift`).
    func shifted(by delta: Int) -> IndicatorStatement {
        switch self {
        case .category(let path): return .category(path.map { $0.shifted(by: delta) })
        case .points(let points): return .points(points.shifted(by: delta))
        case .weight(let weight): return .weight(weight.shifted(by: delta))
        case .source(let source, let filter): return .source(source?.shifted(by: delta), filter: filter?.shifted(by: delta))
        case .measure(let measure): return .measure(measure.shifted(by: delta))
        case .score(let score): return .score(score?.shifted(by: delta))
        case .minimum(let minimum): return .minimum(minimum.shifted(by: delta))
        case .emptyPolicy(let policy): return .emptyPolicy(policy?.shifted(by: delta))
        case .nothing: return .nothing
        }
    }
}

extension Parser {
    /// Parses the statement of an indicator's body that `keyword` begins, up to its end (not included).
    mutating func parseIndicatorStatement(_ keyword: LexedToken) -> IndicatorStatement {
        switch keyword {
        case "category":
            guard let first = expectString("指标类别", "the category") else { return .nothing }
            var path = [first]
            while accept("/") {
                if let next = expectString("二级类别", "the sub-category") { path.append(next) }
            }
            return .category(path)
        case "points":
            return .points(parseExpression())
        case "weight":
            return .weight(parseExpression())
        case "from":
            let source = expectName("数据表名（如 cases）", "a table name (such as cases)")
            return .source(source, filter: acceptWord("where") ? parseExpression() : nil)
        case "measure":
            return .measure(parseExpression())
        case "score":
            return .score(parseScore())
        case "minimum":
            return .minimum(parseExpression())
        default:
            guard acceptWord("empty") else {
                expected("“empty”", "`empty`")
                return .nothing
            }
            _ = expect(":")
            return .emptyPolicy(
                expectName("空样本处理方式（not_applicable、full 或 zero）", "an empty-population policy (not_applicable, full or zero)"))
        }
    }
}
