extension CanonicalSchema {
    /// Pairs of times that must be in order, per table: a row whose later time is before its earlier one
    /// is left out of every aggregate of the table and counted in the results' `data_quality`.
    public static let orderedTimes: [String: [(earlier: String, later: String)]] = [
        "cases": [("accepted_at", "finished_at")],
        "reviews": [("rated_at", "rectified_at"), ("rated_at", "revisited_at")],
        "inspections": [("inspected_at", "rectified_at")],
        "complaints": [("received_at", "closed_at")],
    ]

    /// The codes of `centers.kind`.
    public static let centerKinds = ["center", "sub_center", "onsite_point"]
    /// The codes of `centers.level`.
    public static let levels = ["province", "city", "county"]
    /// The codes of `integrations.system`.
    public static let systems = ["platform", "monitoring", "case_management", "review"]
    /// The codes of `integrations.status`.
    public static let integrationStatuses = ["none", "in_progress", "connected", "faulty"]
    /// The codes of `cases.kind`.
    public static let caseKinds = ["instant", "promised"]
    /// The codes of `cases.channel`.
    public static let caseChannels = ["window", "online", "mobile", "selfservice", "mail"]
    /// The codes of `cases.window_type`.
    public static let windowTypes = ["comprehensive", "dedicated"]
    /// The codes of `cases.status`.
    public static let caseStatuses = ["accepted", "finished", "rejected", "withdrawn", "voided"]
    /// The codes of `cases.result`.
    public static let caseResults = ["granted", "denied", "transferred"]
    /// The codes of `reviews.channel` (GB/T 39046-2020 表9 评价渠道).
    public static let reviewChannels = ["pc", "mobile", "qrcode", "tablet", "terminal", "phone", "sms"]
    /// The codes of `inspections.mode`.
    public static let inspectionModes = ["open", "covert", "video"]
    /// The codes of `inspections.severity`.
    public static let severities = ["minor", "general", "serious"]

    static let centers = TableSpec(
        name: "centers", chinese: "被考核单位", english: "every assessed unit and the centers above them",
        columns: [
            ColumnSpec("id", .integer, nullable: false, constraint: "PRIMARY KEY", zh: "单位编号", en: "unit number (key)"),
            ColumnSpec(
                "code", .text, nullable: false, constraint: "UNIQUE", zh: "单位代码", en: "unit code",
                unit: "opaque text, e.g. 统一社会信用代码", gbt: "实施主体编码 (表4)"),
            ColumnSpec("name", .text, nullable: false, zh: "单位名称", en: "unit name", gbt: "实施主体 (表4)"),
            ColumnSpec(
                "kind", .code, nullable: false, codes: centerKinds, zh: "单位类型：综合性政务服务中心/分中心/现场办理点",
                en: "kind: comprehensive center, sub-center, on-site service point"),
            ColumnSpec(
                "level", .code, nullable: false, codes: levels, zh: "层级：省/市/县", en: "level: province, city, county",
                gbt: "行使层级代码 (A.2: 2 省级, 3 市级, 4 县级)"),
            ColumnSpec("region", .text, nullable: false, zh: "所属设区市（省级为“江苏省”）", en: "city (the province for province-level units)"),
            ColumnSpec("county", .text, zh: "所属县（市、区），市级及以上为空", en: "county-level division; NULL above county level"),
            ColumnSpec(
                "division_code", .text, constraint: "CHECK (division_code IS NULL OR division_code GLOB '[0-9][0-9][0-9][0-9][0-9][0-9]')",
                zh: "行政区划代码", en: "administrative division code", unit: "6 digits", gbt: "行政区划 (n..9)", since: 2),
            ColumnSpec(
                "parent_id", .integer, constraint: "REFERENCES centers(id)", zh: "上级综合性政务服务中心", en: "the comprehensive center it belongs to"
            ),
            ColumnSpec("department", .text, zh: "业务主管部门", en: "business department that runs it"),
            ColumnSpec("head_changed_at", .time, zh: "负责人最近变更时间", en: "when its head last changed", unit: "Unix seconds"),
            ColumnSpec(
                "head_change_filed_at", .time, zh: "负责人变更报备时间（第七条(五)）", en: "when the head change was filed with the office",
                unit: "Unix seconds"),
        ],
        constraints: [], indexes: [], centerColumn: "id", periodColumn: nil, since: 1)

