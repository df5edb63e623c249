import Crypto

/// The id of a change set: the SHA-256 of its signed bytes. Textual form: 64 lowercase hex chars.
public struct ChangeSetID: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// The 32 digest bytes.
    public let rawBytes: [UInt8]

    /// The id of the given signed bytes.
    public init(hashing bytes: [UInt8]) {
        rawBytes = Array(SHA256.hash(data: bytes))
    }

    /// Parses 64 lowercase hex characters.
    public init(hex: String) throws(EnvelopeError) {
        guard let bytes = Hex.decode(hex), bytes.count == 32 else {
            throw .invalidValue(field: "id", reason: "expected 64 lowercase hex characters")
        }
        rawBytes = bytes
    }

    /// 64 lowercase hex characters.
    public var hex: String { Hex.encode(rawBytes) }
    public var description: String { hex }

    public static func < (lhs: ChangeSetID, rhs: ChangeSetID) -> Bool {
        lhs.rawBytes.lexicographicallyPrecedes(rhs.rawBytes)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try ChangeSetID(hex: text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}
