import KaopingResults

/// One unit's sheet (一单位一单, issue 21 point 8): what the unit receives — the 通报 it belongs to, its rank and
/// grade, every indicator with its measure, points, scoring step and the records behind lost points, and what it
/// must rectify. Laid out by the templates `center.html` (and the DOCX's own).
public struct CenterSheet: Sendable {
    public var title: String
    /// The 通报 it belongs to: its title and 文号.
    public var notice: String
    public var number: String?
    public var issuer: String?
    public var date: String?
    public var period: String
    public var detail: CenterDetail
    /// The 通报's 整改要求 paragraph, when the rules give one.
    public var rectification: String?
    public var hasRectify: Bool
    public var stamp: [StampLine]

    init(_ detail: CenterDetail, content: NoticeContent, results: ResultsDocument) {
        title = "\(detail.unit.name)考核结果告知单"
        notice = content.title
        number = content.number
        issuer = content.issuer
        date = content.date
        period = "\(ChineseText.date(results.assessment.period.start))至\(ChineseText.date(results.assessment.period.end))"
        self.detail = detail
        rectification = content.rectification
        hasRectify = !detail.rectify.isEmpty
        stamp = content.stamp
    }
}

extension NoticeContent {
    /// Every unit's sheet, in results order.
    public func sheets(_ results: ResultsDocument) -> [CenterSheet] {
        details.map { CenterSheet($0, content: self, results: results) }
    }
}
