import MAEXCore

extension LocalAuthor {
    /// The key of the initiative with `id`, checking that `id` is a lowercase UUID.
    public static func initiativeKey(_ id: String) throws(AuthoringError) -> RecordKey {
        guard EnvelopeRules.isValidRecordID(id) else { throw .invalidRecordID(id) }
        return RecordKey(type: RecordSchema.initiative.type, id: id)
    }

    /// Adds a new initiative with a fresh id; `values` must satisfy `RecordSchema.initiative`.
    @discardableResult
    public func addInitiative(_ values: [String: JSONValue]) throws -> AuthoredChange {
        try author(.create(RecordKey(type: RecordSchema.initiative.type, id: makeRecordID()), values))
    }

    /// Sets one field of a live record from typed text (`FieldSpec.parse`: `3,11` for SDGs,
    /// `12` for a number, an empty text clears an optional field).
    @discardableResult
    public func setField(_ field: String, of key: RecordKey, text: String) throws -> AuthoredChange {
        let value: JSONValue
        do {
            let schema = try RecordSchema.named(key.type)
            value = try schema.field(field).parse(text)
        } catch { throw AuthoringError.schema(error) }
        return try author(.update(key, [field: value]))
    }

    /// Sets fields of a live record to values.
    @discardableResult
    public func update(_ key: RecordKey, _ values: [String: JSONValue]) throws -> AuthoredChange {
        try author(.update(key, values))
    }

    /// Deletes a live record for good.
    @discardableResult
    public func delete(_ key: RecordKey) throws -> AuthoredChange {
        try author(.delete(key))
    }
}
