extension Parser {
    /// `test "name" { table …; calendar { … }; param x = v; expect "CODE" target == value }`.
    mutating func parseTest(start: Int) -> TestDeclaration? {
        guard let name = expectString("测试名称", "the test's name") else {
            skipDeclaration()
            return nil
        }
        var test = TestDeclaration(name: name, range: SourceRange(start, name.range.end))
        let end = parseBlock(keywords: Parser.testKeywords, what: ("测试内容", "test statement"), repeatable: ["table", "param", "expect"]) {
            parser, keyword in
            switch keyword {
            case "table":
                if let table = parser.parseTestTable(start: keyword.range.start) { test.tables.append(table) }
            case "calendar":
                test.calendar = parser.parseTestCalendar()
            case "param":
                guard let name = parser.expectName("参数名", "a parameter name"), parser.expect("=") else {
                    parser.skipStatement()
                    return
                }
                test.parameters.append((name, parser.parseExpression()))
                parser.endStatement()
            default:
                if let expectation = parser.parseExpectation(start: keyword.range.start) { test.expectations.append(expectation) }
                parser.endStatement()
            }
        }
        test.range = SourceRange(start, end)
        return test
    }

    /// `table NAME {` then a header line `a | b | c` and one line per row.
    private mutating func parseTestTable(start: Int) -> TestTable? {
        guard let name = expectName("表名", "a table name") else {
            skipStatement()
            return nil
        }
        let opening = current.range
        guard expect("{") else {
            skipStatement()
            return nil
        }
        var columns: [Name] = []
        var rows: [[Expression]] = []
        var first = true
        while !atEnd && !current.is("}") {
            if accept(";") { continue }
            suppressing = false
            let rowStartIndex = index
            defer {
                // A line that starts with what is neither a name nor a value (`)` alone on a line) consumes
                // nothing; skip it, or the loop would never end.
                if index == rowStartIndex { skipStatement() }
            }
            if first {
                repeat {
                    if let column = expectName("字段名", "a column name") { columns.append(column) }
                } while accept("|")
                first = false
            } else {
                var row: [Expression] = []
                let rowStart = current.range.start
                repeat {
                    row.append(parseExpression())
                } while accept("|")
                if row.count != columns.count {
                    error(
                        "K0130", SourceRange(rowStart, previousEnd), zh: "这一行有 \(row.count) 个值，表头有 \(columns.count) 个字段",
                        en: "this row has \(row.count) values but the header has \(columns.count) columns",
                        hint: "用“|”分隔每个值，每行一条记录", hintEn: "separate values with `|`, one record per line")
                }
                rows.append(row)
            }
            if !atEnd && !current.is("}") && !atLineStart && !current.is(";") {
                expected("换行（每行一条记录）", "a new line (one record per line)")
                skipStatement()
            }
        }
        closeBlock(openedAt: opening)
        return TestTable(name: name, columns: columns, rows: rows, range: SourceRange(start, previousEnd))
    }

    /// `calendar { holiday DAY[..DAY]; workday DAY }`.
    private mutating func parseTestCalendar() -> [(kind: String, first: Expression, last: Expression?)] {
        var entries: [(kind: String, first: Expression, last: Expression?)] = []
        let opening = current.range
        guard expect("{") else {
            skipStatement()
            return entries
        }
        while !atEnd && !current.is("}") {
            if accept(";") { continue }
            suppressing = false
            guard current.isWord("holiday") || current.isWord("workday") else {
                reportUnknown(current, among: ["holiday", "workday"], what: ("日历条目", "calendar entry"))
                skipStatement()
                continue
            }
            let kind = advanceText()
            let first = parsePrimary()
            let last = accept("..") ? parsePrimary() : nil
            entries.append((kind, first, last))
            endStatement()
        }
        closeBlock(openedAt: opening)
        return entries
    }

    /// `"CODE" target == value`, `target` being `name` or `name.field`.
    private mutating func parseExpectation(start: Int) -> Expectation? {
        guard let center = expectString("单位代码", "the center's code") else { return nil }
        var target: [Name] = []
        guard
            let first = expectName(
                "期望的结果（如 total、grade、timeliness.points）", "the result expected (such as total, grade, timeliness.points)")
        else {
            return nil
        }
        target.append(first)
        while accept(".") {
            if let next = expectName("结果字段", "a result field") { target.append(next) }
        }
        let approximate = current.is("≈") || current.is("~=")
        guard atComparison || approximate else {
            expected("比较符（如 ==、≈）", "a comparison (such as == or ≈)")
            return nil
        }
        let comparison = approximate ? "≈" : advanceText()
        if approximate { advance() }
        let value = parseExpression()
        var expectation = Expectation(
            center: center, target: target, comparison: comparison, value: value, range: SourceRange(start, value.range.end))
        if !approximate, current.isWord("within") {
            expected(
                "换行（within 只用于 ≈）", "a new line (`within` goes with ≈ only)",
                hint: "写成 \(target.map(\.text).joined(separator: ".")) ≈ 值 within 容差",
                hintEn: "write \(target.map(\.text).joined(separator: ".")) ≈ VALUE within TOLERANCE")
            return nil
        }
        if approximate {
            guard acceptWord("within") else {
                expected("“within 容差”（如 ≈ 0.7699 within 0.0001）", "`within TOLERANCE` (as in ≈ 0.7699 within 0.0001)")
                return nil
            }
            let tolerance = parseExpression()
            expectation.tolerance = tolerance
            expectation.range = SourceRange(start, tolerance.range.end)
        }
        return expectation
    }
}
