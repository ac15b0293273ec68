/// One inspection finding (明察暗访发现的问题) of an assessed unit in the period, as the 通报's 三、存在问题 states
/// it: when, which unit, how it was found, what was found, and whether it was rectified (`overview.findings`).
public struct Finding: Sendable, Equatable, Codable {
    /// The finding's `id` in `inspections`.
    public var id: Int
    /// The unit's code (`centers[].code`).
    public var center: String
    /// China-time text, `YYYY-MM-DD HH:MM:SS`.
    public var inspectedAt: String
    /// `open` (明察), `covert` (暗访) or `video` (视频巡查).
    public var mode: String
    /// The inspecting body's level: `province`, `city` or `county`.
    public var inspectorLevel: String
    /// The window-service norm broken (问题类别).
    public var category: String
    /// `minor`, `general` or `serious`.
    public var severity: String
    /// What was found (事实描述), as recorded; `nil` when the record has none.
    public var description: String?
    public var dueAt: String?
    public var rectifiedAt: String?

    public init(
        id: Int, center: String, inspectedAt: String, mode: String, inspectorLevel: String, category: String, severity: String,
        description: String?, dueAt: String?, rectifiedAt: String?
    ) {
        self.id = id
        self.center = center
        self.inspectedAt = inspectedAt
        self.mode = mode
        self.inspectorLevel = inspectorLevel
        self.category = category
        self.severity = severity
        self.description = description
        self.dueAt = dueAt
        self.rectifiedAt = rectifiedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, center, inspectedAt = "inspected_at", mode, inspectorLevel = "inspector_level", category, severity, description
        case dueAt = "due_at", rectifiedAt = "rectified_at"
    }

    var json: JSONValue {
        let text = { (value: String?) -> JSONValue in value.map { .string($0) } ?? .null }
        return .object([
            ("id", .integer(Int64(id))), ("center", .string(center)), ("inspected_at", .string(inspectedAt)), ("mode", .string(mode)),
            ("inspector_level", .string(inspectorLevel)), ("category", .string(category)), ("severity", .string(severity)),
            ("description", text(description)), ("due_at", text(dueAt)), ("rectified_at", text(rectifiedAt)),
        ])
    }
}
