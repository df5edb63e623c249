import GRDB

extension StoreSchema {
    /// The fields whose values `register_value` indexes, for the page filters.
    static let indexedFields = ["sdgs", "themes", "phase", "kind", "status", "expires", "social_return", "initiative"]
    /// The initiative fields the full-text index covers.
    static let textFields = ["name", "alternate_name", "description", "themes"]

    /// The search indexes, derived from `field_write` by triggers so every path that writes the
    /// register (receive, fork retraction, `rebuild()`) keeps them in step, in the same
    /// transaction:
    ///
    /// - `register_value`: one row per current write of an indexed field and per list element
    ///   (`json_each`), indexed by `(field, value)`. Concurrent writes of a field are all indexed;
    ///   readers that need the winner check it on the records they load.
    /// - `initiative_text`: FTS5 over an initiative's name, alternate name, description and
    ///   themes (`unicode61`, diacritics removed), rowid = `record.record_no`; re-computed from
    ///   the field's current writes whenever one of them changes.
    static let searchTables: String = {
        let indexed = indexedFields.map { "'\($0)'" }.joined(separator: ", ")
        let text = textFields.map { "'\($0)'" }.joined(separator: ", ")
        return """
            CREATE TABLE register_value (
                record_no INTEGER NOT NULL,
                field TEXT NOT NULL,
                author_no INTEGER NOT NULL,
                seq INTEGER NOT NULL,
                value
            );
            CREATE INDEX register_value_lookup ON register_value (field, value, record_no);
            CREATE INDEX register_value_by_write ON register_value (record_no, field, author_no, seq);
            CREATE TRIGGER register_value_add AFTER INSERT ON field_write WHEN NEW.field IN (\(indexed))
            BEGIN
                INSERT INTO register_value (record_no, field, author_no, seq, value)
                SELECT NEW.record_no, NEW.field, NEW.author_no, NEW.seq, j.value FROM json_each(NEW.value) j WHERE j.type <> 'null';
            END;
            CREATE TRIGGER register_value_remove AFTER DELETE ON field_write WHEN OLD.field IN (\(indexed))
            BEGIN
                DELETE FROM register_value
                WHERE record_no = OLD.record_no AND field = OLD.field AND author_no = OLD.author_no AND seq = OLD.seq;
            END;
            CREATE VIRTUAL TABLE initiative_text USING fts5(
                name, alternate_name, description, themes, tokenize = 'unicode61 remove_diacritics 2'
            );
            CREATE TRIGGER initiative_text_add AFTER INSERT ON field_write
            WHEN NEW.field IN (\(text)) AND (SELECT type FROM record WHERE record_no = NEW.record_no) = 'initiative'
            BEGIN
                DELETE FROM initiative_text WHERE rowid = NEW.record_no;
                \(textRow("NEW.record_no"));
            END;
            CREATE TRIGGER initiative_text_remove AFTER DELETE ON field_write
            WHEN OLD.field IN (\(text)) AND (SELECT type FROM record WHERE record_no = OLD.record_no) = 'initiative'
            BEGIN
                DELETE FROM initiative_text WHERE rowid = OLD.record_no;
                \(textRow("OLD.record_no"));
            END;
            CREATE TRIGGER initiative_text_record_removed AFTER DELETE ON record
            BEGIN
                DELETE FROM initiative_text WHERE rowid = OLD.record_no;
            END;
            INSERT INTO register_value (record_no, field, author_no, seq, value)
            SELECT w.record_no, w.field, w.author_no, w.seq, j.value FROM field_write w, json_each(w.value) j
            WHERE w.field IN (\(indexed)) AND j.type <> 'null';
            INSERT INTO initiative_text (rowid, name, alternate_name, description, themes)
            SELECT r.record_no, \(textFields.map { column("r.record_no", $0) }.joined(separator: ", "))
            FROM record r WHERE r.type = 'initiative' AND r.deleted_seq IS NULL;
            """
    }()

    /// The statement that inserts the text row of the record `number` (an SQL expression).
    private static func textRow(_ number: String) -> String {
        """
        INSERT INTO initiative_text (rowid, name, alternate_name, description, themes)
                SELECT \(number), \(textFields.map { column(number, $0) }.joined(separator: ", "))
        """
    }

    /// The text of a field's current writes (list elements joined by spaces).
    private static func column(_ number: String, _ field: String) -> String {
        "(SELECT group_concat(j.value, ' ') FROM field_write w, json_each(w.value) j WHERE w.record_no = \(number) AND w.field = '\(field)')"
    }
}
