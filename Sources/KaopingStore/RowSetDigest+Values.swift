/// Rows given as values rather than read from SQLite, for a store held elsewhere (PostgreSQL): each row is hashed as
/// the same line `appendValue` makes of a SQLite row, so the same rows give the same digest.
extension RowSetDigest {
    /// Adds one row, its values in the table's column order.
    public mutating func add(values: [SQLValue]) {
        var line: [UInt8] = []
        for value in values {
            switch value {
            case .null: line.append(UInt8(ascii: "n"))
            case .integer(let number):
                line.append(UInt8(ascii: "i"))
                RowSetDigest.appendDecimal(number, to: &line)
            case .real(let number):
                line.append(UInt8(ascii: "r"))
                line += "\(number)".utf8
            case .text(let text):
                line.append(UInt8(ascii: "t"))
                RowSetDigest.appendDecimal(Int64(text.utf8.count), to: &line)
                line.append(UInt8(ascii: ":"))
                line += text.utf8
            }
            line.append(0x1F)
        }
        line.append(0x0A)
        add(line: line)
    }
}
