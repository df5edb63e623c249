/// The subset of HTTP Structured Field Values (RFC 8941) that message signatures need:
/// dictionaries whose members are items or inner lists, with parameters, and bare items that
/// are integers, strings, tokens, byte sequences or booleans (decimals are refused).
///
/// Serialisation follows RFC 8941 section 4.1; parsing follows section 4.2 (strict: anything
/// outside the grammar is an error, never skipped).
public enum StructuredField {
    /// A bare item.
    public enum BareItem: Hashable, Sendable {
        /// An integer of at most 15 digits.
        case integer(Int64)
        /// A string of printable ASCII.
        case string(String)
        /// A token (`ed25519`, `sha-256`).
        case token(String)
        /// A byte sequence, base64 between colons.
        case byteSequence([UInt8])
        /// `?1` or `?0`.
        case boolean(Bool)
    }

    /// Parameters in their order of appearance (`;created=1;keyid="a"`).
    public struct Parameters: Hashable, Sendable {
        /// The parameters, keys unique, in order.
        public var entries: [(key: String, value: BareItem)]

        /// Creates parameters from ordered pairs.
        public init(_ entries: [(key: String, value: BareItem)] = []) {
            self.entries = entries
        }

        /// The value of `key`, if present.
        public subscript(key: String) -> BareItem? {
            entries.first { $0.key == key }?.value
        }

        public static func == (lhs: Parameters, rhs: Parameters) -> Bool {
            lhs.entries.count == rhs.entries.count && zip(lhs.entries, rhs.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        }

        public func hash(into hasher: inout Hasher) {
            for entry in entries {
                hasher.combine(entry.key)
                hasher.combine(entry.value)
            }
        }
    }

    /// A bare item with its parameters.
    public struct Item: Hashable, Sendable {
        /// The value.
        public var bareItem: BareItem
        /// Its parameters.
        public var parameters: Parameters

        /// Creates an item.
        public init(_ bareItem: BareItem, parameters: Parameters = Parameters()) {
            self.bareItem = bareItem
            self.parameters = parameters
        }
    }

    /// An inner list `("a" "b");p=1`.
    public struct InnerList: Hashable, Sendable {
        /// The items.
        public var items: [Item]
        /// The list's parameters.
        public var parameters: Parameters

        /// Creates an inner list.
        public init(_ items: [Item], parameters: Parameters = Parameters()) {
            self.items = items
            self.parameters = parameters
        }
    }

    /// A dictionary member's value.
    public enum Member: Hashable, Sendable {
        /// A single item.
        case item(Item)
        /// An inner list.
        case innerList(InnerList)
    }

    /// A dictionary: members with unique keys, in order (a repeated key keeps its last value
    /// at the first key's position, as RFC 8941 says).
    public struct Dictionary: Hashable, Sendable {
        /// The members.
        public var members: [(key: String, value: Member)]

        /// Creates a dictionary.
        public init(_ members: [(key: String, value: Member)] = []) {
            self.members = members
        }

        /// The member named `key`, if present.
        public subscript(key: String) -> Member? {
            members.first { $0.key == key }?.value
        }

        public static func == (lhs: Dictionary, rhs: Dictionary) -> Bool {
            lhs.members.count == rhs.members.count && zip(lhs.members, rhs.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        }

        public func hash(into hasher: inout Hasher) {
            for member in members {
                hasher.combine(member.key)
                hasher.combine(member.value)
            }
        }
    }

    /// A value outside the grammar, with the position in the field value.
    public struct ParseError: Error, Hashable, Sendable, CustomStringConvertible {
        /// What was expected or found.
        public var reason: String
        /// The offset (in bytes) where parsing failed.
        public var offset: Int

        public var description: String { "\(reason) at offset \(offset)" }
    }
}