    static let integrations = TableSpec(
        name: "integrations", chinese: "系统对接情况", english: "per center and system: is it docked and syncing",
        columns: [
            ColumnSpec("center_id", .integer, nullable: false, constraint: "REFERENCES centers(id)", zh: "单位编号", en: "unit"),
            ColumnSpec(
                "system", .code, nullable: false, codes: systems,
                zh: "系统：一体化在线政务服务平台/现场监控/办件管理/好差评", en: "system: online platform, on-site monitoring, case management, review"),
            ColumnSpec(
                "status", .code, nullable: false, codes: integrationStatuses, zh: "对接状态：未对接/对接中/已对接/异常",
                en: "status: none, in progress, connected, faulty"),
            ColumnSpec("connected_at", .time, zh: "首次对接时间", en: "when first connected", unit: "Unix seconds"),
            ColumnSpec("last_sync_at", .time, zh: "最近同步时间", en: "last successful sync", unit: "Unix seconds", gbt: "cd_time 同步时间"),
            ColumnSpec(
                "sync_failures", .integer, nullable: false, constraint: "DEFAULT 0 CHECK (sync_failures >= 0)",
                zh: "考核期内同步失败批次", en: "failed sync batches in the period", unit: "batches"),
            ColumnSpec(
                "sync_batches", .integer, nullable: false, constraint: "DEFAULT 0 CHECK (sync_batches >= 0)",
                zh: "考核期内同步批次", en: "sync batches in the period", unit: "batches", gbt: "cd_batch 批次号", since: 2),
        ],
        constraints: ["PRIMARY KEY (center_id, system)"], indexes: [], centerColumn: "center_id", periodColumn: nil, since: 1)

    static let catalog = TableSpec(
        name: "catalog", chinese: "省级政务服务事项基本目录", english: "the province catalog of service items",
        columns: [
            ColumnSpec(
                "basic_code", .text, nullable: false, constraint: "PRIMARY KEY", zh: "基本编码", en: "basic code",
                unit: "opaque text", gbt: "基本编码 (表4, an..10)"),
            ColumnSpec("name", .text, nullable: false, zh: "事项名称", en: "item name", gbt: "事项名称 (表4)"),
            ColumnSpec(
                "item_type", .text, nullable: false, constraint: "CHECK (item_type GLOB '[0-9][0-9]')", zh: "事项类型代码",
                en: "item type code", unit: "2 digits", gbt: "事项类型代码 (A.1)"),
            ColumnSpec("legal_basis", .text, zh: "设定依据", en: "legal basis", gbt: "设定依据 (表4)"),
        ],
        constraints: [], indexes: [], centerColumn: nil, periodColumn: nil, since: 1)

    static let items = TableSpec(
        name: "items", chinese: "单位实施的政务服务事项", english: "the service items a center handles",
        columns: [
            ColumnSpec(
                "item_code", .text, nullable: false, constraint: "PRIMARY KEY", zh: "实施编码", en: "implementation code",
                unit: "opaque text", gbt: "实施编码 (表4, an..24)"),
            ColumnSpec(
                "center_id", .integer, nullable: false, constraint: "REFERENCES centers(id)", zh: "实施单位", en: "unit that handles it"),
            ColumnSpec(
                "basic_code", .text, zh: "对应的基本编码（应与目录一致，四级四同）", en: "basic code it claims (should match the catalog)",
                gbt: "基本编码 (表4)"),
            ColumnSpec("name", .text, nullable: false, zh: "事项名称", en: "item name as the center publishes it", gbt: "事项名称 (表4)"),
            ColumnSpec(
                "item_type", .text, constraint: "CHECK (item_type IS NULL OR item_type GLOB '[0-9][0-9]')", zh: "事项类型代码",
                en: "item type code", unit: "2 digits", gbt: "事项类型代码 (A.1)"),
            ColumnSpec("legal_basis", .text, zh: "设定依据", en: "legal basis as published", gbt: "设定依据 (表4)"),
            ColumnSpec(
                "statutory_days", .integer, constraint: "CHECK (statutory_days IS NULL OR statutory_days >= 0)", zh: "法定办结时限",
                en: "statutory time limit", unit: "working days", gbt: "法定办结时限 (表4)"),
            ColumnSpec(
                "promised_days", .integer, constraint: "CHECK (promised_days IS NULL OR promised_days >= 0)", zh: "承诺办结时限",
                en: "promised time limit", unit: "working days", gbt: "承诺办结时限 (表4)"),
            ColumnSpec("changed_at", .time, zh: "事项最近调整时间", en: "when the item last changed", unit: "Unix seconds"),
            ColumnSpec(
                "change_reported_at", .time, zh: "调整报送政务服务管理部门时间（第七条(二)）", en: "when the change was reported to the office",
                unit: "Unix seconds"),
        ],
        constraints: [], indexes: ["CREATE INDEX items_center ON items(center_id)"], centerColumn: "center_id",
        periodColumn: nil, since: 1)

