import Foundation
import KaopingResults
import Testing

// MARK: - Definitions, scalar min and max, durations counted from a column

extension LanguageConstructTests {
    /// D1's cases, 2024 (calendar: 2024-02-10..17 春节, 02-18 a swapped working day):
    ///
    /// | case | accepted     | finished     | promised | paused |
    /// |------|--------------|--------------|----------|--------|
    /// | 1    | Thu 02-08    | Mon 02-19    | 3        | 0      | deadline 02-08 + 3 workdays = 02-19: on time
    /// | 2    | Thu 02-08    | Tue 02-20    | 3        | 2      | deadline 02-19: late
    /// | 3    | Fri 03-01    | Wed 03-06    | 2        | 4      | deadline Tue 03-05: late
    ///
    /// Reviews: ratings 1 (default), 2, 5 and 2 (malicious).
    @Suite("Language: define, min/max of two values, durations from a column")
    struct DefinitionConstructTests {
        static func store() throws -> TestStore {
            let test = try TestStore()
            try test.center(1, "D1")
            try test.addCase(1, accepted: at("2024-02-08"), finished: at("2024-02-19", 17), promised: 3)
            try test.addCase(1, accepted: at("2024-02-08"), finished: at("2024-02-20"), promised: 3, paused: 2)
            try test.addCase(1, accepted: at("2024-03-01"), finished: at("2024-03-06"), promised: 2, paused: 4)
            try test.addReview(1, rating: 1, rated: at("2024-04-01"), isDefault: 1)
            try test.addReview(1, rating: 2, rated: at("2024-04-02"))
            try test.addReview(1, rating: 5, rated: at("2024-04-03"))
            try test.addReview(1, rating: 2, rated: at("2024-04-04"), malicious: 1)
            return test
        }

        @Test("A definition is read where it is used; a deadline counts working days from a column; min and max of two values")
        func constructs() throws {
            let doc = try Self.store().run(
                assessment() + """
                    define bad_review = rating <= 2 and is_default == 0 and is_malicious == 0
                    define deadline = accepted_at + promised_days workdays
                    define on_time = finished_at <= deadline
                    indicator bad "差评" {
                      points 10
                      from reviews where bad_review
                      measure count()
                      score measure
                    }
                    indicator ontime "按时" {
                      points 10
                      from cases
                      measure rate(on_time)
                      score linear { 0% -> 0; 100% -> full }
                      when empty: full
                    }
                    indicator capped "封顶" {
                      points 10
                      from cases
                      measure sum(min(paused_days, 3)) + max(count(), 10)
                      score measure
                    }
                    indicator early "提前" {
                      points 10
                      from cases
                      measure count(where finished_at <= accepted_at + promised_days days)
                      score measure
                    }
                    """)
            // Only the rating-2 review that is neither default nor malicious.
            #expect(try doc.indicator("D1", "bad").measure == 1)
            #expect(try doc.indicator("D1", "ontime").numerator == 1)
            // min(0, 3) + min(2, 3) + min(4, 3) = 5, plus max(3, 10) = 10.
            #expect(try doc.indicator("D1", "capped").measure == 15)
            // Calendar days: 02-08 + 3 days = 02-11 09:00 (no), 03-01 + 2 days = 03-03 (no): none.
            #expect(try doc.indicator("D1", "early").measure == 0)
        }
    }
}
