import KaopingSyntax

/// The figures a 通报's 总体情况 states (办件量、办结量、按时办结、评价数、好评、差评及整改、明察暗访发现的问题):
/// counts over the canonical tables, written in the rule language and computed per center in the same scans as the
/// indicators, then added up over the assessed units by the evaluator (issue 21, point 2).
public struct FigurePlan: Sendable, Equatable {
    /// The figure's name in results (`cases`, `on_time` …; see `Checker.builtInFigures`).
    public var name: String
    /// A center expression counting rows of one table.
    public var value: TypedExpression
}

extension Checker {
    /// Every built-in figure: its name, the table it counts and the count, in the order results list them. A figure
    /// over a table the rules do not read is left out (reading it would add a scan, and a table the assessment does
    /// not rest on says nothing of it), as is `on_time` when no rule counts working days (the calendar is then not
    /// loaded and may be missing).
    static let builtInFigures: [(name: String, table: String, count: String)] = [
        ("cases", "cases", "count(cases)"),
        ("finished", "cases", #"count(cases where status == "finished")"#),
        ("promised_finished", "cases", #"count(cases where status == "finished" and kind == "promised")"#),
        (
            "on_time", "cases",
            #"count(cases where status == "finished" and kind == "promised" and workdays(accepted_at, finished_at) - paused_days <= promised_days)"#
        ),
        ("reviews", "reviews", "count(reviews where is_default == 0)"),
        ("good_reviews", "reviews", "count(reviews where is_default == 0 and rating >= 3)"),
        ("bad_reviews", "reviews", "count(reviews where is_default == 0 and is_malicious == 0 and rating <= 2)"),
        (
            "bad_reviews_rectified", "reviews",
            "count(reviews where is_default == 0 and is_malicious == 0 and rating <= 2 and rectified_at is not null)"
        ),
        ("complaints", "complaints", "count(complaints)"),
        ("inspections", "inspections", "count(inspections)"),
        ("inspections_serious", "inspections", #"count(inspections where severity == "serious")"#),
        ("inspections_general", "inspections", #"count(inspections where severity == "general")"#),
        ("inspections_minor", "inspections", #"count(inspections where severity == "minor")"#),
    ]

    /// The built-in figures over `tables` (those the rules read), checked as center expressions; one that does not
    /// check against this store's schema is left out.
    mutating func checkFigures(tables: Set<String>) -> [FigurePlan] {
        let calendar = usesCalendar
        var figures: [FigurePlan] = []
        for figure in Checker.builtInFigures where tables.contains(figure.table) {
            if figure.name == "on_time" && !calendar { continue }
            guard let expression = Parser.expression(figure.count) else { continue }
            let saved = (aggregates, aggregateIndices, scanColumns, evidenceLabels, usesCalendar)
            let (typed, errors) = quietly { checker in
                let before = checker.errorCount
                let typed = checker.checkExpression(expression, in: .center(table: nil, filter: nil))
                return (typed, checker.errorCount - before)
            }
            // `quietly` forgets the diagnostics only: a figure that does not check leaves nothing else behind either.
            guard errors == 0, typed.type.isNumeric, typed.type != .unknown else {
                (aggregates, aggregateIndices, scanColumns, evidenceLabels, usesCalendar) = saved
                continue
            }
            figures.append(FigurePlan(name: figure.name, value: typed.expression))
        }
        return figures
    }
}
