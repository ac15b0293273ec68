import CLibPQ
import KaopingStore

extension PostgresConnection {
    /// Streams `rows` into `table` with `COPY … FROM STDIN` (text format) and returns how many rows were copied.
    ///
    /// Each row has one field per column, `nil` for NULL. Fields are sent as text in the form their columns read
    /// (`12`, `2024-01-01`); tabs, newlines, carriage returns and backslashes in them are escaped, so any text arrives
    /// as it is. The rows are read once, in order, and sent in blocks of about 256 KB. The COPY is one statement: if
    /// a row is refused, none is kept.
    /// - Throws: `PostgresError` when a row has the wrong number of fields (naming the row) or the server refuses
    ///   the data (with its context, which names the line and column: `COPY cases, line 3, column center_id: "x"`).
    @discardableResult
    public func copy<Rows: Sequence<[String?]>>(into table: String, columns: [String], rows: Rows) throws -> Int {
        let action = "copying rows into \(table)"
        let sql = "COPY \(quoteIdentifier(table)) (\(columns.map(quoteIdentifier).joined(separator: ", "))) FROM STDIN"
        let start = PQexec(handle, sql)
        defer { PQclear(start) }
        try check(start, accepting: [PGRES_COPY_IN], action: action, sql: sql)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 18)
        var line = 0
        for row in rows {
            line += 1
            guard row.count == columns.count else {
                try abortCopy(
                    "line \(line) has \(row.count) field(s), but \(columns.count) column(s) were named", action: action, sql: sql)
            }
            for (index, field) in row.enumerated() {
                if index > 0 { buffer.append(0x09) }
                PostgresConnection.appendCopyText(field, to: &buffer)
            }
            buffer.append(0x0A)
            if buffer.count >= 1 << 18 {
                try send(buffer, action: action, sql: sql)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if !buffer.isEmpty { try send(buffer, action: action, sql: sql) }
        guard PQputCopyEnd(handle, nil) == 1 else {
            let message = libpqMessage()
            drainResults()
            throw PostgresError(action: action, location: location, message: message, sql: sql)
        }
        return try finishCopy(action: action, sql: sql)
    }

    /// A field in COPY's text format: `\N` for NULL; a backslash, tab, newline or carriage return escaped.
    static func appendCopyText(_ field: String?, to buffer: inout [UInt8]) {
        guard let field else {
            buffer += [0x5C, 0x4E]  // \N
            return
        }
        for byte in field.utf8 {
            switch byte {
            case 0x5C: buffer += [0x5C, 0x5C]
            case 0x09: buffer += [0x5C, 0x74]
            case 0x0A: buffer += [0x5C, 0x6E]
            case 0x0D: buffer += [0x5C, 0x72]
            default: buffer.append(byte)
            }
        }
    }

    private func send(_ buffer: [UInt8], action: String, sql: String) throws {
        let sent = buffer.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { PQputCopyData(handle, $0.baseAddress, Int32($0.count)) }
        }
        guard sent == 1 else {
            let message = libpqMessage()
            drainResults()
            throw PostgresError(action: action, location: location, message: message, sql: sql)
        }
    }

    /// Ends the COPY with an error, so the server keeps none of its rows, and throws `reason`.
    private func abortCopy(_ reason: String, action: String, sql: String) throws -> Never {
        _ = PQputCopyEnd(handle, reason)
        drainResults()
        throw PostgresError(action: action, location: location, message: reason, sql: sql)
    }

    /// Reads the COPY's outcome: the number of rows, or the server's error.
    private func finishCopy(action: String, sql: String) throws -> Int {
        var failure: PostgresError?
        var count = 0
        while let result = PQgetResult(handle) {
            defer { PQclear(result) }
            guard failure == nil else { continue }
            if PQresultStatus(result) == PGRES_COMMAND_OK {
                count = Int(String(cString: PQcmdTuples(result))) ?? 0
            } else {
                failure = error(result, action: action, sql: sql)
            }
        }
        if let failure { throw failure }
        return count
    }

    /// Reads and drops every pending result, so the connection can run the next statement.
    func drainResults() {
        while let result = PQgetResult(handle) { PQclear(result) }
    }
}
