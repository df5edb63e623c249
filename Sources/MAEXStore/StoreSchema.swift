import GRDB
import MAEXCore

/// The store's schema: named, append-only migrations. Never edit a registered migration; add a
/// new one. Constraints live here, so a bug in Swift cannot store what the schema forbids.
enum StoreSchema {
    /// The field whose winning value the `record.municipality` column mirrors.
    static let municipalityField = RecordSchema.Field.municipality

    /// All migrations, in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: log, authors, register, pending, quarantine, forks") { db in
            try db.execute(sql: logTables)
            try db.execute(sql: registerTables)
            try db.execute(sql: holdingTables)
        }
        migrator.registerMigration("v2: trust (certificates, revocations, record homes, retraction)") { db in
            try db.execute(sql: trustTables)
        }
        migrator.registerMigration("v3: search indexes (register_value, initiative_text FTS5)") { db in
            try db.execute(sql: searchTables)
        }
        migrator.registerMigration("v4: fork proofs of authors whose forked sequence the log does not hold") { db in
            try db.execute(sql: forkProofTables)
        }
        return migrator
    }

    /// The authority facts derived from the log (certificates, revocations, every write of a
    /// record's municipality, what each change set relied on) and the change sets revocations
    /// retract. All derived: `rebuild()` clears and re-derives them.
    private static let trustTables = """
        CREATE TABLE trust_grant (
            carrier_no INTEGER NOT NULL,
            carrier_seq INTEGER NOT NULL,
            node_id TEXT NOT NULL CHECK (length(node_id) = 64),
            role TEXT NOT NULL CHECK (role IN ('municipality', 'province', 'fund')),
            scope TEXT NOT NULL CHECK (length(scope) >= 1),
            FOREIGN KEY (carrier_no, carrier_seq) REFERENCES change_set(author_no, seq)
        );
        CREATE INDEX trust_grant_by_node ON trust_grant (node_id);
        CREATE INDEX trust_grant_by_carrier ON trust_grant (carrier_no, carrier_seq);
        CREATE TABLE trust_revocation (
            carrier_no INTEGER NOT NULL,
            carrier_seq INTEGER NOT NULL,
            node_id TEXT NOT NULL CHECK (length(node_id) = 64),
            from_seq INTEGER NOT NULL CHECK (from_seq >= 1),
            FOREIGN KEY (carrier_no, carrier_seq) REFERENCES change_set(author_no, seq)
        );
        CREATE TABLE record_home (
            type TEXT NOT NULL,
            id TEXT NOT NULL,
            author_no INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            code TEXT NOT NULL,
            pred TEXT NOT NULL,
            PRIMARY KEY (type, id, author_no, seq),
            FOREIGN KEY (author_no, seq) REFERENCES change_set(author_no, seq)
        ) WITHOUT ROWID;
        CREATE TABLE authority_support (
            author_no INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            carrier_no INTEGER NOT NULL,
            carrier_seq INTEGER NOT NULL,
            PRIMARY KEY (author_no, seq, carrier_no, carrier_seq),
            FOREIGN KEY (author_no, seq) REFERENCES change_set(author_no, seq)
        ) WITHOUT ROWID;
        CREATE TABLE retraction (
            author_no INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            reason TEXT NOT NULL CHECK (length(reason) >= 1),
            PRIMARY KEY (author_no, seq),
            FOREIGN KEY (author_no, seq) REFERENCES change_set(author_no, seq)
        ) WITHOUT ROWID;
        """

    /// The log (the truth) and one row per author (head and fork flag, kept in the same
    /// transaction as the log row).
    private static let logTables = """
        CREATE TABLE author (
            author_no INTEGER PRIMARY KEY,
            node_id TEXT NOT NULL UNIQUE CHECK (length(node_id) = 64),
            head_seq INTEGER NOT NULL DEFAULT 0 CHECK (head_seq >= 0),
            head_id TEXT REFERENCES change_set(id),
            head_hlc_ms INTEGER NOT NULL DEFAULT 0 CHECK (head_hlc_ms >= 0),
            head_hlc_counter INTEGER NOT NULL DEFAULT 0 CHECK (head_hlc_counter >= 0),
            forked_from INTEGER CHECK (forked_from >= 1),
            CHECK ((head_seq = 0) = (head_id IS NULL))
        );
        CREATE TABLE change_set (
            apply_order INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE CHECK (length(id) = 64),
            author_no INTEGER NOT NULL REFERENCES author(author_no),
            seq INTEGER NOT NULL CHECK (seq >= 1),
            prev TEXT REFERENCES change_set(id),
            hlc_ms INTEGER NOT NULL CHECK (hlc_ms >= 0),
            hlc_counter INTEGER NOT NULL CHECK (hlc_counter >= 0),
            op_count INTEGER NOT NULL CHECK (op_count >= 1),
            body BLOB NOT NULL CHECK (length(body) >= 2),
            signature BLOB NOT NULL CHECK (length(signature) = 64),
            received_at INTEGER NOT NULL,
            UNIQUE (author_no, seq),
            CHECK ((seq = 1 AND prev IS NULL) OR (seq > 1 AND length(prev) = 64))
        );
        CREATE TRIGGER change_set_is_append_only_update BEFORE UPDATE ON change_set
        BEGIN SELECT RAISE(ABORT, 'the change-set log is append-only'); END;
        CREATE TRIGGER change_set_is_append_only_delete BEFORE DELETE ON change_set
        BEGIN SELECT RAISE(ABORT, 'the change-set log is append-only'); END;
        """

    /// The derived register: records with their tombstones and the surviving field writes.
    /// `rebuild()` clears and re-derives these tables from the log.
    private static let registerTables = """
        CREATE TABLE record (
            record_no INTEGER PRIMARY KEY,
            type TEXT NOT NULL CHECK (length(type) BETWEEN 1 AND 32),
            id TEXT NOT NULL CHECK (length(id) = 36),
            deleted_author_no INTEGER,
            deleted_seq INTEGER,
            deleted_hlc_ms INTEGER,
            deleted_hlc_counter INTEGER,
            municipality TEXT,
            UNIQUE (type, id),
            FOREIGN KEY (deleted_author_no, deleted_seq) REFERENCES change_set(author_no, seq),
            CHECK ((deleted_seq IS NULL) = (deleted_author_no IS NULL)
                AND (deleted_seq IS NULL) = (deleted_hlc_ms IS NULL)
                AND (deleted_seq IS NULL) = (deleted_hlc_counter IS NULL)),
            CHECK (deleted_seq IS NULL OR municipality IS NULL)
        );
        CREATE INDEX record_by_municipality ON record (type, municipality, id) WHERE deleted_seq IS NULL;
        CREATE TABLE field_write (
            record_no INTEGER NOT NULL REFERENCES record(record_no),
            field TEXT NOT NULL CHECK (length(field) BETWEEN 1 AND 64),
            author_no INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            hlc_ms INTEGER NOT NULL CHECK (hlc_ms >= 0),
            hlc_counter INTEGER NOT NULL CHECK (hlc_counter >= 0),
            value TEXT NOT NULL,
            PRIMARY KEY (record_no, field, author_no, seq),
            FOREIGN KEY (author_no, seq) REFERENCES change_set(author_no, seq)
        ) WITHOUT ROWID;
        """

    /// Change sets not (yet) in the log: pending ones indexed by what they wait for, refused
    /// ones with their reason, and fork evidence.
    private static let holdingTables = """
        CREATE TABLE pending (
            id TEXT PRIMARY KEY CHECK (length(id) = 64),
            author TEXT NOT NULL CHECK (length(author) = 64),
            seq INTEGER NOT NULL CHECK (seq >= 1),
            body BLOB NOT NULL,
            signature BLOB NOT NULL CHECK (length(signature) = 64),
            received_at INTEGER NOT NULL
        );
        CREATE TABLE pending_need (
            author TEXT NOT NULL CHECK (length(author) = 64),
            seq INTEGER NOT NULL CHECK (seq >= 1),
            pending_id TEXT NOT NULL REFERENCES pending(id) ON DELETE CASCADE,
            PRIMARY KEY (author, seq, pending_id)
        ) WITHOUT ROWID;
        CREATE INDEX pending_need_by_pending ON pending_need (pending_id);
        CREATE TABLE quarantine (
            id TEXT PRIMARY KEY CHECK (length(id) = 64),
            body BLOB NOT NULL,
            signature BLOB NOT NULL,
            reason TEXT NOT NULL CHECK (length(reason) >= 1),
            received_at INTEGER NOT NULL,
            times_received INTEGER NOT NULL DEFAULT 1 CHECK (times_received >= 1)
        );
        CREATE TABLE fork (
            held_id TEXT NOT NULL REFERENCES change_set(id),
            other_id TEXT NOT NULL CHECK (length(other_id) = 64),
            author_no INTEGER NOT NULL REFERENCES author(author_no),
            seq INTEGER NOT NULL CHECK (seq >= 1),
            other_body BLOB NOT NULL,
            other_signature BLOB NOT NULL CHECK (length(other_signature) = 64),
            detected_at INTEGER NOT NULL,
            PRIMARY KEY (held_id, other_id),
            CHECK (held_id <> other_id)
        );
        """

    /// Proofs of forks learnt from peers (section 10 of PROTOCOL.md) for an author whose chain
    /// this node holds only below the forked sequence, so neither change set can enter the log
    /// (`fork` needs the held one in `change_set`). Both change sets are kept verbatim, to pass
    /// the proof on; the author's `forked_from` is set as for any fork.
    private static let forkProofTables = """
        CREATE TABLE fork_proof (
            author_no INTEGER NOT NULL REFERENCES author(author_no),
            seq INTEGER NOT NULL CHECK (seq >= 1),
            first_id TEXT NOT NULL CHECK (length(first_id) = 64),
            first_body BLOB NOT NULL,
            first_signature BLOB NOT NULL CHECK (length(first_signature) = 64),
            second_id TEXT NOT NULL CHECK (length(second_id) = 64),
            second_body BLOB NOT NULL,
            second_signature BLOB NOT NULL CHECK (length(second_signature) = 64),
            detected_at INTEGER NOT NULL,
            PRIMARY KEY (author_no, seq),
            CHECK (first_id < second_id)
        );
        """
}
