import MAEXCore
import XCTest

/// Trust operations in the envelope, and the pure authority rules.
final class TrustOperationTests: XCTestCase {
    private let root = SimKeys.key(40)
    private let hub = SimKeys.key(41)
    private let town = SimKeys.key(42)

    private func changeSet(_ author: SigningKey, _ ops: [ChangeOperation], deps: [NodeID: Int64] = [:]) -> ChangeSet {
        ChangeSet(realm: "maex-test", author: author.nodeID, seq: 1, prev: nil, hlc: HLCTimestamp(milliseconds: 1_000, counter: 0), deps: deps, ops: ops)
    }

    func testTrustOperationsRoundTripThroughSignedBytes() throws {
        let rotation = Rotation(
            old: town.nodeID, new: hub.nodeID, role: .municipality, scope: ["GM0718", "GM0716"], fromSeq: 4,
            oldSignature: town.sign(Rotation.statement(realm: "maex-test", old: town.nodeID, new: hub.nodeID, fromSeq: 4)))
        let ops: [ChangeOperation] = [
            .trust(.grant(Grant(node: hub.nodeID, role: .province, scope: ["PV29"]))),
            .trust(.revoke(Revocation(node: town.nodeID, fromSeq: 2))),
            .trust(.rotate(rotation)),
        ]
        let signed = changeSet(root, ops).signed(with: root)
        let opened = try SignedChangeSet.open(body: signed.body, signature: signed.signature, realm: "maex-test")
        XCTAssertEqual(opened.changeSet.ops, ops)
        XCTAssertTrue(String(decoding: signed.body, as: UTF8.self).contains(#""op":"grant","role":"province","scope":["PV29"]"#))
    }

    func testMalformedTrustOperationsAreRefused() {
        let node = JSONValue.string(hub.nodeID.hex)
        let cases: [([String: JSONValue], String)] = [
            (["op": .string("grant"), "node": node, "role": .string("king"), "scope": .array([.string("PV29")])], "role"),
            (["op": .string("grant"), "node": node, "role": .string("province"), "scope": .array([.string("GM0718")])], "scope"),
            (["op": .string("grant"), "node": node, "role": .string("municipality"), "scope": .array([])], "scope"),
            (["op": .string("grant"), "node": node, "role": .string("municipality"), "scope": .array([.string("GM0718"), .string("GM0716")])], "sorted"),
            (["op": .string("revoke"), "node": node, "from_seq": .int(0)], "from_seq"),
            (["op": .string("revoke"), "node": .string(String(repeating: "0", count: 64)), "from_seq": .int(1)], "node"),
            (["op": .string("revoke"), "node": node, "from_seq": .int(1), "extra": .int(1)], "extra"),
            (["op": .string("rotate"), "node": node, "old": node, "role": .string("municipality"), "scope": .array([.string("GM0718")]), "from_seq": .int(1),
              "old_sig": .string(String(repeating: "ab", count: 64))], "new key"),
        ]
        for (op, field) in cases {
            let body = JSONValue.object([
                "v": .int(1), "realm": .string("maex-test"), "author": .string(root.nodeID.hex), "seq": .int(1), "prev": .null,
                "hlc": .array([.int(1000), .int(0)]), "ops": .array([.object(op)]),
            ]).canonicalBytes
            XCTAssertThrowsError(try SignedChangeSet.decode(body: body), "\(op)") { error in
                XCTAssertTrue("\(error)".contains(field), "\(error) should name \(field)")
            }
        }
    }

    func testAuthorityRulesDecideFromTheViewAlone() {
        let grant = Grant(node: town.nodeID, role: .municipality, scope: ["GM0718"])
        let record = SimKeys.initiative(1)
        let create = changeSet(town, [.set(SetOperation(record: record, field: "municipality", value: .string("GM0718")))])
        XCTAssertEqual(AuthorityRules.check(create, view: AuthorityView(grants: [grant]), root: root.nodeID), .allowed)
        guard case .refused = AuthorityRules.check(create, view: AuthorityView(), root: root.nodeID) else { return XCTFail("no certificate") }
        let edit = changeSet(town, [.set(SetOperation(record: record, field: "name", value: .string("x")))])
        guard case .refused = AuthorityRules.check(edit, view: AuthorityView(grants: [grant], homes: [record: ["GM0716"]]), root: root.nodeID)
        else { return XCTFail("other municipality") }
        XCTAssertEqual(AuthorityRules.check(edit, view: AuthorityView(grants: [grant], homes: [record: ["GM0718"]]), root: root.nodeID), .allowed)
        XCTAssertEqual(AuthorityRules.check(edit, view: AuthorityView(homes: [record: ["GM0716"]]), root: root.nodeID).isAllowed, false)
        XCTAssertEqual(AuthorityRules.check(changeSet(root, edit.ops), view: AuthorityView(homes: [record: ["GM0716"]]), root: root.nodeID), .allowed)
        XCTAssertEqual(AuthorityRules.codes(coveredBy: [Grant(node: hub.nodeID, role: .province, scope: ["PV29"])]).count, 13)
    }

    func testHomeIsTheFrontierOfMunicipalityWritesInTheHorizon() {
        let first = HomeWrite(ref: ChangeRef(author: town.nodeID, seq: 1), code: "GM0718", pred: [])
        let moved = HomeWrite(ref: ChangeRef(author: hub.nodeID, seq: 3), code: "GM0716", pred: [first.ref])
        XCTAssertEqual(AuthorityView.home(of: [first, moved], in: [town.nodeID: 1]), ["GM0718"])
        XCTAssertEqual(AuthorityView.home(of: [first, moved], in: [town.nodeID: 1, hub.nodeID: 3]), ["GM0716"])
        XCTAssertEqual(AuthorityView.home(of: [first, moved], in: [:]), [])
    }
}

extension AuthorityVerdict {
    fileprivate var isAllowed: Bool { self == .allowed }
}
