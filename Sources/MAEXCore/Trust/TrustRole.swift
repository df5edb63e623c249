/// The role a certificate gives a node. The network's root (the national node) needs none.
public enum TrustRole: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// A municipality node: authority over the records of the municipalities in its scope.
    case municipality
    /// A province hub: authority over the records of every municipality of its provinces, and
    /// the right to certify municipality nodes of those provinces.
    case province
    /// A fund or partner node: its scope names its funds; it edits no municipality's records.
    case fund

    public var description: String { rawValue }

    /// Whether `code` is a valid scope code for this role: `GM` and four digits, `PV` and two
    /// digits, or a fund word (`[a-z0-9-]`, 1 to 40).
    public func isValidScopeCode(_ code: String) -> Bool {
        switch self {
        case .municipality: Self.matches(code, prefix: "GM", digits: 4)
        case .province: Self.matches(code, prefix: "PV", digits: 2)
        case .fund: Self.isFundWord(code)
        }
    }

    private static func matches(_ code: String, prefix: String, digits: Int) -> Bool {
        guard code.hasPrefix(prefix) else { return false }
        let rest = code.utf8.dropFirst(prefix.utf8.count)
        return rest.count == digits && rest.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    private static func isFundWord(_ code: String) -> Bool {
        let bytes = Array(code.utf8)
        return (1...40).contains(bytes.count) && bytes.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-")
        }
    }
}
