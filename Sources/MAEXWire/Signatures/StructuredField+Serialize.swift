extension StructuredField.BareItem {
    /// The RFC 8941 serialisation (section 4.1.3). Strings are assumed to hold printable ASCII
    /// only (the parser guarantees it; signers use ASCII values).
    public var serialized: String {
        switch self {
        case .integer(let value): return String(value)
        case .string(let text):
            var out = "\""
            for scalar in text.unicodeScalars {
                if scalar == "\"" || scalar == "\\" { out.append("\\") }
                out.unicodeScalars.append(scalar)
            }
            return out + "\""
        case .token(let token): return token
        case .byteSequence(let bytes): return ":" + Base64.encode(bytes) + ":"
        case .boolean(let flag): return flag ? "?1" : "?0"
        }
    }
}

extension StructuredField.Parameters {
    /// `;key=value` for each parameter (`;key` alone for the value `true`).
    public var serialized: String {
        entries.map { entry in
            if case .boolean(true) = entry.value { return ";" + entry.key }
            return ";" + entry.key + "=" + entry.value.serialized
        }.joined()
    }
}

extension StructuredField.Item {
    /// The item and its parameters.
    public var serialized: String { bareItem.serialized + parameters.serialized }
}

extension StructuredField.InnerList {
    /// `(item item);params` (section 4.1.1.1).
    public var serialized: String {
        "(" + items.map(\.serialized).joined(separator: " ") + ")" + parameters.serialized
    }
}

extension StructuredField.Member {
    /// The member's value as it appears after `key=`.
    public var serialized: String {
        switch self {
        case .item(let item): item.serialized
        case .innerList(let list): list.serialized
        }
    }
}

extension StructuredField.Dictionary {
    /// `key=value, key=value` (section 4.1.2).
    public var serialized: String {
        members.map { member in
            if case .item(let item) = member.value, item.bareItem == .boolean(true) {
                return member.key + item.parameters.serialized
            }
            return member.key + "=" + member.value.serialized
        }.joined(separator: ", ")
    }
}
