import Foundation
import XCTest

import MAEXCore
import MAEXWire

/// HTTP Message Signatures against the examples of RFC 9421 (appendix B) and RFC 9530.
final class HTTPSignatureRFCTests: XCTestCase {
    /// RFC 9421 appendix B.1.4, `test-key-ed25519`: the 32-byte private key inside the PKCS#8
    /// document `MC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF`.
    static let rfcPrivateKey = "MC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF"
    /// Its public key (the SubjectPublicKeyInfo `MCowBQYDK2VwAyEAJrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=`).
    static let rfcPublicKey = "MCowBQYDK2VwAyEAJrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs="

    /// The request of RFC 9421 section 2.5's examples (appendix B.2).
    static let rfcMessage = SignatureMessage(
        method: "POST", authority: "example.com", path: "/foo", query: "param=Value&Pet=dog",
        fields: [
            (name: "Host", value: "example.com"),
            (name: "Date", value: "Tue, 20 Apr 2021 02:07:55 GMT"),
            (name: "Content-Type", value: "application/json"),
            (name: "Content-Digest", value: "sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:"),
            (name: "Content-Length", value: "18"),
        ])

    /// B.2.6, "Signing a Request Using ed25519".
    static let b26Input = #"sig-b26=("date" "@method" "@path" "@authority" "content-type" "content-length");created=1618884473;keyid="test-key-ed25519""#
    static let b26Signature = "sig-b26=:wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==:"
    static let b26Base = """
        "date": Tue, 20 Apr 2021 02:07:55 GMT
        "@method": POST
        "@path": /foo
        "@authority": example.com
        "content-type": application/json
        "content-length": 18
        "@signature-params": ("date" "@method" "@path" "@authority" "content-type" "content-length");created=1618884473;keyid="test-key-ed25519"
        """

    private func rfcKey() throws -> SigningKey {
        let document = try XCTUnwrap(Base64.decode(Self.rfcPrivateKey))
        XCTAssertEqual(document.count, 48, "PKCS#8 header of 16 bytes and the 32-byte key")
        return try SigningKey(seed: Array(document.suffix(32)))
    }

    func testRFCTestKeyDerivesTheRFCPublicKey() throws {
        let spki = try XCTUnwrap(Base64.decode(Self.rfcPublicKey))
        XCTAssertEqual(try rfcKey().nodeID.rawBytes, Array(spki.suffix(32)))
    }

    func testSignatureBaseOfB26IsBuiltExactlyAsTheRFCShows() throws {
        let signature = try RequestSignature.parse(signatureInput: Self.b26Input, signature: Self.b26Signature)
        XCTAssertEqual(signature.label, "sig-b26")
        XCTAssertEqual(signature.components, ["date", "@method", "@path", "@authority", "content-type", "content-length"])
        XCTAssertEqual(signature.created, 1_618_884_473)
        XCTAssertEqual(signature.keyID, "test-key-ed25519")
        XCTAssertEqual(try SignatureBase.build(covering: signature.covered, of: Self.rfcMessage), Self.b26Base)
    }

    func testB26SignatureIsReproducedAndVerifies() throws {
        let key = try rfcKey()
        let signature = try RequestSignature.parse(signatureInput: Self.b26Input, signature: Self.b26Signature)
        let base = Array(try SignatureBase.build(covering: signature.covered, of: Self.rfcMessage).utf8)
        XCTAssertTrue(key.nodeID.verify(signature: signature.signature, over: base), "the RFC's signature verifies")
        #if os(Linux)
            // BoringSSL signs deterministically (RFC 8032), so the RFC's bytes come out again.
            XCTAssertEqual(key.sign(base), signature.signature)
        #endif
        var tampered = base
        tampered[tampered.count - 1] ^= 1
        XCTAssertFalse(key.nodeID.verify(signature: signature.signature, over: tampered))
    }

    func testQueryAndDefaultPathComponents() throws {
        let covered = StructuredField.InnerList([.init(.string("@query")), .init(.string("@path"))])
        XCTAssertEqual(
            try SignatureBase.build(covering: covered, of: Self.rfcMessage),
            "\"@query\": ?param=Value&Pet=dog\n\"@path\": /foo\n\"@signature-params\": (\"@query\" \"@path\")")
        let bare = SignatureMessage(method: "GET", authority: "example.com", path: "")
        XCTAssertEqual(
            try SignatureBase.build(covering: covered, of: bare), "\"@query\": ?\n\"@path\": /\n\"@signature-params\": (\"@query\" \"@path\")",
            "RFC 9421 2.2.6/2.2.7: an absent query is '?', an empty path '/'")
    }

    func testMultipleFieldLinesAreTrimmedAndJoined() throws {
        let message = SignatureMessage(
            method: "GET", authority: "a", path: "/", fields: [(name: "X-Ex", value: "  one "), (name: "x-ex", value: "two\t")])
        XCTAssertEqual(message.fieldValue("x-ex"), "one, two")
        XCTAssertNil(message.fieldValue("x-other"))
    }

    func testContentDigestOfRFC9530Example() throws {
        let body = Array(#"{"hello": "world"}"#.utf8)
        XCTAssertEqual(ContentDigest.value(for: body), "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:")
        XCTAssertNoThrow(try ContentDigest.check("sha-512=:AAAA:, sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:", body: body))
        XCTAssertThrowsError(try ContentDigest.check(ContentDigest.value(for: body), body: body + [0x20]))
        XCTAssertThrowsError(try ContentDigest.check(nil, body: body))
        XCTAssertThrowsError(try ContentDigest.check("sha-512=:AAAA:", body: body), "sha-256 is required")
        XCTAssertThrowsError(try ContentDigest.check("sha-256=:AAAA:", body: body), "32 bytes are required")
    }

    func testAuthorityNormalisation() {
        XCTAssertEqual(SignatureMessage.authority(scheme: "http", host: "Example.COM", port: 80), "example.com")
        XCTAssertEqual(SignatureMessage.authority(scheme: "https", host: "example.com", port: 443), "example.com")
        XCTAssertEqual(SignatureMessage.authority(scheme: "http", host: "127.0.0.1", port: 8083), "127.0.0.1:8083")
        XCTAssertEqual(SignatureMessage.authority(scheme: "http", host: "::1", port: 8083), "[::1]:8083")
        XCTAssertEqual(SignatureMessage.normalizedAuthority("Example.com:80"), "example.com")
        XCTAssertEqual(SignatureMessage.normalizedAuthority("[::1]:8083"), "[::1]:8083")
    }
}
