import MAEXCore

/// The fixed inputs of the golden vectors: test keys, realm, record ids and times.
enum VectorKeys {
    /// The test seeds: key `i` is 32 bytes of value `i + 1`. Public test keys: never use them.
    static let seeds: [[UInt8]] = (1...4).map { [UInt8](repeating: UInt8($0), count: 32) }

    /// The signing keys made from `seeds`.
    static let keys: [SigningKey] = seeds.map { seed in
        // A 32-byte seed always makes a key.
        (try? SigningKey(seed: seed)) ?? SigningKey()
    }

    /// The realm the vectors are written for.
    static let realm = "test.maex"

    /// Another realm, for the wrong-realm case.
    static let otherRealm = "other.maex"

    /// 2026-01-01T00:00:00Z in milliseconds: the clock base of the vectors.
    static let baseMilliseconds: Int64 = 1_767_225_600_000

    /// The local wall clock the receiving node reads in merge scenarios: one day after the base.
    static let nowMilliseconds: Int64 = baseMilliseconds + 86_400_000

    /// A reading `offset` milliseconds after the base.
    static func hlc(_ offset: Int64, _ counter: Int64 = 0) -> HLCTimestamp {
        HLCTimestamp(milliseconds: baseMilliseconds + offset, counter: counter)
    }

    /// Record id number `n` (a lowercase UUID, version 4 layout).
    static func recordID(_ n: Int) -> String {
        let tail = String(n, radix: 16)
        return "7d1e6a52-3c4b-4f8a-9b2e-" + String(repeating: "0", count: 12 - tail.count) + tail
    }

    /// An initiative record key.
    static func initiative(_ n: Int) -> RecordKey { RecordKey(type: "initiative", id: recordID(n)) }

    /// A set operation on initiative `n`.
    static func set(_ n: Int, _ field: String, _ value: JSONValue, pred: [ChangeRef] = []) -> ChangeOperation {
        .set(SetOperation(record: initiative(n), field: field, value: value, pred: pred))
    }

    /// A delete of initiative `n`.
    static func delete(_ n: Int) -> ChangeOperation { .delete(initiative(n)) }

    /// The node id of key `index`.
    static func node(_ index: Int) -> NodeID { keys[index].nodeID }

    /// A change-set reference to key `index`'s `seq`.
    static func ref(_ index: Int, _ seq: Int64) -> ChangeRef { ChangeRef(author: node(index), seq: seq) }
}

/// Builds one author's chain of signed change sets: sequence numbers and `prev` ids follow.
struct VectorChain {
    let keyIndex: Int
    private(set) var seq: Int64 = 0
    private(set) var prev: ChangeSetID?

    init(key keyIndex: Int) {
        self.keyIndex = keyIndex
    }

    var key: SigningKey { VectorKeys.keys[keyIndex] }

    /// The next change set of the chain.
    mutating func next(
        _ hlc: HLCTimestamp, deps: [Int: Int64] = [:], ops: [ChangeOperation], realm: String = VectorKeys.realm
    ) -> SignedChangeSet {
        seq += 1
        let changeSet = ChangeSet(
            realm: realm, author: key.nodeID, seq: seq, prev: prev, hlc: hlc,
            deps: Dictionary(uniqueKeysWithValues: deps.map { (VectorKeys.node($0.key), $0.value) }), ops: ops)
        let signed = changeSet.signed(with: key)
        prev = signed.id
        return signed
    }

    /// The next change set with its JSON changed by `edit` before signing (for newer schema
    /// versions); throws when the result does not open as a valid change set.
    mutating func nextEdited(
        _ hlc: HLCTimestamp, deps: [Int: Int64] = [:], ops: [ChangeOperation], edit: (inout [String: JSONValue]) -> Void
    ) throws -> SignedChangeSet {
        seq += 1
        let changeSet = ChangeSet(
            realm: VectorKeys.realm, author: key.nodeID, seq: seq, prev: prev, hlc: hlc,
            deps: Dictionary(uniqueKeysWithValues: deps.map { (VectorKeys.node($0.key), $0.value) }), ops: ops)
        guard case .object(var members) = changeSet.jsonValue else {
            throw VectorJSON.VectorError(description: "envelope is not an object")
        }
        edit(&members)
        let body = JSONValue.object(members).canonicalBytes
        let signed = try SignedChangeSet.open(body: body, signature: key.sign(body), realm: VectorKeys.realm)
        prev = signed.id
        return signed
    }

    /// Forgets the last change set, to write a different one at the same sequence (a fork).
    mutating func rewind(to seq: Int64, prev: ChangeSetID?) {
        self.seq = seq
        self.prev = prev
    }
}
