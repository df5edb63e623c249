import XCTest

import MAEXCore
import MAEXWire

/// `RequestSigner` and `SignaturePolicy`: what a node signs, and the verification decision
/// for every way a signed request can be wrong.
final class HTTPSignaturePolicyTests: XCTestCase {
    let key = SigningKey()
    let now: Int64 = 1_780_000_000
    let body = Array(#"{"changesets":[]}"#.utf8)
    let policy = SignaturePolicy()

    /// A signed push as received: the message with the signer's fields added.
    private func signedPush(
        key: SigningKey? = nil, authority: String = "hub.example:8082", path: String = "/v1/sync/push", query: String? = nil,
        body: [UInt8]? = nil, now: Int64? = nil, nonce: String = "n-1", validity: Int64 = 60
    ) -> (message: SignatureMessage, signature: RequestSignature?) {
        let signer = RequestSigner(key: key ?? self.key, validity: validity)
        let fields = signer.headers(
            method: "POST", authority: authority, path: path, query: query, body: body ?? self.body, now: now ?? self.now, nonce: nonce)
        let message = SignatureMessage(
            method: "POST", authority: authority, path: path, query: query,
            fields: [(name: "Content-Type", value: "application/json")] + fields)
        let signature = try? RequestSignature.parse(
            signatureInput: message.fieldValue("signature-input"), signature: message.fieldValue("signature"))
        return (message, signature)
    }

    /// The whole decision: cheap checks, then digest and signature.
    private func decide(
        _ message: SignatureMessage, body: [UInt8]? = nil, now: Int64? = nil, authorities: Set<String> = ["hub.example:8082"]
    ) throws(MessageSignatureError) -> NodeID {
        let signature = try RequestSignature.parse(
            signatureInput: message.fieldValue("signature-input"), signature: message.fieldValue("signature"))
        let checked = try policy.check(
            signature, message: message, hasBody: true, now: now ?? self.now, acceptsAuthority: { authorities.contains($0) })
        return try policy.verify(checked, contentDigest: message.fieldValue("content-digest"), body: body ?? self.body)
    }

    private func assertRefused(
        _ expected: String, _ message: SignatureMessage, body: [UInt8]? = nil, now: Int64? = nil,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertThrowsError(try decide(message, body: body, now: now), file: file, line: line) { error in
            XCTAssertEqual((error as? MessageSignatureError)?.code, expected, "\(error)", file: file, line: line)
        }
    }

    func testSignedRequestVerifiesAsItsSigner() throws {
        let (message, signature) = signedPush()
        XCTAssertEqual(try decide(message), key.nodeID)
        let parsed = try XCTUnwrap(signature)
        XCTAssertEqual(parsed.label, "maex")
        XCTAssertEqual(parsed.components, ["@method", "@authority", "@path", "content-digest"])
        XCTAssertEqual(parsed.created, now)
        XCTAssertEqual(parsed.expires, now + 60)
        XCTAssertEqual(parsed.nonce, "n-1")
        XCTAssertEqual(parsed.algorithm, "ed25519")
        XCTAssertEqual(parsed.keyID, key.nodeID.hex)
        XCTAssertEqual(parsed.tag, "maex-sync")
        XCTAssertEqual(message.fieldValue("content-digest"), ContentDigest.value(for: body))
    }

    func testQueryIsCoveredWhenPresent() throws {
        let (message, signature) = signedPush(query: "a=1")
        XCTAssertEqual(signature?.components, ["@method", "@authority", "@path", "@query", "content-digest"])
        XCTAssertEqual(try decide(message), key.nodeID)
        var changed = message
        changed.query = "a=2"
        assertRefused("signature_invalid", changed)
        var dropped = message
        dropped.query = nil
        assertRefused("signature_invalid", dropped)
    }

    func testRequestWithAQueryMustCoverIt() {
        var (message, _) = signedPush()
        message.query = "a=1"
        assertRefused("signature_incomplete", message)
    }

    func testEveryCoveredComponentIsBound() {
        let (message, _) = signedPush()
        var method = message
        method.method = "PUT"
        assertRefused("signature_invalid", method)
        var path = message
        path.path = "/v1/sync/pull"
        assertRefused("signature_invalid", path)
        var authority = message
        authority.authority = "national.example:8081"
        XCTAssertThrowsError(try decide(authority, authorities: ["national.example:8081"])) { error in
            XCTAssertEqual(error as? MessageSignatureError, .badSignature, "the other node's name is not what was signed")
        }
        assertRefused("digest_mismatch", message, body: body + Array(" ".utf8))
        var digest = message
        let otherBody = Array(#"{"changesets":[1]}"#.utf8)
        digest.fields = digest.fields.map { $0.name == "Content-Digest" ? ($0.name, ContentDigest.value(for: otherBody)) : $0 }
        assertRefused("signature_invalid", digest, body: otherBody)
    }

    func testEverySignatureParameterIsBound() {
        let (message, _) = signedPush()
        let input = message.fieldValue("signature-input") ?? ""
        let changes = [
            ("created=\(now)", "created=\(now - 1)"), ("expires=\(now + 60)", "expires=\(now + 59)"), ("nonce=\"n-1\"", "nonce=\"n-2\""),
        ]
        for (old, new) in changes {
            var tampered = message
            tampered.fields = tampered.fields.map { $0.name == "Signature-Input" ? ($0.name, input.replacingOccurrences(of: old, with: new)) : $0 }
            XCTAssertNotEqual(tampered.fieldValue("signature-input"), input, old)
            assertRefused("signature_invalid", tampered)
        }
    }

    func testSignatureByAnotherKeyThanKeyIDIsRefused() {
        let other = SigningKey()
        let (message, _) = signedPush(key: other)
        let claimed = message.fields.map { field -> (name: String, value: String) in
            field.name == "Signature-Input" ? (field.name, field.value.replacingOccurrences(of: other.nodeID.hex, with: key.nodeID.hex)) : field
        }
        var forged = message
        forged.fields = claimed
        assertRefused("signature_invalid", forged)
    }

    func testAnotherAuthorityIsRefusedBeforeVerifying() {
        let (message, _) = signedPush(authority: "national.example:8081")
        assertRefused("wrong_authority", message)
    }

    func testValidityWindow() throws {
        let (message, _) = signedPush()
        XCTAssertEqual(try decide(message, now: now + 60 + policy.clockSkew), key.nodeID, "within the skew after expiry")
        assertRefused("signature_expired", message, now: now + 61 + policy.clockSkew)
        XCTAssertEqual(try decide(message, now: now - policy.clockSkew), key.nodeID, "a slightly fast signer")
        assertRefused("signature_not_yet_valid", message, now: now - policy.clockSkew - 1)
        let (long, _) = signedPush(validity: policy.maxValidity + 1)
        assertRefused("signature_validity_too_long", long)
        let (backwards, _) = signedPush(validity: 0)
        assertRefused("signature_malformed", backwards)
    }

    func testMissingAndMalformedHeaders() {
        let (message, _) = signedPush()
        var unsigned = message
        unsigned.fields = message.fields.filter { $0.name != "Signature" }
        assertRefused("signature_missing", unsigned)
        var garbage = message
        garbage.fields = message.fields.map { $0.name == "Signature" ? ($0.name, "maex=:???:") : $0 }
        assertRefused("signature_malformed", garbage)
        var twoLabels = message
        twoLabels.fields = message.fields.map { $0.name == "Signature" ? ($0.name, $0.value + ", other=:AAAA:") : $0 }
        assertRefused("signature_malformed", twoLabels)
        var withoutDigest = message
        withoutDigest.fields = message.fields.filter { $0.name != "Content-Digest" }
        assertRefused("signature_incomplete", withoutDigest)
    }

    func testOtherAlgorithmTagOrUncoveredDigestIsRefused() {
        let (message, _) = signedPush()
        for (old, new, code) in [
            ("alg=\"ed25519\"", "alg=\"rsa-pss-sha512\"", "signature_unsupported"),
            ("tag=\"maex-sync\"", "tag=\"other\"", "signature_unsupported"),
            (" \"content-digest\")", ")", "signature_incomplete"),
            ("keyid=\"", "keyid=\"x", "signature_malformed"),
        ] {
            var tampered = message
            tampered.fields = message.fields.map { $0.name == "Signature-Input" ? ($0.name, $0.value.replacingOccurrences(of: old, with: new)) : $0 }
            assertRefused(code, tampered)
        }
    }

    func testGetWithoutBodyNeedsNoDigest() throws {
        let fields = RequestSigner(key: key).headers(
            method: "GET", authority: "hub.example:8082", path: "/v1/sync/vector", body: nil, now: now, nonce: "g")
        XCTAssertNil(fields.first { $0.name == "Content-Digest" })
        let message = SignatureMessage(method: "GET", authority: "hub.example:8082", path: "/v1/sync/vector", fields: fields)
        let signature = try RequestSignature.parse(
            signatureInput: message.fieldValue("signature-input"), signature: message.fieldValue("signature"))
        XCTAssertEqual(signature.components, ["@method", "@authority", "@path"])
        let checked = try policy.check(signature, message: message, hasBody: false, now: now, acceptsAuthority: { _ in true })
        XCTAssertEqual(try policy.verify(checked, contentDigest: nil, body: []), key.nodeID)
    }

    func testSignatureHeadersAreSmall() {
        let fields = RequestSigner(key: key).headers(
            method: "POST", authority: "127.0.0.1:8082", path: "/v1/sync/pull", body: body, now: now, nonce: "AAAAAAAAAAAAAAAAAAAAAA")
        let bytes = fields.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count + 4 }
        XCTAssertLessThan(bytes, 520, "Content-Digest, Signature-Input and Signature: \(bytes) bytes")
    }
}
