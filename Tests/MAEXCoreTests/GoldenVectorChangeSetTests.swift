import Foundation
import MAEXCore
import XCTest

/// `changesets.json` and `rejections.json` against encoding, signing and `SignedChangeSet.open`.
final class GoldenVectorChangeSetTests: XCTestCase {
    func testValidChangeSetsEncodeSignAndOpenExactly() throws {
        let document = try VectorJSON.load("changesets.json")
        let realm = try document.vectorString("realm")
        let keys = try GoldenVector.keys()
        let cases = try document.vectorArray("cases")
        XCTAssertGreaterThanOrEqual(cases.count, 5)
        for item in cases {
            let name = try item.vectorString("name")
            let body = try item.vectorBytes("body_hex")
            let signature = try item.vectorBytes("sig_hex")
            let key = keys[Int(try item.vectorInt("key"))]
            XCTAssertEqual(Array(try item.vectorString("body").utf8), body, name)
            XCTAssertEqual(try item.vectorMember("changeset").canonicalBytes, body, "\(name): the body is the canonical envelope")
            XCTAssertEqual(Data(base64Encoded: try item.vectorString("sig_base64")).map(Array.init), signature, name)
            let signed = try SignedChangeSet.open(body: body, signature: signature, realm: realm)
            XCTAssertEqual(signed.id.hex, try item.vectorString("id"), name)
            XCTAssertEqual(signed.changeSet.author, key.nodeID, name)
            XCTAssertTrue(key.nodeID.verify(signature: key.sign(body), over: body), name)
            #if os(Linux)
                XCTAssertEqual(key.sign(body), signature, "\(name): Ed25519 signatures are deterministic")
            #endif
            let decoded = try item.vectorMember("decoded")
            XCTAssertEqual(signed.changeSet.version, try decoded.vectorInt("v"), name)
            XCTAssertEqual(VectorDescription.opKinds(signed.changeSet), try decoded.vectorMember("op_kinds"), name)
            XCTAssertEqual(.array(signed.changeSet.requirements.map(\.jsonValue)), try decoded.vectorMember("requirements"), name)
            if let reencoded = signed.changeSet.canonicalBytesIfRoundTrip {
                XCTAssertEqual(reencoded, body, "\(name): decoding and encoding again gives the body")
                XCTAssertEqual(signed.changeSet.signed(with: key).id, signed.id, name)
            }
            try checkWire(item, body: body, signature: signature, name: name)
        }
    }

    private func checkWire(_ item: JSONValue, body: [UInt8], signature: [UInt8], name: String) throws {
        struct Wire: Decodable {
            let body: String
            let sig: String
        }
        let text = try item.vectorString("wire_text")
        let wire = try JSONDecoder().decode(Wire.self, from: Data(text.utf8))
        XCTAssertEqual(Array(wire.body.utf8), body, "\(name): the wire body string carries the exact bytes")
        XCTAssertEqual(Data(base64Encoded: wire.sig).map(Array.init), signature, name)
        XCTAssertEqual(try item.vectorMember("wire").canonicalString, text, name)
        XCTAssertEqual(wire.sig.utf8.count, 88, "\(name): base64 of 64 bytes with padding")
    }

    func testEnvelopeChecksRejectOrAcceptAsListed() throws {
        let cases = try VectorJSON.load("rejections.json").vectorArray("cases")
        XCTAssertGreaterThan(cases.count, 30)
        var rejected = 0
        for item in cases {
            let name = try item.vectorString("name")
            let body = try item.vectorBytes("body_hex")
            if let text = item.objectValue?["body"]?.stringValue { XCTAssertEqual(Array(text.utf8), body, name) }
            var expect = try item.vectorMember("expect").objectValue ?? [:]
            let outcome = expect.removeValue(forKey: "outcome")
            do {
                let signed = try SignedChangeSet.open(
                    body: body, signature: try item.vectorBytes("sig_hex"), realm: try item.vectorString("open_realm"))
                XCTAssertEqual(outcome, .string("accepted"), "\(name): accepted")
                XCTAssertEqual(expect["id"], .string(signed.id.hex), name)
                XCTAssertEqual(expect["op_kinds"], VectorDescription.opKinds(signed.changeSet), name)
            } catch let error as EnvelopeError {
                rejected += 1
                XCTAssertEqual(outcome, .string("rejected"), "\(name): rejected with \(error)")
                XCTAssertEqual(VectorDescription.error(error), .object(expect), name)
            } catch {
                XCTFail("\(name): unexpected \(error)")
            }
        }
        XCTAssertGreaterThan(rejected, 25)
    }
}
