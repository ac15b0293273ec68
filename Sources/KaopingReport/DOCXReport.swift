import Foundation
import KaopingResults

/// `report.docx`: the 通报 as a Word document laid out after GB/T 9704-2012 (A4, 版头 with the red separator line,
/// 2号小标宋 title, 3号仿宋 body on a 22-line page, 一、（一）1. headings, 落款, 版记, page numbers "— 1 —" right on odd
/// pages and left on even ones), then 附件1 the ranking on landscape pages (one table per group, its header row on
/// every page) and 附件2 the findings; and each unit's sheet (一单位一单) as a document of its own.
///
/// The parts are Mustache templates (`document.xml`, `center-document.xml` and `docx-*.xml` in `Reports/templates/`)
/// of the same `NoticeContent` the HTML 通报 is built from, with XML escaping; the package's time is pinned by the
/// results (`modified`), so the same results give the same bytes.
public struct DOCXReport {
    let results: ResultsDocument
    let content: NoticeContent
    let templates: ReportTemplates
    /// The time of the document: 00:00 on the notice's date, else on the day after the period ends.
    let modified: Date
    /// The styles, fonts and footers, alike in every document.
    let shared: [String: String]

    /// The documents of `results`, laid out by `templates` (the built-in ones when `nil`).
    /// - Parameters:
    ///   - previous: the previous run's results, for the changes since then.
    ///   - resultsSHA256: the SHA-256 of the `results.json` rendered (in the document's properties).
    /// - Throws: `ReportTemplates.Problem` when a template does not parse or is missing.
    public init(
        results: ResultsDocument, previous: ResultsDocument? = nil, resultsSHA256: String? = nil, templates: ReportTemplates? = nil
    ) throws {
        self.results = results
        content = NoticeContent(results: results, previous: previous, resultsSHA256: resultsSHA256)
        let templates = try templates ?? ReportTemplates()
        self.templates = templates
        modified = PinnedTime.day(of: results)
        shared = [
            "word/styles.xml": try templates.render(content, with: "docx-styles.xml"),
            "word/fontTable.xml": try templates.render(content, with: "docx-font-table.xml"),
            "word/footer1.xml": try templates.render(content, with: "docx-footer-odd.xml"),
            "word/footer2.xml": try templates.render(content, with: "docx-footer-even.xml"),
        ]
    }

    /// The 通报 as a .docx file's bytes.
    public func document() throws -> Data {
        let body = try templates.render(DOCXNotice(content), with: "document.xml")
        return try package(body, title: content.title).data()
    }

    /// One unit's sheet (一单位一单) as a .docx file's bytes, for each unit in results order: (unit code, bytes).
    public func centerDocuments() throws -> [(code: String, data: Data)] {
        try zip(results.centers, content.sheets(results)).map { center, sheet in
            let body = try templates.render(DOCXSheet(sheet), with: "center-document.xml")
            return (center.code, try package(body, title: sheet.title).data())
        }
    }

    /// The package of a document part titled `title`.
    func package(_ document: String, title: String) throws -> DOCXPackage {
        let core = DOCXCore(
            title: title, description: content.stamp.map { "\($0.label)：\($0.value)" }.joined(separator: "；"),
            created: Self.timestamp(modified))
        var parts = shared
        parts["word/document.xml"] = document
        parts["docProps/core.xml"] = try templates.render(core, with: "docx-core.xml")
        return DOCXPackage(parts: parts, modified: modified)
    }

    /// The document's creation time in `docProps/core.xml`: the same day at 00:00 China time (UTC+8), in UTC.
    static func timestamp(_ day: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = .gmt
        return formatter.string(from: day - 8 * 3_600)
    }
}

/// `docProps/core.xml`: the title, the stamp (what the document was rendered from) and the pinned time.
struct DOCXCore {
    var title: String
    var description: String
    var created: String
}

/// The widths of the text area in twips: A4 less GB/T 9704's margins (28 mm left, 26 mm right), and on the
/// landscape pages of the attachments less theirs; they must match `docx-section-*.xml`.
enum DOCXPage {
    static let portraitWidth = 11_906 - 1_587 - 1_474
    static let landscapeWidth = 16_838 - 1_587 - 1_474
    /// The height of the portrait text area (225 mm) in twips.
    static let portraitHeight = 16_838 - 2_098 - 1_984

    /// Column widths in twips: `widths` as they are, but the one at `flexible` taking what is left of `total`; when
    /// that leaves it less than `least`, every column narrowed in proportion instead.
    static func grid(_ widths: [Int], flexible: Int, least: Int, total: Int) -> [Int] {
        var widths = widths
        let rest = total - widths.enumerated().reduce(0) { $0 + ($1.offset == flexible ? 0 : $1.element) }
        widths[flexible] = max(rest, least)
        return rest >= least ? widths : grid(widths, total: total)
    }

    /// Column widths in twips, in proportion to `shares`, adding up to `total`.
    static func grid(_ shares: [Int], total: Int) -> [Int] {
        let sum = max(1, shares.reduce(0, +))
        var widths = shares.map { $0 * total / sum }
        if !widths.isEmpty { widths[widths.count - 1] += total - widths.reduce(0, +) }
        return widths
    }

    /// The 发文机关标志's size in half-points: as large as fits the 版心 on one line, from 2号 (22 pt) to 初号 (42 pt).
    static func issuerSize(_ issuer: String?) -> Int {
        let characters = max(1, issuer?.count ?? 1)
        return min(84, max(44, portraitWidth / 10 / characters))
    }
}

