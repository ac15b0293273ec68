import KaopingStore

extension DemoGenerator {
    /// The assessors' findings of the 银川 分厅 scoring table (`Rules/examples/yinchuan-branch-halls.rules`):
    /// an extra table that is not part of the canonical schema, to show that rules read any table with a
    /// center key. Its period column is registered in `kaoping_meta`.
    static let findingItems: [(indicator: String, item: String, weight: Double)] = [
        ("领导重视", "无专题研究", 0.10), ("领导重视", "未纳入部门考核", 0.08), ("领导重视", "评优比例低于20%", 0.06),
        ("事项进厅", "事项未进厅", 0.15), ("事项进厅", "进厅事项未公开", 0.10), ("事项进厅", "无办事指南等宣传资料", 0.05),
        ("办事效率", "不按要求配合", 0.05), ("办事效率", "要求减而未减", 0.06),
        ("环境建设设备配置", "环境杂乱", 0.06), ("环境建设设备配置", "服装不统一", 0.06), ("环境建设设备配置", "无便民设施", 0.04),
        ("环境建设设备配置", "办公设施不全", 0.04), ("环境建设设备配置", "设备故障延误三个工作日以上", 0.03),
        ("信息畅通", "少报信息", 0.12), ("群众投诉", "被媒体曝光", 0.02),
    ]

    func writeFindings(_ database: Database) throws {
        var random = SeededRandom(seed: options.seed, stream: 8)
        try database.execute(
            """
            CREATE TABLE assessor_findings (
                id INTEGER PRIMARY KEY,
                center_id INTEGER NOT NULL REFERENCES centers(id),
                found_at INTEGER NOT NULL CHECK (typeof(found_at) = 'integer'),
                indicator TEXT NOT NULL,
                item TEXT NOT NULL,
                quantity INTEGER NOT NULL DEFAULT 1 CHECK (quantity >= 1)
            );
            CREATE INDEX assessor_findings_center ON assessor_findings(center_id);
            INSERT INTO kaoping_meta(key, value) VALUES ('period_column.assessor_findings', 'found_at');
            """)
        let insert = try database.prepare(
            "INSERT INTO assessor_findings(center_id, found_at, indicator, item, quantity) VALUES (?, ?, ?, ?, ?)")
        for unit in units where unit.isAssessed {
            let diligence = unit.profile.effect == .excellent ? 0.0 : unit.profile.effect == nil ? 1.0 : 2.0
            for finding in DemoGenerator.findingItems where random.chance(finding.weight * diligence) {
                let day = randomWorkday(&random)
                let quantity = finding.item.hasPrefix("事项") || finding.item == "少报信息" ? random.int(1...4) : 1
                try insert.run([
                    .integer(Int64(unit.id)), .integer(day.startInstant + Int64(random.int(32_400...61_200))), .text(finding.indicator),
                    .text(finding.item), .integer(Int64(quantity)),
                ])
            }
        }
    }
}
