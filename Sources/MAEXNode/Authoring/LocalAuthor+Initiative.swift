import MAEXCore

extension LocalAuthor {
    /// The key of the initiative with `id`, checking that `id` is a lowercase UUID.
    public static func initiativeKey(_ id: String) throws(AuthoringError) -> RecordKey {
        guard EnvelopeRules.isValidRecordID(id) else { throw .invalidRecordID(id) }
        return RecordKey(type: RecordSchema.initiative.type, id: id)
    }
}
