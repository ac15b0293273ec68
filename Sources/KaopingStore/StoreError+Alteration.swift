extension StoreError {
    /// What a canonical table lacks that Kaoping made it with, in the words both stores' verifications use
    /// (`Store.verifySchema`, `PostgresStore.verifySchema`); what is particular to one store's types is said there.
    public enum Alteration {
        case missingTable
        case primaryKey(found: [String], expected: [String])
        case missingColumn(String)
        case nullable(String)
        case notUnique(String)
        case missingUniqueIndex(String)

        /// Chinese, then English, following the table's name.
        public var words: (zh: String, en: String) {
            switch self {
            case .missingTable: return ("不存在", "does not exist")
            case .primaryKey(let found, let expected):
                let key = expected.joined(separator: ", ")
                if found.isEmpty { return ("缺少主键 \(key)", "has no primary key \(key)") }
                let have = found.joined(separator: ", ")
                return ("的主键是 \(have) 而非 \(key)", "has the primary key \(have), not \(key)")
            case .missingColumn(let column): return ("缺少列 \(column)", "has no column \(column)")
            case .nullable(let column): return ("的列 \(column) 缺少 NOT NULL 约束", "lets column \(column) be NULL")
            case .notUnique(let column): return ("的列 \(column) 缺少唯一约束 UNIQUE", "lets two rows share one \(column) (no UNIQUE)")
            case .missingUniqueIndex(let name): return ("缺少唯一索引 \(name)", "has no unique index \(name)")
            }
        }
    }
}
