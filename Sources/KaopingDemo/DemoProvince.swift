import Foundation

/// Lays out the demo province: its centers, sub-centers and on-site points, and how each behaves.
struct DemoProvince {
    private(set) var units: [DemoUnit] = []
    private var random: SeededRandom

    /// The units of the province for `seed`. The layout never depends on the number of cases.
    static func build(seed: UInt64) -> [DemoUnit] {
        var province = DemoProvince(random: SeededRandom(seed: seed, stream: 1))
        province.lay()
        province.plant()
        return province.units
    }

    private init(random: SeededRandom) {
        self.random = random
    }

    private mutating func lay() {
        let provinceName = DemoGazetteer.province
        let top = addCenter(
            name: provinceName + "政务服务中心", level: "province", region: provinceName, county: nil, division: "320000", parent: nil)
        let provincial = Array(DemoGazetteer.departments.prefix(8))
        addUnits(
            place: provinceName, level: "province", region: provinceName, county: nil, division: "320000", parent: top,
            departments: provincial, points: Array(DemoGazetteer.onsitePoints.prefix(1)))
        for city in DemoGazetteer.cities {
            let cityCenter = addCenter(
                name: city.name + "政务服务中心", level: "city", region: city.name, county: nil, division: city.code, parent: top)
            addUnits(
                place: city.name, level: "city", region: city.name, county: nil, division: city.code, parent: cityCenter,
                departments: DemoGazetteer.departments, points: DemoGazetteer.onsitePoints)
            for (index, county) in city.counties.enumerated() {
                let division = String(city.code.prefix(4)) + twoDigits(index + 2)
                let center = addCenter(
                    name: county + "政务服务中心", level: "county", region: city.name, county: county, division: division, parent: cityCenter)
                let departments = DemoGazetteer.departments.filter { $0.atCounty && random.chance(0.8) }
                let points = DemoGazetteer.onsitePoints.filter { _ in random.chance(0.25) }
                addUnits(
                    place: county, level: "county", region: city.name, county: county, division: division, parent: center,
                    departments: departments, points: points)
            }
        }
    }

    private mutating func addCenter(name: String, level: String, region: String, county: String?, division: String, parent: Int?) -> Int {
        let id = units.count + 1
        units.append(
            DemoUnit(
                id: id, code: division + "Z001", name: name, kind: "center", level: level, region: region, county: county,
                divisionCode: division, parentID: parent, department: nil, items: [], profile: DemoProfile()))
        return id
    }

    private mutating func addUnits(
        place: String, level: String, region: String, county: String?, division: String, parent: Int,
        departments: [DemoDepartment], points: [DemoOnsitePoint]
    ) {
        var sequence = 0
        for department in departments {
            sequence += 1
            var name = place + "政务服务中心" + department.subCenterName + "分中心"
            if random.chance(0.02), !DemoGazetteer.nonconformingNameTemplates.isEmpty {
                name = random.element(of: DemoGazetteer.nonconformingNameTemplates)
                    .replacingPlaceholders(place: place, department: department.subCenterName)
            }
            let owner = level == "province" ? provincialName(department.name) : department.name
            addUnit(
                code: division + "F" + threeDigits(sequence), name: name, kind: "sub_center", level: level, region: region,
                county: county, division: division, parent: parent, department: place + owner, items: department.items)
        }
        for point in points {
            sequence += 1
            addUnit(
                code: division + "D" + threeDigits(sequence), name: place + "政务服务中心" + point.name + "现场办理点",
                kind: "onsite_point", level: level, region: region, county: county, division: division, parent: parent,
                department: place + (level == "province" ? provincialName(point.department) : point.department), items: point.items)
        }
    }

