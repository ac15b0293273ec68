import KaopingStore

/// Made-up personal data for the demo's exports (`kaoping demo --export`): an export from the provincial platform
/// carries applicants' names, ID numbers, phone numbers and addresses, which a store never holds (the mappings
/// drop them), so the demo's export fills those columns with plausible values drawn from its seed — the same seed,
/// the same values. The names are common surnames and given names, the ID numbers have the right shape and check
/// digit (GB 11643) on a Jiangsu division, the mobile numbers real prefixes; all are drawn at random, not taken
/// from anyone.
public struct DemoPersonalData {
    private var random: SeededRandom
    /// What each header asks for, worked out once.
    private var kinds: [String: Kind] = [:]

    enum Kind { case idNumber, phone, address, applicant, name }

    /// Values drawn from `seed` (a stream of its own: the store's rows do not depend on them).
    public init(seed: UInt64) {
        random = SeededRandom(seed: seed, stream: 9)
    }

    /// The next value for the personal column headed `column`: chosen by what the header names — an ID number,
    /// a phone, an address, or else a person's name (an applicant that is a company gets a company's name).
    public mutating func value(for column: String) -> String {
        let kind = kinds[column] ?? Self.kind(of: column)
        kinds[column] = kind
        switch kind {
        case .idNumber: return idNumber()
        case .phone: return phone()
        case .address: return address()
        case .applicant: return random.chance(0.15) ? company() : name()
        case .name: return name()
        }
    }

    static func kind(of column: String) -> Kind {
        if column.contains("证件") || column.contains("身份证") { return .idNumber }
        if column.contains("电话") || column.contains("手机") { return .phone }
        if column.contains("地址") { return .address }
        return column.contains("申请人名称") ? .applicant : .name
    }

    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
    static let given = Array("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕鹏飞建国志强海波晓东文博子涵欣怡浩然梓萱宇轩雨桐思远佳琪俊杰婷婷")
    static let roads = ["中山路", "人民路", "解放路", "建设路", "长江路", "和平路", "新华路", "文化路", "学府路", "江南大道"]
    static let companyWords = ["宏达", "恒信", "华泰", "金鼎", "瑞丰", "新源", "汇通", "德润", "永安", "嘉禾"]
    static let companyKinds = ["科技有限公司", "商贸有限公司", "建筑工程有限公司", "食品有限公司", "物业管理有限公司", "餐饮管理有限公司"]

    mutating func name() -> String {
        var text = String(random.element(of: Self.surnames))
        for _ in 0..<(random.chance(0.7) ? 2 : 1) { text.append(random.element(of: Self.given)) }
        return text
    }

    mutating func company() -> String {
        let city = random.element(of: DemoGazetteer.cities)
        return String(city.name.dropLast()) + random.element(of: Self.companyWords) + random.element(of: Self.companyKinds)
    }

    /// 18 characters: a Jiangsu county's division code, a birth day between 1950 and 2005, a sequence and the check
    /// character of GB 11643 (`0`–`9` or `X`).
    mutating func idNumber() -> String {
        let city = random.element(of: DemoGazetteer.cities)
        let county = random.int(2...(city.counties.count + 1))
        let year = random.int(1950...2005)
        let month = random.int(1...12)
        let day = random.int(1...CivilDay.daysIn(month: month, year: year))
        let body =
            String(city.code.prefix(4)) + twoDigits(county) + String(year) + twoDigits(month) + twoDigits(day)
            + threeDigits(random.int(1...999))
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(body, weights).reduce(0) { $0 + ($1.0.wholeNumberValue ?? 0) * $1.1 }
        return body + String(Array("10X98765432")[sum % 11])
    }

    /// An 11-digit mobile number on a real prefix.
    mutating func phone() -> String {
        let prefix = random.element(of: [
            "139", "138", "137", "136", "135", "158", "159", "150", "151", "152", "187", "188", "180", "181", "189", "177", "199",
        ])
        return prefix + (0..<8).map { _ in String(random.int(0...9)) }.joined()
    }

    mutating func address() -> String {
        let city = random.element(of: DemoGazetteer.cities)
        let county = random.element(of: city.counties)
        return "江苏省\(city.name)\(county)\(random.element(of: Self.roads))\(random.int(1...399))号"
    }
}
