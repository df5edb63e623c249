import MAEXCore

/// Builders for handprint tests: record states from plain values, and ids.
enum HandprintFixture {
    static let author = SigningKey()

    /// A live record state holding `values`, each written once.
    static func state(_ values: [String: JSONValue]) -> RecordState {
        RecordState(fields: values.mapValues { value in
            FieldState(writes: [FieldWrite(ref: ChangeRef(author: author.nodeID, seq: 1), hlc: HLCTimestamp(milliseconds: 1, counter: 0), value: value)])
        })
    }

    /// A lowercase UUID ending in `number`.
    static func id(_ number: Int) -> String {
        let hex = String(number, radix: 16)
        return "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - hex.count) + hex
    }

    /// An initiative profile.
    static func initiative(_ number: Int, municipality: String = "GM0718", consent: Bool, lastVerified: String? = nil) -> InitiativeProfile? {
        var values: [String: JSONValue] = ["name": .string("Initiatief \(number)"), "municipality": .string(municipality), "publication_consent": .bool(consent)]
        if let lastVerified { values["last_verified"] = .string(lastVerified) }
        return InitiativeProfile(id: id(number), state: state(values))
    }

    /// Valid values of a contribution of initiative `initiative`.
    static func contributionValues(
        initiative: Int, municipality: String = "GM0718", goal: Int64 = 12, quantity: Int64 = 10, centsPerUnit: Int64 = 2_500,
        kind: String = "gerealiseerd"
    ) -> [String: JSONValue] {
        [
            "initiative": .string(id(initiative)), "municipality": .string(municipality), "goal": .int(goal),
            "activity": .string("repair-item"), "indicator": .string("Gerepareerd apparaat"), "quantity": .int(quantity),
            "unit": .string("reparatie"), "value_per_unit_cents": .int(centsPerUnit), "total_cents": .int(quantity * centsPerUnit),
            "year": .int(2026), "kind": .string(kind), "method_version": .string("2026.1"),
        ]
    }

    /// A contribution read back from a record.
    static func contribution(_ number: Int, initiative: Int, goal: Int64 = 12, quantity: Int64 = 10, centsPerUnit: Int64 = 2_500, kind: String = "gerealiseerd") -> Contribution? {
        Contribution(id: id(1000 + number), state: state(contributionValues(initiative: initiative, goal: goal, quantity: quantity, centsPerUnit: centsPerUnit, kind: kind)))
    }
}
