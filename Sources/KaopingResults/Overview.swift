/// What the 通报's 总体情况 states that the centers' rows only give summed (`overview` in results, schema version 2):
/// how many units earned each grade in each ranking group, and per region (设区市) how many sub-centers and on-site
/// points were assessed. Worked out from the ranked centers, so it always agrees with them.
public struct Overview: Sendable, Equatable, Codable {
    public struct GradeCount: Sendable, Equatable, Codable {
        public var group: String
        public var grade: String
        public var count: Int
    }

    public struct RegionCount: Sendable, Equatable, Codable {
        public var region: String
        public var subCenters: Int
        public var onsitePoints: Int

        enum CodingKeys: String, CodingKey {
            case region, subCenters = "sub_centers", onsitePoints = "onsite_points"
        }
    }

    /// Every group (in ranking order) × every grade (best first), zeros included.
    public var grades: [GradeCount]
    /// Every region with an assessed unit, in the order of its first unit's code (the province, then the cities).
    public var regions: [RegionCount]

    public init(centers: [CenterResult], grades names: [String]) {
        var groups: [String] = []
        for center in centers where !groups.contains(center.group) { groups.append(center.group) }
        grades = groups.flatMap { group in
            names.map { grade in
                GradeCount(group: group, grade: grade, count: centers.filter { $0.group == group && $0.grade == grade }.count)
            }
        }
        let byRegion = Dictionary(grouping: centers, by: \.region)
        regions = byRegion.keys.sorted { (byRegion[$0]?.map(\.code).min() ?? "") < (byRegion[$1]?.map(\.code).min() ?? "") }.map { region in
            let units = byRegion[region] ?? []
            return RegionCount(
                region: region, subCenters: units.filter { $0.kind == "sub_center" }.count,
                onsitePoints: units.filter { $0.kind == "onsite_point" }.count)
        }
    }

    var json: JSONValue {
        .object([
            (
                "grades",
                .array(
                    grades.map {
                        .object([("group", .string($0.group)), ("grade", .string($0.grade)), ("count", .integer(Int64($0.count)))])
                    })
            ),
            (
                "regions",
                .array(
                    regions.map {
                        .object([
                            ("region", .string($0.region)), ("sub_centers", .integer(Int64($0.subCenters))),
                            ("onsite_points", .integer(Int64($0.onsitePoints))),
                        ])
                    })
            ),
        ])
    }
}
