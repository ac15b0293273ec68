/// The 通报's settings from the rules' `notice { … }` (`notice` in results): 发文机关, 发文字号, 标题, 主送, 成文日期,
/// 抄送, 印发机关, 印发日期, 整改要求 and 结果运用, each `nil` when the rules leave it out.
public struct Notice: Sendable, Equatable, Codable {
    public var issuer: String?
    public var number: String?
    public var title: String?
    public var to: String?
    /// 成文日期, `YYYY-MM-DD`.
    public var date: String?
    public var copy: String?
    public var printer: String?
    /// 印发日期, `YYYY-MM-DD`.
    public var printed: String?
    public var rectification: String?
    public var use: String?

    /// The fields in document order, by their keyword in rule files and results.
    public static let keys = ["issuer", "number", "title", "to", "date", "copy", "printer", "printed", "rectification", "use"]

    /// A notice of the settings `values` gives by keyword.
    public init(_ values: [String: String]) {
        (issuer, number, title, to, date) = (values["issuer"], values["number"], values["title"], values["to"], values["date"])
        (copy, printer, printed, rectification, use) = (
            values["copy"], values["printer"], values["printed"], values["rectification"], values["use"]
        )
    }

    var values: [String?] { [issuer, number, title, to, date, copy, printer, printed, rectification, use] }

    var json: JSONValue {
        .object(zip(Notice.keys, values).map { ($0, $1.map(JSONValue.string) ?? .null) })
    }
}