    static let cases = TableSpec(
        name: "cases", chinese: "办件", english: "cases (one application each)",
        columns: [
            ColumnSpec("case_no", .text, nullable: false, constraint: "UNIQUE", zh: "办件编号", en: "case number", gbt: "办件编号 (表5, an..50)"),
            ColumnSpec(
                "center_id", .integer, nullable: false, constraint: "REFERENCES centers(id)", zh: "受理单位", en: "unit that accepted it",
                gbt: "受理单位 (表6)"),
            ColumnSpec("item_code", .text, zh: "实施编码", en: "implementation code of the item", gbt: "实施编码 (表6)"),
            ColumnSpec(
                "kind", .code, nullable: false, codes: caseKinds, zh: "办件类型：即办件/承诺件", en: "kind: instant or promised",
                gbt: "办件类型代码 (A.6: 1 即办件, 2 承诺件)"),
            ColumnSpec(
                "channel", .code, nullable: false, codes: caseChannels, zh: "申报渠道：窗口/网上/移动端/自助终端/邮寄",
                en: "channel: window, online, mobile, self-service, mail", gbt: "申报来源代码 (A.5 办理形式)"),
            ColumnSpec(
                "window_type", .code, codes: windowTypes, zh: "受理窗口类型：综合窗口/专窗（非窗口渠道为空）",
                en: "window type: comprehensive or dedicated (NULL off the window channel)"),
            ColumnSpec("submitted_at", .time, zh: "申请时间", en: "submitted", unit: "Unix seconds", gbt: "申请时间 (表5)"),
            ColumnSpec("accepted_at", .time, zh: "受理时间", en: "accepted", unit: "Unix seconds", gbt: "受理时间 (表6)"),
            ColumnSpec("finished_at", .time, zh: "办结时间", en: "finished", unit: "Unix seconds", gbt: "办结时间 (表8)"),
            ColumnSpec(
                "promised_days", .integer, constraint: "CHECK (promised_days IS NULL OR promised_days >= 0)", zh: "承诺办结时限",
                en: "promised time limit", unit: "working days", gbt: "承诺办结时限 (表4)"),
            ColumnSpec(
                "statutory_days", .integer, constraint: "CHECK (statutory_days IS NULL OR statutory_days >= 0)", zh: "法定办结时限",
                en: "statutory time limit", unit: "working days", gbt: "法定办结时限 (表4)"),
            ColumnSpec(
                "paused_days", .integer, nullable: false, constraint: "DEFAULT 0 CHECK (paused_days >= 0)",
                zh: "特别程序、暂停等不计时工作日", en: "working days not counted (special procedures, suspension)", unit: "working days",
                gbt: "特别程序 (表7, A.7)"),
            ColumnSpec(
                "status", .code, nullable: false, codes: caseStatuses, zh: "办件状态：已受理/已办结/不予受理/撤回/作废",
                en: "status: accepted, finished, rejected, withdrawn, voided", gbt: "环节办理状态 (表7)"),
            ColumnSpec(
                "result", .code, codes: caseResults, zh: "办理结果：准予/不予许可/转报（未办结为空）",
                en: "result: granted, denied, transferred (NULL until finished)", gbt: "办件结果描述 (表8)"),
            ColumnSpec(
                "one_thing", .flag, nullable: false, constraint: "DEFAULT 0", zh: "是否“一件事”集成办理",
                en: "handled as an integrated one-thing case"),
            ColumnSpec("proxy_service", .flag, nullable: false, constraint: "DEFAULT 0", zh: "是否代办帮办", en: "proxy or assisted service"),
            ColumnSpec(
                "appointment", .flag, nullable: false, constraint: "DEFAULT 0", zh: "是否预约办理", en: "by appointment", gbt: "是否支持预约办理 (表4)"),
            ColumnSpec(
                "off_hours", .flag, nullable: false, constraint: "DEFAULT 0", zh: "是否错时、延时或节假日办理",
                en: "served off hours, extended hours or on a holiday"),
            ColumnSpec(
                "corrections", .integer, nullable: false, constraint: "DEFAULT 0 CHECK (corrections >= 0)",
                zh: "补正告知次数（一次性告知要求不超过1次）", en: "requests for missing documents (one-time notice: at most 1)", unit: "times", since: 2),
            ColumnSpec(
                "visits", .integer, constraint: "CHECK (visits IS NULL OR visits >= 0)", zh: "申请人到现场次数",
                en: "visits the applicant made in person", unit: "times", gbt: "到办事现场次数 (limit_scene_num)", since: 2),
            ColumnSpec(
                "applicant_key", .text, zh: "申请人化名：申请人证件号码等经导入密钥（--pii-key）HMAC-SHA256 散列，可统计重复申请人，不可还原",
                en:
                    "the applicant, pseudonymised: an identifying field keyed-hashed (HMAC-SHA256) on import; counts repeat applicants, cannot be reversed",
                unit: "64 hexadecimal digits", gbt: "申请人证件号码 (表5), hashed", since: 3),
        ],
        constraints: [], indexes: ["CREATE INDEX cases_center ON cases(center_id)"], centerColumn: "center_id",
        periodColumn: "accepted_at", since: 1)

