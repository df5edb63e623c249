/// A `NodeID` is encoded as its 64-character lowercase hex string; decoding
/// applies the strict parser and the acceptance policy.
extension NodeID: Codable {
    /// Decodes a hex string and validates it like `init(hex:)`.
    ///
    /// - Throws: `DecodingError.dataCorrupted` describing the `KeyError`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(hex: text)
        } catch {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "invalid NodeID: \(error.description)"
            )
        }
    }

    /// Encodes the hex string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}
