import KaopingStore
import KaopingSyntax

/// A checked mapping: how each column of a canonical table is filled from an export's columns (issue 22).
public struct Mapping: Sendable, Equatable {
    public var table: String
    /// The table's specification: a canonical table's, or the one the mapping file declares.
    public var spec: TableSpec
    /// `nil`: detected from the file.
    public var encoding: TextEncoding?
    public var columns: [ColumnMapping]
    /// Source columns holding personal data: dropped, or hashed (HMAC-SHA256 with the `--pii-key`) into a column.
    public var personal: [PersonalColumn]
    /// Source columns read and left out on purpose.
    public var ignored: [String]

    /// Whether a personal column is hashed into a column, so that the import needs a key (`--pii-key`).
    public var needsKey: Bool { columns.contains(where: \.hashed) }

    /// The source columns the mapping names, every one: an export column it does not name is refused, not dropped.
    public var sourceColumns: Set<String> {
        Set(columns.compactMap(\.source) + personal.map(\.source) + ignored)
    }
}

/// One target column and where its values come from.
public struct ColumnMapping: Sendable, Equatable {
    public var target: String
    public var type: ColumnType
    /// The source column, or `nil` for a constant.
    public var source: String?
    public var constant: String?
    public var time: TimeFormat
    /// Source values to canonical codes (`即办件` → `instant`); empty: taken as written.
    public var codes: [String: String]
    /// Whether the source holds a center's code, looked up to its id.
    public var byCenterCode: Bool
    /// Whether the source is a personal column kept only as its HMAC-SHA256 (`personal "…" hash into COLUMN`).
    public var hashed = false
}

/// A source column with personal data and what becomes of it.
public struct PersonalColumn: Sendable, Equatable {
    public var source: String
    /// The column its HMAC-SHA256 goes to; `nil`: dropped.
    public var hashInto: String?
}
