import Foundation
import KaopingCheck
import KaopingEval
import KaopingResults
import KaopingSQL
import KaopingStore
import KaopingSyntax
import Testing

/// The records that cost points (issue 20, point 2), on the demo store under every shipped rule file.
@Suite("Evidence: the records behind each lost point")
struct EvidenceTests {
    static func plan(_ file: String, store: Store, evidence: Int? = nil) throws -> Plan {
        let loader = try RuleLoader.load(path: ShippedRules.path(file))
        return try #require(Checker.check(loader.files, schema: try SchemaCatalog(store: store), evidence: evidence).plan)
    }

    @Test(
        "Each indicator's evidence is the first 5 of the records `kaoping sql --evidence` lists, and evidence_count all of them",
        arguments: ShippedRules.ruleFiles)
    func agreesWithSQL(file: String) throws {
        let (document, _) = try ShippedRules.assess(file)
        let store = try Store.open(at: try ShippedRules.demo.get(), readOnly: true)
        let plan = try Self.plan(file, store: store)
        let statement = try store.database.prepare(try SQLCompiler(plan: plan, dialect: .sqlite).compileEvidence())
        var listed: [String: [String]] = [:]
        while try statement.step() {
            listed["\(statement.text(0) ?? "") \(statement.text(1) ?? "")", default: []].append(statement.text(2) ?? "")
        }
        var named = 0
        var vetoed = 0
        for center in document.centers {
            for (index, indicator) in center.indicators.enumerated() {
                guard let evidence = plan.indicators[index].evidence else {
                    #expect(indicator.evidence == nil && indicator.evidenceCount == nil)
                    continue
                }
                let records = listed["\(center.code) \(indicator.id)"] ?? []
                #expect(indicator.evidenceCount == records.count, "\(center.code) \(indicator.id)")
                #expect(indicator.evidence?.map(\.key) == Array(records.prefix(5)), "\(center.code) \(indicator.id)")
                #expect(indicator.evidence?.allSatisfy { $0.values.map(\.label) == evidence.labels.map(\.text) } == true)
                if evidence.rows == .failing, let population = indicator.population, let numerator = indicator.numerator {
                    #expect(indicator.evidenceCount == population - numerator, "\(center.code) \(indicator.id)")
                }
                named += indicator.evidence?.count ?? 0
            }
            for (index, adjustment) in center.adjustments.enumerated() {
                guard plan.adjustments[index].evidence != nil else {
                    #expect(adjustment.evidence == nil && adjustment.evidenceCount == nil)
                    continue
                }
                let records = listed["\(center.code) \(adjustment.id)"] ?? []
                #expect(adjustment.evidenceCount == records.count, "\(center.code) \(adjustment.id)")
                #expect(adjustment.evidence?.map(\.key) == Array(records.prefix(5)), "\(center.code) \(adjustment.id)")
                named += adjustment.evidence?.count ?? 0
            }
            if let veto = center.veto, plan.vetoes.first(where: { $0.id == veto.id })?.evidence != nil {
                let records = listed["\(center.code) \(veto.id)"] ?? []
                #expect(veto.evidenceCount == records.count && !records.isEmpty, "\(center.code) \(veto.id)")
                #expect(veto.evidence?.map(\.key) == Array(records.prefix(5)), "\(center.code) \(veto.id)")
                vetoed += 1
            }
        }
        #expect(named > 0)
        if file == "Rules/jiangsu-2024.rules" { #expect(vetoed > 0) }
    }

    @Test("An overdue case shows its times and its working days against its promised days")
    func overdueCase() throws {
        let (document, _) = try ShippedRules.assess("Rules/jiangsu-2024.rules")
        let records = document.centers.flatMap { $0.indicators.filter { $0.id == "timeliness" }.flatMap { $0.evidence ?? [] } }
        #expect(records.count > 100)
        for record in records {
            let values = Dictionary(uniqueKeysWithValues: record.values.map { ($0.label, $0.value) })
            #expect(
                record.values.map(\.label) == [
                    "accepted_at", "finished_at", "paused_days", "promised_days", "workdays(accepted_at, finished_at) - paused_days",
                ])
            guard case .number(let days)? = values["workdays(accepted_at, finished_at) - paused_days"],
                case .number(let promised)? = values["promised_days"], case .text(let accepted)? = values["accepted_at"]
            else {
                Issue.record("\(record)")
                continue
            }
            #expect(days > promised, "\(record.key)")
            #expect(accepted.range(of: #"^2024-\d\d-\d\d \d\d:\d\d:\d\d$"#, options: .regularExpression) != nil)
        }
    }

    @Test("A run through the column cache, cold and warm, names the same records byte for byte")
    func throughTheCache() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaoping-evidence-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("demo.sqlite").path
        try FileManager.default.copyItem(atPath: try ShippedRules.demo.get(), toPath: path)
        let store = try Store.open(at: path, readOnly: true)
        let plan = try Self.plan("Rules/jiangsu-2024.rules", store: store)
        func run(_ options: EvaluationOptions) throws -> String {
            try Evaluator.evaluate(plan: plan, store: store, rulesSHA256: "", options: options).json.text
        }
        let direct = try run(EvaluationOptions(threads: 1, chunkSize: 777))
        #expect(try run(EvaluationOptions(threads: 3, columnCache: true)) == direct)
        #expect(try run(EvaluationOptions(threads: 2, chunkSize: 100, columnCache: true)) == direct)
    }

    @Test("evidence N and --evidence N: how many are named; evidence 0 names none and reads no key; K0215 outside 0–1000")
    func limit() throws {
        let store = try Store.open(at: try ShippedRules.demo.get(), readOnly: true)
        let two = try Self.plan("Rules/jiangsu-2024.rules", store: store, evidence: 2)
        #expect(two.evidenceLimit == 2)
        let document = try Evaluator.evaluate(plan: two, store: store, rulesSHA256: "")
        #expect(document.centers.allSatisfy { $0.indicators.allSatisfy { ($0.evidence?.count ?? 0) <= 2 } })
        #expect(document.centers.contains { $0.indicators.contains { $0.evidence?.count == 2 } })
        let none = try Self.plan("Rules/jiangsu-2024.rules", store: store, evidence: 0)
        #expect(none.indicators.allSatisfy { $0.evidence == nil })
        #expect(none.scans.allSatisfy { $0.keySlot == nil && !$0.columns.contains("case_no") })
        for (written, clean) in [("evidence 10", true), ("evidence 0", true), ("evidence 1001", false), ("evidence 2.5", false)] {
            let text = """
                assessment "T" {
                  period 2024-01-01 .. 2024-12-31
                  \(written)
                  grades { 合格 >= 60; 不合格 }
                }
                indicator n "件数" {
                  points 10
                  from cases
                  measure count()
                  score measure
                }
                """
            let checked = Checker.check(Parser.parse(SourceFile(name: "e.rules", text: text)).file, schema: .canonical)
            #expect(checked.diagnostics.filter { $0.severity == .error }.map(\.id) == (clean ? [] : ["K0215"]), "\(written)")
        }
    }
}
