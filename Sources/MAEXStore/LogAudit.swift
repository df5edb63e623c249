import MAEXCore

/// The pure part of `NodeStore.verify()`: checks log rows in apply order and re-derives the
/// register in memory from the ones that verify.
struct LogAudit {
    /// One stored change set, as its columns say.
    struct Row {
        var position: Int64
        var authorNumber: Int64
        var seq: Int64
        var id: String
        var prev: String?
        var hlc: HLCTimestamp
        var operationCount: Int
        var body: [UInt8]
        var signature: [UInt8]
    }

    private struct Author {
        var hex: String
        var forkedFrom: Int64?
        var lastSeq: Int64 = 0
        var lastID: String?
        var lastHLC: HLCTimestamp = .zero
    }

    let realm: String
    /// The network's root when certificates are checked.
    let root: NodeID?
    private(set) var problems: [String] = []
    /// The change sets that verify and a fork does not retract, in apply order.
    private var verified: [ChangeSet] = []
    private var authors: [Int64: Author] = [:]

    init(realm: String, root: NodeID?) {
        self.realm = realm
        self.root = root
    }

    /// Re-derives the register in memory from the verified change sets: with a root, each is
    /// decided again by an `AuthorityLedger` (one the rules refuse is a problem) and what
    /// revocations retract is left out.
    mutating func derivedRegister() -> Register {
        var register = Register()
        guard let root else {
            for changeSet in verified { register.apply(changeSet) }
            return register
        }
        var ledger = AuthorityLedger(root: root)
        for changeSet in verified {
            if case .refused(let reason) = ledger.admit(changeSet) {
                problems.append("change set \(changeSet.author.hex.prefix(12))…#\(changeSet.seq) is in the log but not authorised: \(reason)")
            }
        }
        let retracted = ledger.retracted
        for changeSet in verified where retracted[changeSet.ref] == nil { register.apply(changeSet) }
        return register
    }

    mutating func addAuthor(number: Int64, hex: String, forkedFrom: Int64?) {
        authors[number] = Author(hex: hex, forkedFrom: forkedFrom)
    }

    /// Checks the next row in apply order (a causal order: each author's rows come in sequence).
    mutating func check(_ row: Row) {
        guard var author = authors[row.authorNumber] else {
            problems.append("log position \(row.position): unknown author row \(row.authorNumber)")
            return
        }
        let label = "change set \(author.hex.prefix(12))…#\(row.seq) (log position \(row.position))"
        if row.seq != author.lastSeq + 1 {
            problems.append("\(label): sequence gap, expected \(author.lastSeq + 1) after \(author.lastSeq)")
        }
        if row.prev != author.lastID, row.seq == author.lastSeq + 1 {
            problems.append("\(label): prev \(row.prev ?? "null") does not match the previous id \(author.lastID ?? "null")")
        }
        let actualID = ChangeSetID(hashing: row.body).hex
        if actualID != row.id {
            problems.append("\(label): stored id \(row.id) is not the SHA-256 of its stored bytes (\(actualID))")
        }
        do {
            let signed = try SignedChangeSet.open(body: row.body, signature: row.signature, realm: realm)
            checkColumns(row, against: signed.changeSet, authorHex: author.hex, label: label)
            if author.forkedFrom.map({ row.seq < $0 }) ?? true { verified.append(signed.changeSet) }
        } catch {
            problems.append("\(label): stored bytes do not verify: \(error)")
        }
        author.lastSeq = row.seq
        author.lastID = row.id
        author.lastHLC = row.hlc
        authors[row.authorNumber] = author
    }

    private mutating func checkColumns(_ row: Row, against changeSet: ChangeSet, authorHex: String, label: String) {
        var mismatches: [String] = []
        if changeSet.author.hex != authorHex { mismatches.append("author") }
        if changeSet.seq != row.seq { mismatches.append("seq") }
        if changeSet.prev?.hex != row.prev { mismatches.append("prev") }
        if changeSet.hlc != row.hlc { mismatches.append("hlc") }
        if changeSet.ops.count != row.operationCount { mismatches.append("op_count") }
        if !mismatches.isEmpty {
            problems.append("\(label): columns differ from the signed bytes: \(mismatches.joined(separator: ", "))")
        }
    }

    /// Checks an author's head columns against the last change set seen.
    mutating func checkHead(number: Int64, seq: Int64, id: String?, hlc: HLCTimestamp) {
        guard let author = authors[number] else { return }
        if seq != author.lastSeq || id != author.lastID || (seq > 0 && hlc != author.lastHLC) {
            problems.append(
                "author \(author.hex.prefix(12))…: head \(seq) \(id ?? "null") does not match the log's last \(author.lastSeq) \(author.lastID ?? "null")")
        }
    }
}