    static let reviews = TableSpec(
        name: "reviews", chinese: "好差评", english: "service reviews",
        columns: [
            ColumnSpec("review_no", .text, nullable: false, constraint: "UNIQUE", zh: "评价编号", en: "review number"),
            ColumnSpec("case_no", .text, zh: "办件编号", en: "the case reviewed", gbt: "办件编号 (表9)"),
            ColumnSpec("center_id", .integer, nullable: false, constraint: "REFERENCES centers(id)", zh: "被评价单位", en: "unit reviewed"),
            ColumnSpec(
                "rating", .integer, nullable: false, constraint: "CHECK (rating BETWEEN 1 AND 5)",
                zh: "满意度：5 非常满意、4 满意、3 基本满意、2 不满意、1 非常不满意", en: "rating: 5 very satisfied … 1 very dissatisfied",
                unit: "1–5, mapped by label on import", gbt: "满意度代码 (A.8 codes the other way: 1 非常满意)"),
            ColumnSpec(
                "channel", .code, nullable: false, codes: reviewChannels, zh: "评价渠道：PC端/移动端/二维码/大厅平板/其他终端/电话/短信",
                en: "channel: PC, mobile, QR code, hall tablet, other terminal, phone, SMS", gbt: "评价渠道 (表9)"),
            ColumnSpec("is_default", .flag, nullable: false, constraint: "DEFAULT 0", zh: "是否系统默认评价", en: "given by the system by default"),
            ColumnSpec(
                "is_malicious", .flag, nullable: false, constraint: "DEFAULT 0", zh: "是否经复核认定为恶意差评（申诉成立）",
                en: "found malicious on appeal"),
            ColumnSpec("rated_at", .time, nullable: false, zh: "评价时间", en: "rated", unit: "Unix seconds", gbt: "评价时间 (表9)"),
            ColumnSpec("replied_at", .time, zh: "回复评价人时间", en: "replied to the rater", unit: "Unix seconds"),
            ColumnSpec("verified_at", .time, zh: "差评核实时间", en: "bad review verified", unit: "Unix seconds"),
            ColumnSpec("rectified_at", .time, zh: "差评整改完成时间", en: "rectification finished", unit: "Unix seconds"),
            ColumnSpec("revisited_at", .time, zh: "整改回访时间", en: "rater called back after rectification", unit: "Unix seconds"),
        ],
        constraints: [], indexes: ["CREATE INDEX reviews_center ON reviews(center_id)"], centerColumn: "center_id",
        periodColumn: "rated_at", since: 1)

