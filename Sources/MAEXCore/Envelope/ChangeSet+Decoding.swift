extension ChangeSet {
    private static let knownKeys: Set<String> = ["v", "realm", "author", "seq", "prev", "hlc", "deps", "ops"]

    /// Decodes and checks a change set from its JSON value (already known to be canonical).
    ///
    /// Schema version 1 admits no unknown keys or operations. A newer version is accepted with
    /// unknown top-level keys ignored and unknown operations kept as `.unsupported`, so the node
    /// stores and relays it verbatim and applies what it understands.
    public init(decoding value: JSONValue) throws(EnvelopeError) {
        guard let object = value.objectValue else { throw .invalidValue(field: "(top)", reason: "expected an object") }
        let version = try Self.integer(object, "v")
        guard version >= 1 else { throw .unsupportedVersion(version) }
        let strict = version <= EnvelopeLimits.currentVersion
        if strict, object.keys.contains(where: { !Self.knownKeys.contains($0) }),
            let extra = object.keys.sorted().first(where: { !Self.knownKeys.contains($0) }) {
            throw .unknownField(extra)
        }
        let realm = try Self.string(object, "realm")
        guard EnvelopeRules.isValidRealm(realm) else { throw .invalidValue(field: "realm", reason: "expected 1 to 64 of [a-z0-9.-]") }
        let authorHex = try Self.string(object, "author")
        let author: NodeID
        do { author = try NodeID(hex: authorHex) } catch { throw .invalidAuthor(error) }
        let seq = try Self.integer(object, "seq")
        guard seq >= 1 else { throw .invalidValue(field: "seq", reason: "must be at least 1") }
        let prev = try Self.decodePrev(object["prev"], seq: seq)
        let hlc = try Self.decodeHLC(object["hlc"])
        let deps = try Self.decodeDeps(object["deps"], author: author)
        let ops = try Self.decodeOps(object["ops"], strict: strict)
        self.init(realm: realm, author: author, seq: seq, prev: prev, hlc: hlc, deps: deps, ops: ops, version: version)
        try checkReferences()
    }

    /// Every `pred` must name an earlier change set of the author or one covered by `deps`, and a
    /// field is written at most once per change set.
    private func checkReferences() throws(EnvelopeError) {
        var written = Set<FieldKey>()
        for case .set(let op) in ops {
            guard written.insert(FieldKey(record: op.record, field: op.field)).inserted else {
                throw .invalidValue(field: "ops", reason: "field \(op.field) of \(op.record) is written twice")
            }
            for ref in op.pred {
                let covered = ref.author == author ? ref.seq < seq : (deps[ref.author] ?? 0) >= ref.seq
                guard covered else {
                    throw .invalidValue(field: "pred", reason: "\(ref) is neither an earlier change set of the author nor covered by deps")
                }
            }
        }
    }

    static func string(_ object: [String: JSONValue], _ key: String) throws(EnvelopeError) -> String {
        guard let value = object[key] else { throw .missingField(key) }
        guard let text = value.stringValue else { throw .invalidValue(field: key, reason: "expected a string, found \(value.kindName)") }
        return text
    }

    static func integer(_ object: [String: JSONValue], _ key: String) throws(EnvelopeError) -> Int64 {
        guard let value = object[key] else { throw .missingField(key) }
        guard let number = value.intValue else { throw .invalidValue(field: key, reason: "expected an integer, found \(value.kindName)") }
        return number
    }

    private static func decodePrev(_ value: JSONValue?, seq: Int64) throws(EnvelopeError) -> ChangeSetID? {
        guard let value else { throw .missingField("prev") }
        if seq == 1 {
            guard value == .null else { throw .invalidValue(field: "prev", reason: "must be null for sequence 1") }
            return nil
        }
        guard let text = value.stringValue, let id = try? ChangeSetID(hex: text) else {
            throw .invalidValue(field: "prev", reason: "expected the previous change set's id (64 lowercase hex characters)")
        }
        return id
    }

    private static func decodeHLC(_ value: JSONValue?) throws(EnvelopeError) -> HLCTimestamp {
        guard let value else { throw .missingField("hlc") }
        guard let parts = value.arrayValue, parts.count == 2, let ms = parts[0].intValue, let counter = parts[1].intValue,
            ms >= 0, counter >= 0
        else { throw .invalidValue(field: "hlc", reason: "expected [milliseconds, counter] with non-negative integers") }
        return HLCTimestamp(milliseconds: ms, counter: counter)
    }

    private static func decodeDeps(_ value: JSONValue?, author: NodeID) throws(EnvelopeError) -> [NodeID: Int64] {
        guard let value else { return [:] }
        guard let object = value.objectValue, !object.isEmpty, object.count <= EnvelopeLimits.maxReferences else {
            throw .invalidValue(field: "deps", reason: "expected a non-empty object of at most \(EnvelopeLimits.maxReferences) authors (omit it when empty)")
        }
        var deps: [NodeID: Int64] = [:]
        for (key, seqValue) in object {
            guard let node = try? NodeID(hex: key), node != author else {
                throw .invalidValue(field: "deps", reason: "\(key.prefix(70)) is not another author's node id")
            }
            guard let seq = seqValue.intValue, seq >= 1 else { throw .invalidValue(field: "deps", reason: "sequence numbers start at 1") }
            deps[node] = seq
        }
        return deps
    }

    private static func decodeOps(_ value: JSONValue?, strict: Bool) throws(EnvelopeError) -> [ChangeOperation] {
        guard let value else { throw .missingField("ops") }
        guard let items = value.arrayValue, (1...EnvelopeLimits.maxOperations).contains(items.count) else {
            throw .invalidValue(field: "ops", reason: "expected 1 to \(EnvelopeLimits.maxOperations) operations")
        }
        var ops: [ChangeOperation] = []
        ops.reserveCapacity(items.count)
        for item in items {
            ops.append(try ChangeOperation(decoding: item, strict: strict))
        }
        return ops
    }
}

/// One field of one record.
public struct FieldKey: Hashable, Sendable {
    /// The record.
    public var record: RecordKey
    /// The field name.
    public var field: String

    /// Creates a field key.
    public init(record: RecordKey, field: String) {
        self.record = record
        self.field = field
    }
}
