/// The lexical rules for names in change sets. Pure predicates, shared by decoding and building.
public enum EnvelopeRules {
    /// A realm: 1 to 64 of `[a-z0-9.-]`, starting with a letter or digit.
    public static func isValidRealm(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard (1...64).contains(bytes.count), isLowerAlnum(bytes[0]) else { return false }
        return bytes.allSatisfy { isLowerAlnum($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
    }

    /// A record type: `[a-z][a-z0-9_]{0,31}`.
    public static func isValidType(_ text: String) -> Bool { isIdentifier(text, maxLength: 32) }

    /// A field name: `[a-z][a-z0-9_]{0,63}`.
    public static func isValidField(_ text: String) -> Bool { isIdentifier(text, maxLength: 64) }

    /// A record id: a lowercase UUID, `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`.
    public static func isValidRecordID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                guard isLowerHex(byte) else { return false }
            }
        }
        return true
    }

    private static func isIdentifier(_ text: String, maxLength: Int) -> Bool {
        let bytes = Array(text.utf8)
        guard (1...maxLength).contains(bytes.count), isLowerLetter(bytes[0]) else { return false }
        return bytes.allSatisfy { isLowerAlnum($0) || $0 == UInt8(ascii: "_") }
    }

    private static func isLowerLetter(_ byte: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) }
    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
    private static func isLowerAlnum(_ byte: UInt8) -> Bool { isLowerLetter(byte) || isDigit(byte) }
    private static func isLowerHex(_ byte: UInt8) -> Bool {
        isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }
}
