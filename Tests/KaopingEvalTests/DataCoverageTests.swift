import Foundation
import KaopingResults
import Testing

/// How each scanned table's rows fall against the period, counted as the table is scanned: every row of the
/// table (of any center) with a value in its period column, those before and after the period, and the first and
/// last day; the rows outside the period are also counted in `data_quality`, which records what was left out.
@Suite("Data coverage of the period")
struct DataCoverageTests {
    static let rules = """
        assessment "T" {
          period 2024-01-01 .. 2024-12-31
          grades { 合格 >= 60; 不合格 }
        }
        indicator n "件数" {
          points 100
          from cases
          measure count()
          score measure
        }
        """

    @Test("Cases before, in and after the period: counted in data_coverage and, outside it, in data_quality")
    func coverage() throws {
        let test = try TestStore()
        try test.center(1, "C1")
        try test.center(2, "C2")
        try test.addCase(1, accepted: at("2023-12-31", 23, 59, 59))  // the last second before the period
        try test.addCase(1, accepted: at("2024-01-01", 0))  // its first second
        try test.addCase(2, accepted: at("2024-06-30"))
        try test.addCase(2, accepted: at("2024-12-31", 23, 59, 59))  // its last second
        try test.addCase(1, accepted: at("2025-01-02"))
        try test.addCase(1, accepted: at("2025-01-03"))
        try test.addCase(3, accepted: at("2024-05-01"))  // a center that does not exist: still a row of the table
        let document = try test.run(Self.rules)
        #expect(
            document.dataCoverage == [
                DataCoverageEntry(
                    table: "cases", column: "accepted_at", rows: 7, inPeriod: 4, before: 1, after: 2, firstDay: "2023-12-31",
                    lastDay: "2025-01-03")
            ])
        #expect(
            document.dataQuality == [
                DataQualityEntry(table: "cases", reason: "accepted_at after the period", rows: 2),
                DataQualityEntry(table: "cases", reason: "accepted_at before the period", rows: 1),
                DataQualityEntry(table: "cases", reason: "center_id names no center", rows: 1),
            ])
        #expect(try document.center("C1").indicators.first?.measure == 1)
        #expect(try document.center("C2").indicators.first?.measure == 2)
        #expect(!document.partialDataAllowed)
    }

    @Test("An empty table is covered by no row, and has no first or last day")
    func emptyTable() throws {
        let test = try TestStore()
        try test.center(1, "C1")
        let document = try test.run(Self.rules)
        #expect(
            document.dataCoverage == [
                DataCoverageEntry(
                    table: "cases", column: "accepted_at", rows: 0, inPeriod: 0, before: 0, after: 0, firstDay: nil, lastDay: nil)
            ])
    }

    @Test("results.json writes the coverage after data_quality, and reads it back")
    func roundTrip() throws {
        let test = try TestStore()
        try test.center(1, "C1")
        try test.addCase(1, accepted: at("2024-03-01"))
        let document = try test.run(Self.rules)
        let text = document.json.text
        #expect(text.contains("\"data_coverage\": [\n    {\n      \"table\": \"cases\",\n      \"column\": \"accepted_at\""))
        #expect(text.contains("\"partial_data_allowed\": false"))
        #expect(try ResultsDocument.read(from: Data(text.utf8)) == document)
    }
}
