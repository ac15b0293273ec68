import KaopingResults

/// Everything a 通报 says, worked out once from `results.json` (and a previous run's, for the changes): text ready
/// to print, which the templates under `Reports/templates/` only lay out. Text from the data is kept as it is but
/// for bidirectional controls, shown as visible escapes (`SafeText.visible`); each template's content type escapes
/// it for HTML or XML. No score is recomputed: every number is read from the results.
public struct NoticeContent {
    // 版头、落款和版记 (the rules' `notice`; empty where it says nothing).
    // Mustache renders a section for any value that is there, an empty string too: what may be missing is `nil`,
    // and each `has…` says whether a list has anything (templates read stored properties only).
    public var issuer: String?
    public var number: String?
    public var title: String
    public var to: String?
    /// 成文日期 as 2026年3月13日.
    public var date: String?
    public var copy: String?
    public var printer: String?
    public var printed: String?
    public var hasRecordLines: Bool
    /// 一、总体情况: its paragraphs, the figures in a table, and the units per region.
    public var overview: [String]
    public var figures: [Figure]
    public var hasFigures: Bool
    public var regions: [RegionRow]
    public var hasRegions: Bool
    public var regionsHaveChanges: Bool
    /// 二、考核结果: the grade counts, each group's ranking, and the 红黑榜.
    public var results: [String]
    public var groups: [GroupSection]
    public var lists: [HonourList]
    public var hasLists: Bool
    /// What the changes are measured against, when a previous run was given, and its units not assessed now.
    public var previous: String?
    public var dropped: [UnitName]
    public var hasDropped: Bool
    public var droppedCount: Int
    /// The sentence naming them (`nil` when none).
    public var droppedText: String?
    /// The note under a ranking with a ※ mark (redistributed points above a column's nominal points).
    public var redistributionNote: String?
    /// 三、存在问题: the findings in the 通报's sentence form and the indicators where most points were lost.
    public var problems: [String]
    public var findings: [FindingItem]
    public var hasFindings: Bool
    /// The findings the body names one by one: the serious ones (or, when there is none, the first general ones);
    /// all of them go to the attachment.
    public var namedFindings: [FindingItem]
    public var hasNamedFindings: Bool
    public var weakest: [WeakIndicator]
    public var hasWeakest: Bool
    /// 四、整改要求 and 结果运用.
    public var rectification: String?
    public var use: String?
    /// The charts, as inline SVG (see `Charts`).
    public var gradeChart: String
    public var heatMap: String
    public var regionChart: String
    /// The stamp: what the document was rendered from, enough to reproduce it.
    public var stamp: [StampLine]
    /// Per unit: its indicators, lost points with their records, and what it must rectify.
    public var details: [CenterDetail]

    /// The content of the 通报 of `results`; with `previous`, the changes since that run.
    public init(results: ResultsDocument, previous: ResultsDocument? = nil, resultsSHA256: String? = nil) {
        let notice = results.notice ?? Notice([:])
        let assessment = results.assessment
        let text = SafeText.visible
        let given = { (value: String?) -> String? in value.flatMap { $0.isEmpty ? nil : text($0) } }
        issuer = given(notice.issuer)
        number = given(notice.number)
        title = text(notice.title ?? assessment.title + "结果通报")
        to = given(notice.to)
        date = notice.date.map(ChineseText.date)
        copy = given(notice.copy)
        printer = given(notice.printer)
        printed = notice.printed.map { ChineseText.date($0) + "印发" }
        hasRecordLines = copy != nil || printer != nil
        rectification = given(notice.rectification)
        use = given(notice.use)
        let changes = previous.map { YearOverYear(current: results, previous: $0) }
        let units = UnitIndex(results)
        overview = Self.overviewParagraphs(results)
        figures = Self.figures(results.overview?.figures)
        hasFigures = !figures.isEmpty
        regions = Self.regions(results, previous: previous)
        hasRegions = !regions.isEmpty
        regionsHaveChanges = previous?.overview != nil
        results.assessment.grades.isEmpty ? (self.results = []) : (self.results = [Self.gradeSentence(results)])
        let layout = RankingLayout(results)
        groups = layout.groups(changes: changes, units: units)
        redistributionNote =
            groups.contains(where: \.hasMarks)
            ? "※ 该单位有指标不适用或样本不足，其分值按规则按比例并入同类其他指标，故该项得分可高于名义分值。" : nil
        lists = Self.lists(results, units: units, layout: layout)
        hasLists = !lists.isEmpty
        self.previous = changes.map { "名次和总分变化与“\(text($0.previousTitle))”（\($0.previousPeriod)）相比；“新增”为上次未参加考核的单位。" }
        dropped = changes?.dropped.map { UnitName($0) } ?? []
        hasDropped = !dropped.isEmpty
        droppedCount = dropped.count
        droppedText = dropped.isEmpty ? nil : "上次参加考核、本次不再考核的单位：" + dropped.map(\.full).joined(separator: "、") + "。"
        let problems = ProblemList(results, units: units)
        self.problems = problems.paragraphs
        findings = problems.findings
        hasFindings = !findings.isEmpty
        let serious = problems.findings.filter { $0.severity == ChineseText.severities["serious"] }
        namedFindings =
            serious.isEmpty ? Array(problems.findings.filter { $0.severity == ChineseText.severities["general"] }.prefix(10)) : serious
        hasNamedFindings = !namedFindings.isEmpty
        weakest = problems.weakest
        hasWeakest = !weakest.isEmpty
        gradeChart = Charts.grades(results)
        heatMap = Charts.heatMap(results)
        regionChart = Charts.regions(results)
        stamp = Self.stamp(results, previous: previous, resultsSHA256: resultsSHA256)
        details = results.centers.map { CenterDetail($0, results: results, units: units, layout: layout, changes: changes) }
    }

