import KaopingCheck
import KaopingSyntax
import Testing

/// `notice { … }` (issue 21, point 1): the 通报's settings, checked like every statement.
@Suite("The notice")
struct NoticeTests {
    static let notice = """
        notice {
          issuer "江苏省政务服务管理办公室"
          number "苏政务办发〔2025〕3号"
          title "关于2024年度考核结果的通报"
          date 2025-03-14
          printed 2025-03-17
          rectification "限期整改。"
        }

        """

    @Test("Its settings reach the plan: text as written, dates as YYYY-MM-DD, what is not written absent")
    func plan() throws {
        let checked = check(header + Self.notice)
        #expect(checked.errors == [])
        let notice = try #require(checked.plan?.notice)
        #expect(notice.values["issuer"] == "江苏省政务服务管理办公室")
        #expect(notice.values["number"] == "苏政务办发〔2025〕3号")
        #expect(notice.values["date"] == "2025-03-14")
        #expect(notice.values["printed"] == "2025-03-17")
        #expect(notice.values["to"] == nil)
        #expect(check(header).plan?.notice == nil)
    }

    @Test("Wrong kinds, an impossible date, a misspelled or repeated setting and a second notice: each at its place")
    func diagnostics() throws {
        let text = """
            notice {
              issuer 12
              date "2025-03-01"
              nmber "x"
              printed 2025-02-30
            }
            notice {
              title "t"
            }
            """
        let checked = check(header + text)
        let lines = header.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        let source = SourceFile(name: "test.rules", text: header + text)
        let found = (checked.parseDiagnostics + checked.diagnostics).map { diagnostic -> String in
            let location = source.location(of: diagnostic.range.start)
            return "\(diagnostic.id) \(location.line - lines):\(location.column)"
        }.sorted()
        #expect(found == ["K0102 4:3", "K0216 7:1", "K0217 2:10", "K0217 3:8", "K0217 5:11"])
        let impossible = checked.diagnostics.first { $0.id == "K0217" && source.location(of: $0.range.start).line == lines + 5 }
        #expect(impossible?.englishMessage == "2025-02-30 is not a valid date")
    }

    @Test("fmt keeps a notice as it is laid out")
    func formatted() {
        let text = header + Self.notice
        #expect(Formatter.format(SourceFile(name: "n.rules", text: text)).text == text)
    }
}
