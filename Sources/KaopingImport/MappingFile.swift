import KaopingSyntax

/// A parsed mapping file (`*.mapping`): how one export's columns become a table's (issue 22, point 2). Written in
/// the rule language's tokens, so its mistakes are reported the same way (file:line:column, Chinese and English):
///
///     mapping cases {
///       encoding gb18030
///       time compact
///       case_no     from "办件编号"
///       center_id   from "实施主体编码" by code
///       accepted_at from "受理时间" time iso
///       kind        from "办件类型" codes { "1" -> "instant"; "即办件" -> "instant"; "2" -> "promised" }
///       channel     = "window"
///       personal "申请人姓名" drop
///       ignore "备注", "经办人"
///     }
public struct MappingFile: Sendable, Equatable {
    public let source: SourceFile
    public var mappings: [MappingDeclaration]
    /// The extra tables the file declares (`table NAME { … }`), which its mappings may fill.
    public var tables: [TableDeclaration] = []
}

/// `table NAME "中文名" { COLUMN TYPE [required]; …; key COLUMN, …; period COLUMN }`: a table outside the canonical
/// schema (the assessors' score sheets …), created by the import when the store lacks it. Every row belongs to a
/// unit: the table has `center_id` (filled `by code`) without declaring it.
public struct TableDeclaration: Sendable, Equatable {
    public var name: Name
    public var title: Name?
    public var columns: [(name: Name, type: Name, required: Bool)] = []
    public var key: [Name] = []
    public var period: Name?

    public static func == (lhs: TableDeclaration, rhs: TableDeclaration) -> Bool {
        lhs.name == rhs.name && lhs.title == rhs.title && lhs.key == rhs.key && lhs.period == rhs.period
            && lhs.columns.map(\.name) == rhs.columns.map(\.name) && lhs.columns.map(\.type) == rhs.columns.map(\.type)
            && lhs.columns.map(\.required) == rhs.columns.map(\.required)
    }
}

/// `mapping TABLE { … }`.
public struct MappingDeclaration: Sendable, Equatable {
    public var table: Name
    /// `encoding utf8|gb18030|auto`.
    public var encoding: Name?
    /// `time FORMAT`: how the file's times are written unless a column says otherwise.
    public var time: Name?
    public var columns: [ColumnMappingSyntax] = []
    public var personal: [PersonalSyntax] = []
    /// `ignore "列", …`: source columns read and left out on purpose.
    public var ignored: [Name] = []
}

/// `TARGET from "SOURCE" [time FORMAT] [codes { "a" -> "b"; … }] [by code]` or `TARGET = CONSTANT`.
public struct ColumnMappingSyntax: Sendable, Equatable {
    public var target: Name
    public var source: Name?
    /// A constant's text (a string's value, a number as written).
    public var constant: Name?
    public var time: Name?
    public var codes: [(from: Name, to: Name)]?
    /// `by code`: the source holds the center's code, looked up to its id.
    public var lookup: Name?

    public static func == (lhs: ColumnMappingSyntax, rhs: ColumnMappingSyntax) -> Bool {
        lhs.target == rhs.target && lhs.source == rhs.source && lhs.constant == rhs.constant && lhs.time == rhs.time
            && lhs.lookup == rhs.lookup && lhs.codes?.map(\.from) == rhs.codes?.map(\.from) && lhs.codes?.map(\.to) == rhs.codes?.map(\.to)
    }
}

/// `personal "SOURCE" drop` or `personal "SOURCE" hash into TARGET`.
public struct PersonalSyntax: Sendable, Equatable {
    public var source: Name
    /// `drop` or `hash`; `nil` when neither was written (an error: personal data needs a decision).
    public var action: Name?
    public var target: Name?
}