    /// 一、总体情况: the period and scope, then the figures in words.
    static func overviewParagraphs(_ results: ResultsDocument) -> [String] {
        let assessment = results.assessment
        let centers = results.centers
        let subCenters = centers.filter { $0.kind == "sub_center" }.count
        let points = centers.filter { $0.kind == "onsite_point" }.count
        var first = "本次考核期为\(ChineseText.date(assessment.period.start))至\(ChineseText.date(assessment.period.end))，"
        first += "共考核\(ChineseText.count(centers.count))个单位"
        if subCenters + points == centers.count && centers.count > 0 {
            first += "（分中心\(ChineseText.count(subCenters))个、现场办理点\(ChineseText.count(points))个）"
        }
        first += "，设考核指标\(assessment.indicators.count)项"
        let bonuses = assessment.adjustments.filter { $0.kind == "bonus" }.count
        let deductions = assessment.adjustments.filter { $0.kind == "deduction" }.count
        if bonuses > 0 { first += "、加分项\(bonuses)项" }
        if deductions > 0 { first += "、扣分项\(deductions)项" }
        if !assessment.vetoes.isEmpty { first += "、一票否决事项\(assessment.vetoes.count)项" }
        first += "。"
        var paragraphs = [first]
        guard let figures = results.overview?.figures else { return paragraphs }
        var parts: [String] = []
        if let cases = figures.cases {
            var part = "办件\(ChineseText.count(cases))件"
            if let finished = figures.finished {
                part += "，办结\(ChineseText.count(finished))件，办结率\(ChineseText.percent(finished, of: cases))"
            }
            if let onTime = figures.onTime, let promised = figures.promisedFinished {
                part +=
                    "；承诺件办结\(ChineseText.count(promised))件，按时办结\(ChineseText.count(onTime))件，按时办结率\(ChineseText.percent(onTime, of: promised))"
            }
            parts.append(part)
        }
        if let reviews = figures.reviews {
            var part = "收到主动评价\(ChineseText.count(reviews))条"
            if let good = figures.goodReviews { part += "，好评率\(ChineseText.percent(good, of: reviews))" }
            if let bad = figures.badReviews, let rectified = figures.badReviewsRectified {
                part += "；差评\(ChineseText.count(bad))条，已整改\(ChineseText.count(rectified))条，差评整改率\(ChineseText.percent(rectified, of: bad))"
            }
            parts.append(part)
        }
        if let complaints = figures.complaints { parts.append("受理投诉\(ChineseText.count(complaints))件") }
        if let inspections = figures.inspections {
            var part = "明察暗访发现问题\(ChineseText.count(inspections))个"
            let bySeverity = [("严重", figures.inspectionsSerious), ("一般", figures.inspectionsGeneral), ("轻微", figures.inspectionsMinor)]
                .compactMap { name, value in value.map { "\(name)\(ChineseText.count($0))个" } }
            if inspections > 0, !bySeverity.isEmpty { part += "（其中" + bySeverity.joined(separator: "、") + "）" }
            parts.append(part)
        }
        if !parts.isEmpty { paragraphs.append("考核期内，被考核单位共" + parts.joined(separator: "；") + "。") }
        return paragraphs
    }

    /// The grade counts in one sentence per group: "省级：优秀 3 个、良好 5 个……".
    static func gradeSentence(_ results: ResultsDocument) -> String {
        let groups = results.overview?.grades ?? []
        var order: [String] = []
        for entry in groups where !order.contains(entry.group) { order.append(entry.group) }
        let parts = order.map { group in
            let label = LevelNames.groupLabel(group, columns: results.assessment.groupBy)
            let counts = groups.filter { $0.group == group }.map { "\(SafeText.visible($0.grade))\($0.count)个" }
            return "\(SafeText.visible(label))单位" + counts.joined(separator: "、")
        }
        let vetoed = results.centers.filter { $0.veto != nil }.count
        var sentence = "考核结果：" + parts.joined(separator: "；") + "。"
        if vetoed > 0 { sentence += "其中\(vetoed)个单位因一票否决事项定为最低等次。" }
        return sentence
    }

    /// The stamp at the foot: the rules' hash, the data's digest, the parameters, the engine, the results' hash.
    static func stamp(_ results: ResultsDocument, previous: ResultsDocument?, resultsSHA256: String?) -> [StampLine] {
        let assessment = results.assessment
        let parameters = assessment.parameters.map { "\($0.name)=\($0.value)\($0.overridden ? "（命令行）" : "")" }
        var lines = [
            StampLine(label: "规则文件 SHA-256", value: assessment.rulesSHA256),
            StampLine(label: "数据摘要", value: assessment.dataDigest),
            StampLine(label: "参数", value: parameters.isEmpty ? "无" : SafeText.visible(parameters.joined(separator: "，"))),
            StampLine(label: "引擎版本", value: "Kaoping " + SafeText.visible(assessment.engineVersion)),
        ]
        if let resultsSHA256 { lines.append(StampLine(label: "据以生成的 results.json SHA-256", value: resultsSHA256)) }
        if let previous { lines.append(StampLine(label: "对比的上次考核", value: SafeText.visible(previous.assessment.title))) }
        return lines
    }
}

/// One figure of 一、总体情况, as the table beside the paragraph shows it.
public struct Figure: Sendable {
    public var label: String
    public var value: String
}

/// One line of the stamp.
public struct StampLine: Sendable {
    public var label: String
    public var value: String
}
