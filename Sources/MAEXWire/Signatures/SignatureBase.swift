/// The signature base of RFC 9421 section 2.5: one line per covered component,
/// `"identifier": value`, then `"@signature-params": ` and the serialised covered-components
/// list with its parameters, lines joined by LF with no trailing LF.
///
/// Supported components: `@method`, `@authority`, `@path`, `@query` and header fields by
/// their lower-case name, all without component parameters.
public enum SignatureBase {
    /// The derived components this implementation computes.
    public static let derivedComponents: Set<String> = ["@method", "@authority", "@path", "@query"]

    /// Builds the base for `covered` (the `Signature-Input` member) over `message`.
    /// - Throws: `MessageSignatureError.malformed` for a component that is not a string or
    ///   appears twice, `.unsupported` for component parameters or other derived components,
    ///   `.incomplete` for a covered field the message lacks.
    public static func build(covering covered: StructuredField.InnerList, of message: SignatureMessage) throws(MessageSignatureError) -> String {
        var lines: [String] = []
        var seen = Set<String>()
        for item in covered.items {
            guard case .string(let name) = item.bareItem else { throw .malformed("a covered component is not a string") }
            guard item.parameters.entries.isEmpty else { throw .unsupported("component parameters (\(item.serialized))") }
            guard seen.insert(name).inserted else { throw .malformed("the component \"\(name)\" is covered twice") }
            let value = try componentValue(name, of: message)
            lines.append("\(item.serialized): \(value)")
        }
        lines.append("\"@signature-params\": \(covered.serialized)")
        return lines.joined(separator: "\n")
    }

    /// The value of one component.
    static func componentValue(_ name: String, of message: SignatureMessage) throws(MessageSignatureError) -> String {
        switch name {
        case "@method": return message.method
        case "@authority": return message.authority
        case "@path": return message.path.isEmpty ? "/" : message.path
        case "@query": return "?" + (message.query ?? "")
        default:
            guard !name.hasPrefix("@") else { throw .unsupported("the derived component \"\(name)\"") }
            guard name == name.lowercased(), !name.isEmpty else { throw .malformed("the field name \"\(name)\" is not lower case") }
            guard let value = message.fieldValue(name) else { throw .incomplete("the covered field \"\(name)\" is absent") }
            return value
        }
    }
}
