extension Formatter {
    /// Trailing comments start on a multiple of this many columns, so a small edit to the code rarely
    /// moves them.
    static let commentStop = 8

    /// Pads the runs of `X -> Y` lines (linear control points, bands, `case` arms) so their arrows line up.
    static func alignArrows(_ lines: inout [Line]) {
        for run in runs(in: lines, where: { $0.arrow != nil }) {
            let width = run.map { leftWidth(lines[$0]) }.max() ?? 0
            for index in run {
                guard let arrow = lines[index].arrow else { continue }
                let padding = String(repeating: " ", count: width - leftWidth(lines[index]))
                lines[index].segments[arrow] = padding + lines[index].segments[arrow]
            }
        }
    }

    /// Pads the rows of a test table (`id | code | name`) so that their `|` line up in columns, the width of
    /// each column that of its widest cell (Chinese characters count two).
    static func alignColumns(_ lines: inout [Line]) {
        // A cell's width runs from just after the `|` before it (or the line's start) to its own `|`.
        func width(_ line: Line, _ column: Int) -> Int {
            line.offsets[line.pipes[column]] - (column == 0 ? 0 : line.offsets[line.pipes[column - 1]] + 1)
        }
        for run in runs(in: lines, where: { !$0.pipes.isEmpty }) {
            let columns = run.map { lines[$0].pipes.count }.max() ?? 0
            for column in 0..<columns {
                let rows = run.filter { column < lines[$0].pipes.count }
                let widest = rows.map { width(lines[$0], column) }.max() ?? 0
                for index in rows {
                    let pipe = lines[index].pipes[column]
                    let padding = String(repeating: " ", count: widest - width(lines[index], column))
                    lines[index].segments[pipe] = padding + lines[index].segments[pipe]
                }
            }
        }
    }

    /// The runs of lines `belongs` accepts that are aligned together: consecutive code lines of one block, at
    /// one indentation. A blank line or any other code line ends a run; an own-line comment does not.
    private static func runs(in lines: [Line], where belongs: (Line) -> Bool) -> [[Int]] {
        var runs: [[Int]] = []
        var run: [Int] = []
        func end() {
            if !run.isEmpty { runs.append(run) }
            run = []
        }
        for index in lines.indices {
            let line = lines[index]
            if line.tokens.isEmpty {
                if line.comment == nil { end() }
                continue
            }
            if let first = run.first, !belongs(line) || lines[first].indent != line.indent || lines[first].depth != line.depth { end() }
            if belongs(line) { run.append(index) }
        }
        end()
        return runs
    }

    /// The display width of a line's code before the space in front of its `->`.
    private static func leftWidth(_ line: Line) -> Int {
        guard let arrow = line.arrow else { return 0 }
        return line.offsets[arrow] - 1
    }

    /// Lines up the trailing comments of consecutive lines: each run's comments start on the first multiple
    /// of `commentStop` columns that leaves at least two spaces after the longest code of the run.
    static func alignComments(_ lines: inout [Line]) {
        var run: [Int] = []
        func flush() {
            let widest = run.map { codeWidth(lines[$0]) }.max() ?? 0
            let column = (widest + 2 + commentStop - 1) / commentStop * commentStop
            for index in run { lines[index].commentGap = column - codeWidth(lines[index]) }
            run = []
        }
        for index in lines.indices {
            if !lines[index].tokens.isEmpty, lines[index].comment != nil {
                run.append(index)
            } else {
                flush()
            }
        }
        flush()
    }

    private static func codeWidth(_ line: Line) -> Int {
        line.indent + displayWidth(line.content)
    }
}
