/// A field whose value was written concurrently: the winner shown, and the losers kept visible.
public struct Conflict: Hashable, Sendable {
    /// The record.
    public var record: RecordKey
    /// The field.
    public var field: String
    /// The write whose value is shown.
    public var winner: FieldWrite
    /// The concurrent writes that lost, ascending.
    public var losers: [FieldWrite]

    /// Creates a conflict.
    public init(record: RecordKey, field: String, winner: FieldWrite, losers: [FieldWrite]) {
        self.record = record
        self.field = field
        self.winner = winner
        self.losers = losers
    }

    /// The conflicts of one record, in field order.
    public static func all(in state: RecordState, of key: RecordKey) -> [Conflict] {
        state.fields.keys.sorted().compactMap { field in
            guard let fieldState = state.fields[field], let winner = fieldState.winner, !fieldState.losers.isEmpty else { return nil }
            return Conflict(record: key, field: field, winner: winner, losers: Array(fieldState.losers))
        }
    }
}
