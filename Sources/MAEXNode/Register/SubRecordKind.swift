import MAEXCore

/// The field names, short.
private typealias Field = RecordSchema.Field

/// The collections hanging from an initiative, as named in the API paths
/// (`/v1/initiatives/{id}/contributions`, ...).
public enum SubRecordKind: String, CaseIterable, Hashable, Sendable {
    case contributions, needs, offers, partners

    /// The record schema of the collection's records.
    public var schema: RecordSchema {
        switch self {
        case .contributions: .contribution
        case .needs: .need
        case .offers: .offer
        case .partners: .partner
        }
    }

    /// The collection of a record type, if it is a sub-record type.
    public init?(type: String) {
        guard let kind = Self.allCases.first(where: { $0.schema.type == type }) else { return nil }
        self = kind
    }

    /// The fields the node fills in from the parent initiative.
    public static let parentFields: Set<String> = [Field.initiative, Field.municipality]
}