    private mutating func addUnit(
        code: String, name: String, kind: String, level: String, region: String, county: String?, division: String,
        parent: Int, department: String, items: [DemoItem]
    ) {
        let handled = items.filter { _ in random.chance(0.85) }
        var profile = DemoProfile()
        profile.volume =
            exp(random.normal() * 0.6) * (level == "county" ? 0.7 : level == "city" ? 1.6 : 2.2) * (kind == "onsite_point" ? 0.5 : 1)
        profile.onTime = min(1, max(0.93, 0.985 + random.normal() * 0.01))
        profile.badReviews = min(0.12, max(0.002, 0.03 + random.normal() * 0.015))
        profile.defaultReviews = min(0.35, max(0.0, 0.10 + random.normal() * 0.06))
        profile.rectified = min(1, max(0.8, 0.97 + random.normal() * 0.03))
        profile.comprehensive = min(0.98, max(0.2, 0.76 + random.normal() * 0.14))
        profile.online = min(0.8, max(0.05, 0.35 + random.normal() * 0.12))
        profile.oneThing = max(0, 0.04 + random.normal() * 0.03)
        profile.proxy = max(0, 0.03 + random.normal() * 0.02)
        profile.appointment = max(0, 0.15 + random.normal() * 0.08)
        profile.offHours = max(0, 0.03 + random.normal() * 0.025)
        profile.repeatedCorrections = max(0, 0.012 + random.normal() * 0.008)
        profile.findings = max(0.05, 0.5 + random.normal() * 0.35)
        profile.complaints = max(0, 0.6 + random.normal() * 0.4)
        profile.complaintsOnTime = min(1, max(0.5, 0.9 + random.normal() * 0.08))
        profile.itemMismatch = random.chance(0.08) ? 0.15 + random.unit() * 0.3 : 0
        for system in ["platform", "monitoring", "case_management", "review"] {
            let draw = random.unit()
            profile.systems[system] = draw < 0.95 ? "connected" : draw < 0.975 ? "in_progress" : draw < 0.99 ? "faulty" : "none"
        }
        let head = random.unit()
        profile.headChange = head < 0.82 ? .none : head < 0.94 ? .filed : head < 0.97 ? .late : .unfiled
        units.append(
            DemoUnit(
                id: units.count + 1, code: code, name: name, kind: kind, level: level, region: region, county: county,
                divisionCode: division, parentID: parent, department: department, items: handled.isEmpty ? Array(items.prefix(1)) : handled,
                profile: profile))
    }

    /// Picks the units that carry each planted effect: busy city-level sub-centers with promised items,
    /// distinct across effects, so the effects are large enough to show in an assessment.
    private mutating func plant() {
        var candidates = units.indices.filter {
            units[$0].kind == "sub_center" && units[$0].level == "city" && units[$0].items.contains { $0.promisedDays > 0 }
                && units[$0].followsNamingRule
        }
        let plan: [(PlantedEffect, Int)] = [(.overdue, 6), (.unrectified, 6), (.serious, 5), (.unconnected, 6), (.excellent, 8)]
        for (effect, count) in plan {
            for _ in 0..<count where !candidates.isEmpty {
                let index = candidates.remove(at: random.int(0...(candidates.count - 1)))
                apply(effect, to: &units[index].profile)
            }
        }
    }

    private func apply(_ effect: PlantedEffect, to profile: inout DemoProfile) {
        profile.effect = effect
        profile.volume = max(profile.volume, 2.5)
        if effect != .excellent {
            // A unit with a planted weakness is run poorly across the board; its named effect is the largest.
            profile.comprehensive = min(profile.comprehensive, 0.5)
            profile.repeatedCorrections = max(profile.repeatedCorrections, 0.04)
            profile.findings = max(profile.findings, 1.5)
            profile.complaintsOnTime = min(profile.complaintsOnTime, 0.6)
            profile.online = min(profile.online, 0.25)
        }
        switch effect {
        case .overdue:
            profile.onTime = 0.68
        case .unrectified:
            profile.badReviews = 0.2
            profile.defaultReviews = 0.05
            profile.rectified = 0
        case .serious:
            profile.seriousFindings = 2
        case .unconnected:
            profile.systems = ["platform": "none", "monitoring": "none", "case_management": "in_progress", "review": "faulty"]
        case .excellent:
            profile.onTime = 1
            profile.badReviews = 0.003
            profile.defaultReviews = 0.02
            profile.rectified = 1
            profile.comprehensive = 0.95
            profile.online = 0.6
            profile.oneThing = 0.12
            profile.proxy = 0.08
            profile.appointment = 0.35
            profile.offHours = 0.08
            profile.repeatedCorrections = 0
            profile.findings = 0
            profile.complaints = 0
            profile.itemMismatch = 0
            profile.headChange = .none
            profile.systems = ["platform": "connected", "monitoring": "connected", "case_management": "connected", "review": "connected"]
        }
    }

    private func provincialName(_ name: String) -> String {
        name.hasSuffix("局") ? String(name.dropLast()) + "厅" : name
    }
}

func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

func threeDigits(_ value: Int) -> String { value < 10 ? "00\(value)" : value < 100 ? "0\(value)" : "\(value)" }

extension String {
    func replacingPlaceholders(place: String, department: String) -> String {
        var text = ""
        var rest = Substring(self)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            text += rest[..<open]
            switch rest[rest.index(after: open)..<close] {
            case "place": text += place
            case "dept": text += department
            default: text += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return text + rest
    }
}
