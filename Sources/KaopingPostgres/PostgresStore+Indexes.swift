import KaopingStore

extension PostgresStore {
    /// An index of the store's schema, as the catalog describes it.
    struct Index {
        let table: String
        let name: String
        /// Its columns in order; an expression's place is left out.
        let columns: [String]
        let isUnique: Bool
        let isPrimary: Bool
        let hasExpressions: Bool
        /// The constraint (PRIMARY KEY, UNIQUE) the index backs, if any.
        let constraint: String?
    }

    /// Every index of the store's schema, or of one table of it, partial ones excluded.
    func indexes(of table: String? = nil) throws -> [Index] {
        try connection.query(
            """
            SELECT t.relname, i.relname, x.indisunique, x.indisprimary, x.indexprs IS NOT NULL, k.conname,
                   (SELECT string_agg(a.attname, ',' ORDER BY o.ordinality) FROM unnest(x.indkey) WITH ORDINALITY o(attnum, ordinality)
                    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = o.attnum)
            FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            LEFT JOIN pg_constraint k ON k.conindid = x.indexrelid AND k.conrelid = t.oid
            WHERE n.nspname = $1 AND ($2::text IS NULL OR t.relname = $2) AND x.indpred IS NULL
            ORDER BY t.relname COLLATE "C", i.relname COLLATE "C"
            """, [schema, table]
        ).map { row in
            Index(
                table: row[0] ?? "", name: row[1] ?? "", columns: (row[6] ?? "").split(separator: ",").map(String.init),
                isUnique: row[2] == "t", isPrimary: row[3] == "t", hasExpressions: row[4] == "t", constraint: row[5])
        }
    }
}
