/// One signature of a request as received: its label, the covered components with their
/// parameters (`Signature-Input`) and the signature bytes (`Signature`).
///
/// This node sends and accepts exactly one signature per request.
public struct RequestSignature: Sendable, Hashable {
    /// The label shared by `Signature-Input` and `Signature` (`maex`).
    public var label: String
    /// The covered components and parameters, exactly as parsed (their order matters).
    public var covered: StructuredField.InnerList
    /// The signature bytes.
    public var signature: [UInt8]

    /// Creates a signature value.
    public init(label: String, covered: StructuredField.InnerList, signature: [UInt8]) {
        self.label = label
        self.covered = covered
        self.signature = signature
    }

    /// The covered component names, in order (non-string items are left out).
    public var components: [String] {
        covered.items.compactMap { if case .string(let name) = $0.bareItem { name } else { nil } }
    }

    /// `created`, if an integer.
    public var created: Int64? { integer("created") }
    /// `expires`, if an integer.
    public var expires: Int64? { integer("expires") }
    /// `nonce`, if a string.
    public var nonce: String? { string("nonce") }
    /// `alg`, if a string.
    public var algorithm: String? { string("alg") }
    /// `keyid`, if a string.
    public var keyID: String? { string("keyid") }
    /// `tag`, if a string.
    public var tag: String? { string("tag") }

    private func integer(_ key: String) -> Int64? {
        if case .integer(let value) = covered.parameters[key] { value } else { nil }
    }

    private func string(_ key: String) -> String? {
        if case .string(let value) = covered.parameters[key] { value } else { nil }
    }

    /// Parses the two header values.
    /// - Throws: `MessageSignatureError.missing` when either is absent, `.malformed` when they
    ///   are not dictionaries, hold other than one signature, or their labels differ, or a known
    ///   parameter has the wrong type.
    public static func parse(signatureInput: String?, signature: String?) throws(MessageSignatureError) -> RequestSignature {
        guard let signatureInput, let signature else { throw .missing }
        let inputs: StructuredField.Dictionary
        let signatures: StructuredField.Dictionary
        do {
            inputs = try StructuredField.parseDictionary(signatureInput)
            signatures = try StructuredField.parseDictionary(signature)
        } catch {
            throw .malformed("\(error)")
        }
        guard inputs.members.count == 1, let input = inputs.members.first else {
            throw .malformed("Signature-Input must hold exactly one signature, not \(inputs.members.count)")
        }
        guard case .innerList(let covered) = input.value else { throw .malformed("Signature-Input's member is not an inner list") }
        guard signatures.members.count == 1, case .item(let item)? = signatures[input.key] else {
            throw .malformed("Signature must hold exactly the signature labelled \"\(input.key)\"")
        }
        guard case .byteSequence(let bytes) = item.bareItem else { throw .malformed("the signature is not a byte sequence") }
        let parsed = RequestSignature(label: input.key, covered: covered, signature: bytes)
        for (key, value) in covered.parameters.entries {
            switch (key, value) {
            case ("created", .integer), ("expires", .integer): continue
            case ("nonce", .string), ("alg", .string), ("keyid", .string), ("tag", .string): continue
            case ("created", _), ("expires", _), ("nonce", _), ("alg", _), ("keyid", _), ("tag", _):
                throw .malformed("the parameter \(key) has the wrong type")
            default: continue
            }
        }
        return parsed
    }
}