    static let inspections = TableSpec(
        name: "inspections", chinese: "明察暗访发现问题", english: "inspection findings",
        columns: [
            ColumnSpec("id", .integer, nullable: false, constraint: "PRIMARY KEY", zh: "问题编号", en: "finding number"),
            ColumnSpec("center_id", .integer, nullable: false, constraint: "REFERENCES centers(id)", zh: "被检查单位", en: "unit inspected"),
            ColumnSpec("inspected_at", .time, nullable: false, zh: "检查时间", en: "inspected", unit: "Unix seconds"),
            ColumnSpec("mode", .code, nullable: false, codes: inspectionModes, zh: "检查方式：明察/暗访/视频巡查", en: "mode: open, covert, video"),
            ColumnSpec(
                "inspector_level", .code, nullable: false, codes: levels, zh: "检查主体层级：省/市/县", en: "level of the inspecting body"),
            ColumnSpec("category", .text, nullable: false, zh: "问题类别（违反的窗口服务规范）", en: "window-norm item violated"),
            ColumnSpec("severity", .code, nullable: false, codes: severities, zh: "严重程度：轻微/一般/严重", en: "severity: minor, general, serious"),
            ColumnSpec("description", .text, zh: "事实描述", en: "what was found"),
            ColumnSpec("due_at", .time, zh: "整改期限", en: "rectification due", unit: "Unix seconds"),
            ColumnSpec("rectified_at", .time, zh: "整改完成时间", en: "rectified", unit: "Unix seconds"),
        ],
        constraints: [], indexes: ["CREATE INDEX inspections_center ON inspections(center_id)"], centerColumn: "center_id",
        periodColumn: "inspected_at", since: 1)

    static let complaints = TableSpec(
        name: "complaints", chinese: "投诉", english: "complaints",
        columns: [
            ColumnSpec("id", .integer, nullable: false, constraint: "PRIMARY KEY", zh: "投诉编号", en: "complaint number"),
            ColumnSpec(
                "center_id", .integer, nullable: false, constraint: "REFERENCES centers(id)", zh: "被投诉单位", en: "unit complained about",
                gbt: "被投诉单位 (表10)"),
            ColumnSpec("received_at", .time, nullable: false, zh: "投诉时间", en: "received", unit: "Unix seconds", gbt: "投诉时间 (表10)"),
            ColumnSpec("due_at", .time, zh: "承诺办结期限", en: "due", unit: "Unix seconds", gbt: "承诺时限 (表10)"),
            ColumnSpec("closed_at", .time, zh: "办结反馈时间", en: "closed", unit: "Unix seconds", gbt: "反馈时间 (表10)"),
            ColumnSpec("substantiated", .flag, nullable: false, constraint: "DEFAULT 0", zh: "是否查实", en: "substantiated"),
        ],
        constraints: [], indexes: ["CREATE INDEX complaints_center ON complaints(center_id)"], centerColumn: "center_id",
        periodColumn: "received_at", since: 1)

    static let calendar = TableSpec(
        name: "calendar", chinese: "工作日历", english: "working-day calendar",
        columns: [
            ColumnSpec("day", .day, nullable: false, zh: "日期", en: "day", unit: "YYYY-MM-DD (China time)"),
            ColumnSpec("is_workday", .flag, nullable: false, zh: "是否工作日", en: "is a working day"),
            ColumnSpec("region", .text, zh: "适用地区（全省通用为空）", en: "region it applies to (NULL: the whole province)"),
        ],
        constraints: [], indexes: ["CREATE UNIQUE INDEX calendar_day ON calendar(day, coalesce(region, ''))"],
        centerColumn: nil, periodColumn: nil, since: 1)

    static let metadata = TableSpec(
        name: "kaoping_meta", chinese: "存储元数据", english: "store metadata (key-value)",
        columns: [
            ColumnSpec("key", .text, nullable: false, constraint: "PRIMARY KEY", zh: "键", en: "key"),
            ColumnSpec("value", .text, nullable: false, zh: "值", en: "value"),
        ],
        constraints: [], indexes: [], centerColumn: nil, periodColumn: nil, since: 1)
}
