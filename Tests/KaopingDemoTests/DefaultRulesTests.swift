import Foundation
import KaopingDemo
import Testing

/// `kaoping demo` away from the project folder assesses with the copy of the default rules built into Kaoping:
/// it must be the shipped file, byte for byte (run `Rules/embed.sh` after editing that file).
@Suite("The default rules built into Kaoping")
struct DefaultRulesTests {
    @Test("The built-in copy is Rules/jiangsu-2024.rules")
    func builtInCopy() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let shipped = try String(contentsOf: root.appendingPathComponent("Rules/jiangsu-2024.rules"), encoding: .utf8)
        #expect(DemoGenerator.defaultRules == shipped, "run Rules/embed.sh")
    }
}
