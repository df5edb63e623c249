import GRDB
import MAEXCore

/// The baselines the benchmarks compare against, measured in the same run.
enum Baseline {
    /// A plain insert of one row per field operation, in one transaction, with a prepared
    /// statement, under the store's durability settings (WAL, synchronous=FULL). Seconds.
    static func bulkInsert(_ changeSets: [ChangeSet], path: String) throws -> Double {
        let pool = try DatabasePool(path: path)
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        try pool.write { db in
            try db.execute(sql: "CREATE TABLE op (record TEXT NOT NULL, field TEXT NOT NULL, author TEXT NOT NULL, seq INTEGER NOT NULL, hlc INTEGER NOT NULL, value TEXT NOT NULL)")
        }
        return try measure {
            try pool.write { db in
                let statement = try db.makeStatement(sql: "INSERT INTO op VALUES (?, ?, ?, ?, ?, ?)")
                for changeSet in changeSets {
                    let author = changeSet.author.hex
                    for case .set(let op) in changeSet.ops {
                        try statement.execute(arguments: [op.record.id, op.field, author, changeSet.seq, changeSet.hlc.milliseconds, op.value.canonicalString])
                    }
                }
            }
        }
    }
}
