import MAEXCore
import MAEXNode

/// Single-record edits straight through `LocalAuthor`, for tests of authoring and sync. The
/// product edits the register only through `RegisterEditor`, which keeps an initiative's
/// sub-records with it; these do not.
extension LocalAuthor {
    /// Adds a new initiative with a fresh id; `values` must satisfy `RecordSchema.initiative`.
    @discardableResult
    func addInitiative(_ values: [String: JSONValue]) throws -> AuthoredChange {
        try author(.create(RecordKey(type: RecordSchema.initiative.type, id: makeRecordID()), values))
    }

    /// Sets one field of a live record from typed text (`FieldSpec.parse`: `3,11` for SDGs,
    /// `12` for a number, an empty text clears an optional field).
    @discardableResult
    func setField(_ field: String, of key: RecordKey, text: String) throws -> AuthoredChange {
        let value: JSONValue
        do {
            let schema = try RecordSchema.named(key.type)
            value = try schema.field(field).parse(text)
        } catch { throw AuthoringError.schema(error) }
        return try author(.update(key, [field: value]))
    }

    /// Sets fields of a live record to values.
    @discardableResult
    func update(_ key: RecordKey, _ values: [String: JSONValue]) throws -> AuthoredChange {
        try author(.update(key, values))
    }

    /// Deletes a live record for good.
    @discardableResult
    func delete(_ key: RecordKey) throws -> AuthoredChange {
        try author(.delete(key))
    }
}
