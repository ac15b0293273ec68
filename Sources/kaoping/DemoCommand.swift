import ArgumentParser
import Foundation
import KaopingDemo
import KaopingStore

/// `kaoping demo`: writes the demo province's store.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Generate the demo province's store (about 1,500 assessed units) with planted effects."
    )

    @Option(help: "Number of cases (办件) to generate.")
    var cases = 200_000

    @Option(help: "Random seed; the same seed gives a byte-identical store.")
    var seed: UInt64 = 2024

    @Option(help: "Output folder; the store is written to OUT/demo.sqlite.")
    var out = "kaoping-demo"

    @Option(help: "Folder of working-day calendar files (default: Rules/calendars of this project).")
    var calendars: String?

    func validate() throws {
        guard cases >= 0, cases <= 100_000_000 else {
            throw ValidationError("--cases must be between 0 and 100000000, not \(cases)")
        }
    }

    func run() throws {
        guard let calendarFolder = calendars ?? ProjectFiles.folder("Rules").map({ $0 + "/calendars" }) else {
            throw ValidationError("cannot find Rules/calendars; run from the project folder or pass --calendars")
        }
        let files = try Store.calendarFiles(in: calendarFolder)
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let path = (out as NSString).appendingPathComponent("demo.sqlite")
        let generator = DemoGenerator(options: DemoOptions(cases: cases, seed: seed), calendarFiles: files)
        let summary = try generator.write(to: path)
        let tables = ["centers", "items", "integrations", "cases", "reviews", "inspections", "complaints", "calendar"]
        print("wrote \(path): " + tables.map { "\($0) \(summary.rows[$0] ?? 0)" }.joined(separator: ", "))
        for effect in PlantedEffect.allCases {
            let names = summary.planted.filter { $0.effect == effect }.map(\.name)
            print("planted \(effect.rawValue): \(names.joined(separator: "、"))")
        }
    }
}
