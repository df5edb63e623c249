import MAEXCore

/// A JSON value of signed data (`JSONValue`: no floating point) that `Codable` can carry, for
/// record fields in answers.
///
/// Decoding accepts integers only; a number with a fraction or exponent is refused, as in
/// signed data.
public struct WireJSON: Codable, Hashable, Sendable {
    /// The value.
    public var value: JSONValue

    /// Wraps a value.
    public init(_ value: JSONValue) { self.value = value }

    public init(from decoder: any Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var items: [JSONValue] = []
            while !array.isAtEnd { items.append(try array.decode(WireJSON.self).value) }
            value = .array(items)
            return
        }
        if let object = try? decoder.container(keyedBy: AnyKey.self) {
            var members: [String: JSONValue] = [:]
            for key in object.allKeys { members[key.stringValue] = try object.decode(WireJSON.self, forKey: key).value }
            value = .object(members)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            value = .null
        } else if let flag = try? single.decode(Bool.self) {
            value = .bool(flag)
        } else if let number = try? single.decode(Int64.self) {
            value = .int(number)
        } else if let text = try? single.decode(String.self) {
            value = .string(text)
        } else {
            throw DecodingError.dataCorruptedError(in: single, debugDescription: "expected a JSON value without floating point")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch value {
        case .null:
            var single = encoder.singleValueContainer()
            try single.encodeNil()
        case .bool(let flag):
            var single = encoder.singleValueContainer()
            try single.encode(flag)
        case .int(let number):
            var single = encoder.singleValueContainer()
            try single.encode(number)
        case .string(let text):
            var single = encoder.singleValueContainer()
            try single.encode(text)
        case .array(let items):
            var array = encoder.unkeyedContainer()
            for item in items { try array.encode(WireJSON(item)) }
        case .object(let members):
            var object = encoder.container(keyedBy: AnyKey.self)
            for (key, member) in members { try object.encode(WireJSON(member), forKey: AnyKey(key)) }
        }
    }

    /// A coding key for any member name.
    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
