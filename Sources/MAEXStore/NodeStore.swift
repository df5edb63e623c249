import Foundation
import GRDB
import Logging
import MAEXCore

/// The node's SQLite store: the append-only log of signed change sets (the truth) and the
/// tables derived from it (register, conflicts), plus pending change sets, quarantine and fork
/// evidence.
///
/// One `NodeStore` owns the database file. It is a GRDB `DatabasePool`: WAL, one writer
/// connection, concurrent readers that see committed snapshots. Every method is synchronous and
/// blocks the calling thread while it waits for SQLite; call it off the cooperative pool (for
/// example from a dispatch queue) when latency matters.
///
/// Design note. The log (`change_set`) is append-only (triggers refuse UPDATE and DELETE) and
/// keeps each change set's exact signed bytes; `record` and `field_write` are a cache derived
/// from it by the same rules as `Register` and can be rebuilt (`rebuild()`), checked
/// (`verify()`) and compared by digest with any other implementation. Receiving decides with
/// `ChainDecision` (shared with `MemoryReplica`), applies each change set in a savepoint and
/// commits a batch in one transaction before answering, so an answer `.stored` is durable.
/// Pending change sets are indexed by what they wait for (`pending_need`), so a newly stored
/// change set re-examines only those it was the last requirement of. A fork flags the author and
/// re-derives the whole register (rare, and simplest to get right). With `.network(root:)` the
/// writer's `AuthorityGuard` checks every change set's authority (certificates in its view)
/// and keeps retractions true. Not done here: the clock of local authoring, sync scheduling,
/// pruning quarantine.
public final class NodeStore: Sendable {
    /// The network whose change sets this store accepts.
    public let realm: String
    /// The path of the database file.
    public let path: String
    /// How far in the future a change set's clock may be (see `ChainDecision`).
    public let maxDriftMilliseconds: Int64
    /// Whose change sets the store accepts.
    public let authority: StoreAuthority
    let pool: DatabasePool
    let logger: Logger

    /// Opens (creating if needed) the store at `path` and runs the pending migrations.
    /// `authority` says whose change sets it accepts: a node passes `.network(root:)`.
    ///
    /// Durability: `journal_mode=WAL` with `synchronous=FULL` on the writer connection. In WAL
    /// mode `NORMAL` (GRDB's default) survives a crash of the process, but a power loss may roll
    /// back the last commits; `FULL` syncs the WAL on every commit, so a change set reported as
    /// stored survives `kill -9` and power loss. The writer keeps temporary files (savepoint
    /// journals) in memory and a 16 MiB page cache. Note GRDB sets `NORMAL` on the writer *after*
    /// `Configuration.prepareDatabase` runs, so the pragma is issued once the pool is open.
    public init(
        path: String, realm: String, authority: StoreAuthority = .unrestricted, logger: Logger,
        maxDriftMilliseconds: Int64 = HybridLogicalClock.defaultMaxDriftMilliseconds
    ) throws(StoreError) {
        guard EnvelopeRules.isValidRealm(realm) else { throw .invalidArgument("realm \"\(realm)\" is not valid") }
        self.realm = realm
        self.path = path
        self.logger = logger
        self.maxDriftMilliseconds = maxDriftMilliseconds
        self.authority = authority
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.label = "maex.store"
        configuration.busyMode = .timeout(10)
        do {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            pool = try DatabasePool(path: path, configuration: configuration)
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
                // The writer's savepoint journals stay in memory (they never serve crash
                // recovery; the WAL does), and a larger page cache saves re-reading index pages.
                try db.execute(sql: "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -16384")
            }
        } catch {
            throw .open(path: path, reason: "\(error)")
        }
        do {
            try StoreSchema.migrator.migrate(pool)
        } catch {
            throw .migration(path: path, reason: "\(error)")
        }
        logger.debug("store opened", metadata: ["store.path": "\(path)", "store.realm": "\(realm)"])
    }

    /// Runs `body` in one write transaction; nothing of it persists when it throws.
    func writing<T>(_ operation: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.write(body)
        } catch {
            throw StoreError.wrapping(error, operation: operation)
        }
    }

    /// Runs `body` in a read transaction (a committed snapshot).
    func reading<T>(_ operation: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw StoreError.wrapping(error, operation: operation)
        }
    }
}
