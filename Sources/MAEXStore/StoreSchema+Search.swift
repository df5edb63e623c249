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
    /// - `search_dirty`: the records whose index rows are out of date. Triggers on `field_write`
    ///   and `record` only mark a record here (one small insert, in the same transaction as the
    ///   write), so receiving, fork retraction and `rebuild()` stay fast and never skip the
    ///   index; `NodeStore.refreshSearchIndex()` re-derives the marked records before every
    ///   search.
    static let searchTables: String = {
        let watched = Array(Set(indexedFields + textFields)).sorted().map { "'\($0)'" }.joined(separator: ", ")
        return """
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
            CREATE TRIGGER search_dirty_on_write AFTER INSERT ON field_write WHEN NEW.field IN (\(watched))
            BEGIN INSERT OR IGNORE INTO search_dirty (record_no) VALUES (NEW.record_no); END;
            CREATE TRIGGER search_dirty_on_unwrite AFTER DELETE ON field_write WHEN OLD.field IN (\(watched))
            BEGIN INSERT OR IGNORE INTO search_dirty (record_no) VALUES (OLD.record_no); END;
            CREATE TRIGGER search_dirty_on_record_removed AFTER DELETE ON record
            BEGIN INSERT OR IGNORE INTO search_dirty (record_no) VALUES (OLD.record_no); END;
            INSERT INTO search_dirty (record_no) SELECT record_no FROM record;
            """
    }()

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
            """
    }()
}
