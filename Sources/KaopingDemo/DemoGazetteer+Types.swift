/// A prefecture-level city of the demo province with its county-level divisions.
public struct DemoCity: Sendable, Equatable {
    /// The city's name, e.g. `南京市`.
    public let name: String
    /// The six-digit administrative division code (行政区划代码), e.g. `320100`.
    public let code: String
    /// The county-level divisions (区、县级市、县), e.g. `["玄武区", "江宁区", …]`.
    public let counties: [String]
}

/// A service item of the province catalog (政务服务事项基本目录).
public struct DemoItem: Sendable, Equatable {
    /// The item's name, e.g. `不动产首次登记`.
    public let name: String
    /// The catalog's basic code (基本编码): two letters for the item type, five digits, three digits.
    public let basicCode: String
    /// The GB/T 39046-2020 A.1 item-type code, e.g. `01` for 行政许可, `07` for 行政确认, `20` for 公共服务.
    public let itemType: String
    /// The legal basis (设定依据), e.g. `《不动产登记暂行条例》第十七条`.
    public let legalBasis: String
    /// Statutory time limit in working days (法定办结时限); 0 for an on-the-spot item.
    public let statutoryDays: Int
    /// Promised time limit in working days (承诺办结时限), at most `statutoryDays`; 0 for an on-the-spot item.
    public let promisedDays: Int
}

/// A business department (业务主管部门) that runs sub-centers, with the items its sub-centers handle.
public struct DemoDepartment: Sendable, Equatable {
    /// The department's name without a place prefix, e.g. `自然资源和规划局`.
    public let name: String
    /// The short name used in its sub-center's name, e.g. `不动产登记` in `南京市政务服务中心不动产登记分中心`.
    public let subCenterName: String
    /// Whether the department has a sub-center at county level too (otherwise city and province level only).
    public let atCounty: Bool
    /// The catalog items this department's sub-centers handle.
    public let items: [DemoItem]
}

/// A kind of on-site service point (现场办理点, 第十八条): work that needs special facilities.
public struct DemoOnsitePoint: Sendable, Equatable {
    /// The point's short name, e.g. `机动车检测` in `南京市政务服务中心机动车检测现场办理点`.
    public let name: String
    /// The department that runs it, e.g. `公安局`.
    public let department: String
    /// The catalog items handled at such points.
    public let items: [DemoItem]
}
