/// The answer to an edit through the write API (`POST/PATCH/DELETE /v1/initiatives...`): the
/// initiative, the ids of records created or deleted, and the one change set that carries it.
public struct EditResponse: Codable, Hashable, Sendable {
    /// The initiative's id.
    public var id: String
    /// The ids created per collection (`contributions`, `needs`, `offers`, `partners`).
    public var created: [String: [String]]
    /// The `type/id` of records deleted along with the edit.
    public var deleted: [String]
    /// The change set.
    public var changeSet: ChangeSetSummary

    /// Creates an answer.
    public init(id: String, created: [String: [String]], deleted: [String], changeSet: ChangeSetSummary) {
        self.id = id
        self.created = created
        self.deleted = deleted
        self.changeSet = changeSet
    }

    /// A change set's id (SHA-256 hex of its bytes), sequence and operation count.
    public struct ChangeSetSummary: Codable, Hashable, Sendable {
        public var id: String
        public var seq: Int64
        public var operations: Int

        /// Creates a summary.
        public init(id: String, seq: Int64, operations: Int) {
            self.id = id
            self.seq = seq
            self.operations = operations
        }
    }
}

/// The body of a 422 answer: `{"error": {"code": "invalid_fields", "message": ..., "fields":
/// [{"field": "contributions[0].quantity", "message": ...}]}}`.
public struct FieldErrorBody: Codable, Hashable, Sendable {
    /// The error.
    public var error: Detail

    /// The code, a message and the problems per field.
    public struct Detail: Codable, Hashable, Sendable {
        public var code: String
        public var message: String
        public var fields: [Field]
    }

    /// One field's problem.
    public struct Field: Codable, Hashable, Sendable {
        public var field: String
        public var message: String

        /// Creates a field problem.
        public init(field: String, message: String) {
            self.field = field
            self.message = message
        }
    }

    /// Creates a body.
    public init(message: String, fields: [Field]) {
        error = Detail(code: "invalid_fields", message: message, fields: fields)
    }
}
