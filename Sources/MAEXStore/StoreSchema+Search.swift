import GRDB

extension StoreSchema {
    /// The fields whose values `register_value` indexes, for the page filters.
    static let indexedFields = ["sdgs", "themes", "phase", "kind", "status", "expires", "social_return", "initiative"]
    /// The initiative fields the full-text index covers.
    static let textFields = ["name", "alternate_name", "description", "themes"]

    /// The search indexes, derived from the register tables:
    ///
    /// - `register_value`: one row per current write of an indexed field and per list element
    ///   (`json_each`), indexed by `(field, value)`. Concurrent writes of a field are all indexed;
    ///   readers that need the winner check it on the records they load.
    /// - `initiative_text`: FTS5 over a live initiative's name, alternate name, description and
    ///   themes (`unicode61`, diacritics removed), rowid = `record.record_no`.
    /// - `search_state`: `position`, the last log position (`change_set.apply_order`) indexed,
    ///   and `full`, set when the register was re-derived (`rebuild()`, a fork) by the only
    ///   trigger: record rows are deleted nowhere else, and re-derived records get new numbers.
    /// - `search_dirty`: the work list of one refresh.
    ///
    /// Nothing runs on the apply path: `NodeStore.refreshSearchIndex()` brings the index up to
    /// the log before every search, from the change sets after `position` (or everything after
    /// a re-derivation). Triggers on `field_write` that kept the index current at every write
    /// halved the store's apply rate (see ARCHITECTURE.md).
    static let searchTables = """
        CREATE TABLE register_value (
            record_no INTEGER NOT NULL,
            field TEXT NOT NULL,
            value
        );
        CREATE INDEX register_value_lookup ON register_value (field, value, record_no);
        CREATE INDEX register_value_by_record ON register_value (record_no);
        CREATE VIRTUAL TABLE initiative_text USING fts5(
            name, alternate_name, description, themes, tokenize = 'unicode61 remove_diacritics 2'
        );
        CREATE TABLE search_dirty (record_no INTEGER PRIMARY KEY);
        CREATE TABLE search_state (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
        INSERT INTO search_state (key, value) VALUES ('position', 0), ('full', 1);
        CREATE TRIGGER search_full_after_rederive AFTER DELETE ON record
        BEGIN UPDATE search_state SET value = 1 WHERE key = 'full'; END;
        """

    /// Marks every record for a full refresh and empties the indexes.
    static let markAll = """
        DELETE FROM register_value; DELETE FROM initiative_text; DELETE FROM search_dirty;
        INSERT INTO search_dirty (record_no) SELECT record_no FROM record;
        """

    /// Re-derives the index rows of the records marked in `search_dirty` and clears the marks.
    static let refreshDirty: String = {
        let indexed = indexedFields.map { "'\($0)'" }.joined(separator: ", ")
        let columns = textFields.map { field in
            "(SELECT group_concat(j.value, ' ') FROM field_write w, json_each(w.value) j WHERE w.record_no = r.record_no AND w.field = '\(field)')"
        }.joined(separator: ", ")
        return """
            DELETE FROM register_value WHERE record_no IN (SELECT record_no FROM search_dirty);
            INSERT INTO register_value (record_no, field, value)
            SELECT w.record_no, w.field, j.value FROM search_dirty d JOIN field_write w ON w.record_no = d.record_no, json_each(w.value) j
            WHERE w.field IN (\(indexed)) AND j.type <> 'null';
            DELETE FROM initiative_text WHERE rowid IN (SELECT record_no FROM search_dirty);
            INSERT INTO initiative_text (rowid, name, alternate_name, description, themes)
            SELECT r.record_no, \(columns)
            FROM search_dirty d JOIN record r ON r.record_no = d.record_no WHERE r.type = 'initiative' AND r.deleted_seq IS NULL;
            DELETE FROM search_dirty;
            UPDATE search_state SET value = 0 WHERE key = 'full';
            """
    }()
}
