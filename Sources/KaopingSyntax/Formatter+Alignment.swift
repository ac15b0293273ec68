extension Formatter {
    /// Trailing comments start on a multiple of this many columns, so a small edit to the code rarely
    /// moves them.
    static let commentStop = 8

    /// Pads the runs of `X -> Y` lines (linear control points, bands, `case` arms) so their arrows line up.
    ///
    /// A run is consecutive statement lines of one block, at one indentation, each with a single `->`
    /// outside brackets; a blank line or any other code line ends it, an own-line comment does not.
    static func alignArrows(_ lines: inout [Line]) {
        var run: [Int] = []
        func flush() {
            let width = run.map { leftWidth(lines[$0]) }.max() ?? 0
            for index in run {
                guard let arrow = lines[index].arrow else { continue }
                let padding = String(repeating: " ", count: width - leftWidth(lines[index]))
                lines[index].segments[arrow] = padding + lines[index].segments[arrow]
            }
            run = []
        }
        for index in lines.indices {
            let line = lines[index]
            if line.tokens.isEmpty {
                if line.comment == nil { flush() }
                continue
            }
            if let first = run.first, line.arrow == nil || lines[first].indent != line.indent || lines[first].depth != line.depth {
                flush()
            }
            if line.arrow != nil { run.append(index) }
        }
        flush()
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