/// The 通报 as `document.xml` lays it out: the notice's content, and what only Word's layout needs.
struct DOCXNotice {
    var notice: NoticeContent
    var issuerSize: Int
    /// The height in twips of the empty paragraph that puts the 版记 at the foot of its page (its last line the
    /// page's last, GB/T 9704-2012 8): the page less the 版记's lines of 4号 (500 twips each, 29 characters to a line
    /// of 抄送) and its rules.
    var recordSpacer: Int
    /// Each group's ranking table of 附件1.
    var rankings: [DOCXRanking]
    /// Column widths in twips of the body's tables and of 附件2.
    var figuresGrid: [Int]
    var regionsGrid: [Int]
    var listsGrid: [Int]
    var weakestGrid: [Int]
    var findingsGrid: [Int]

    init(_ notice: NoticeContent) {
        self.notice = notice
        issuerSize = DOCXPage.issuerSize(notice.issuer)
        let copyLines = notice.copy.map { ($0.count + 4 + 28) / 29 } ?? 0
        recordSpacer = DOCXPage.portraitHeight - 500 * (copyLines + (notice.printer == nil ? 0 : 1)) - 160
        rankings = notice.groups.map(DOCXRanking.init)
        let width = DOCXPage.portraitWidth
        figuresGrid = DOCXPage.grid([3, 2], total: width)
        regionsGrid = DOCXPage.grid(
            [6, 5] + (notice.regionsHaveChanges ? [4] : []) + [5] + (notice.regionsHaveChanges ? [4] : []) + [5, 5, 5, 5], total: width)
        listsGrid = DOCXPage.grid([2, 5, 5], total: width)
        // 指标, 类别, 分值, 计分单位, 失分单位, 平均得分率, 合计失分, 全部单位合计 (a rate with its counts: what is left).
        weakestGrid = DOCXPage.grid([1500, 1300, 520, 640, 640, 800, 820, 0], flexible: 7, least: 1800, total: width)
        // 序号, 时间, 单位 (its name, then code and 设区市), 方式, 问题类别, 程度, 事实 (what is left), 整改; 9 pt is 180 twips.
        findingsGrid = DOCXPage.grid(
            [480, 1100, 3300, 1180, 1480, 460, 0, 1900], flexible: 6, least: 2400, total: DOCXPage.landscapeWidth)
    }
}

/// One group's table in 附件1: the group, how many columns it has (a 设区市 heading row spans them all) and their
/// widths on a landscape page.
struct DOCXRanking {
    var group: GroupSection
    var span: Int
    var grid: [Int]

    init(_ group: GroupSection) {
        self.group = group
        // 名次, 单位名称 (what is left: a character of 9 pt is 180 twips, a cell's margins 80), 代码, 设区市, the
        // columns, 加减分, 总分, 等次, 名次变化, 总分变化.
        let widths =
            [560, 0, 1050, 820] + group.columns.map { _ in 810 } + (group.hasAdjustments ? [640] : []) + [680, 700]
            + (group.hasChanges ? [800, 800] : [])
        span = widths.count
        grid = DOCXPage.grid(widths, flexible: 1, least: 2400, total: DOCXPage.landscapeWidth)
    }
}

/// One unit's sheet as `center-document.xml` lays it out: the sheet, the records behind its lost points by
/// indicator, and the numbers of the sections it has (三、四、五… follow on whichever are there).
struct DOCXSheet {
    var sheet: CenterSheet
    var issuerSize: Int
    var recordGroups: [DOCXRecordGroup]
    /// `三`, `四` … for 失分记录, 明察暗访发现的问题 and 整改要求; `nil` for a section the unit does not have.
    var recordsOrdinal: String?
    var findingsOrdinal: String?
    var rectifyOrdinal: String
    var indicatorsGrid: [Int]
    var recordsGrid: [Int]
    var findingsGrid: [Int]

    static let ordinals = ["三", "四", "五"]

    init(_ sheet: CenterSheet) {
        self.sheet = sheet
        issuerSize = DOCXPage.issuerSize(sheet.issuer)
        let detail = sheet.detail
        recordGroups =
            detail.lost.map { DOCXRecordGroup(heading: "\($0.title)（失\($0.lostText)分）", line: $0) }
            + detail.adjustments.filter(\.hasRecords).map { DOCXRecordGroup(heading: $0.title, line: $0) }
        var next = Self.ordinals[...]
        recordsOrdinal = recordGroups.isEmpty ? nil : next.popFirst()
        findingsOrdinal = detail.findings.isEmpty ? nil : next.popFirst()
        rectifyOrdinal = next.popFirst() ?? "五"
        // In 9 pt: 指标, 类别, 考核值, 得分, 满分, 计分过程 (what is left); 序号, 记录, 取值; 序号, 时间, 方式, 问题类别, 程度,
        // 事实, 整改.
        let width = DOCXPage.portraitWidth
        indicatorsGrid = DOCXPage.grid([1600, 1500, 1350, 620, 620, 0], flexible: 5, least: 2400, total: width)
        recordsGrid = DOCXPage.grid([500, 2600, 0], flexible: 2, least: 2400, total: width)
        findingsGrid = DOCXPage.grid([480, 1100, 1100, 1400, 460, 0, 1700], flexible: 5, least: 2000, total: width)
    }
}

/// The records behind one indicator's lost points (or one adjustment's), under a heading.
struct DOCXRecordGroup {
    var heading: String
    var note: String
    var records: [RecordLine]
    var hasRecords: Bool

    init(heading: String, line: DetailLine) {
        self.heading = heading
        note = line.recordsNote
        records = line.records
        hasRecords = line.hasRecords
    }
}
