import KaopingResults

/// `report.html`: the 通报 as one self-contained page (no network) for screen and A4 print, laid out by the
/// template `report.html` (`Reports/templates/`) from the `NoticeContent` of the results; text from the data is
/// escaped by the template engine.
public struct HTMLReport {
    let results: ResultsDocument
    let content: NoticeContent
    let templates: ReportTemplates

    /// - Parameters:
    ///   - previous: the previous run's results, for the changes since then.
    ///   - resultsSHA256: the SHA-256 of the `results.json` the page was rendered from (printed in its stamp).
    public init(
        results: ResultsDocument, previous: ResultsDocument? = nil, resultsSHA256: String? = nil, templates: ReportTemplates? = nil
    ) throws {
        self.results = results
        content = NoticeContent(results: results, previous: previous, resultsSHA256: resultsSHA256)
        self.templates = try templates ?? ReportTemplates()
    }

    /// The page.
    public func render() throws -> String {
        try templates.render(content, with: "report.html")
    }

    /// Each unit's sheet (一单位一单) as a page of its own (`centers/CODE.html`), in results order.
    public func centerPages() throws -> [(code: String, page: String)] {
        try zip(results.centers, content.sheets(results)).map { center, sheet in
            (center.code, try templates.render(sheet, with: "center.html"))
        }
    }
}

/// Chinese names of the codes that form ranking groups.
enum LevelNames {
    static let names = [
        "province": "省级", "city": "市级", "county": "县级", "sub_center": "分中心", "onsite_point": "现场办理点", "center": "综合性中心",
    ]

    static func groupLabel(_ group: String, columns: [String]) -> String {
        guard !columns.isEmpty else { return "全部单位" }
        return group.split(separator: "/").map { names[String($0)] ?? String($0) }.joined(separator: "·")
    }
}
