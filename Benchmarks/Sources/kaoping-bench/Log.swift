import Foundation

/// Progress lines on standard error, so that standard output holds only the results table.
enum Log {
    static func line(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
