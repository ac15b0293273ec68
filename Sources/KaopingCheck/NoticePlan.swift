/// The 通报's settings (`notice { … }`), by keyword: `issuer` 发文机关, `number` 发文字号, `title` 标题, `to` 主送,
/// `date` 成文日期, `copy` 抄送, `printer` 印发机关, `printed` 印发日期 (days as `YYYY-MM-DD`), and the
/// `rectification` (整改要求) and `use` (结果运用) paragraphs.
public struct NoticePlan: Sendable, Equatable {
    public var values: [String: String] = [:]

    /// The settings that are days.
    public static let days: Set<String> = ["date", "printed"]
    /// The settings that are paragraphs, not held to the 200-character limit of names.
    public static let paragraphs: Set<String> = ["rectification", "use"]
}
