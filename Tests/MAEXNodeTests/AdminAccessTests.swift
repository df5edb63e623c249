import Foundation
import MAEXCore
import XCTest

@testable import MAEXNode

final class AdminAccessTests: XCTestCase {
    private let token = String(repeating: "7f", count: 32)

    private func basic(_ user: String, _ password: String) -> String {
        "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
    }

    func testDecisions() {
        let local = AdminAccess(token: token)
        XCTAssertEqual(local.decide(authorization: "Bearer \(token)", fromLoopback: true), .allowed)
        XCTAssertEqual(local.decide(authorization: "bearer \(token)", fromLoopback: true), .allowed, "the scheme ignores case")
        XCTAssertEqual(local.decide(authorization: basic("wie-dan-ook", token), fromLoopback: true), .allowed)
        XCTAssertEqual(local.decide(authorization: nil, fromLoopback: true), .unauthorized)
        XCTAssertEqual(local.decide(authorization: "Bearer \(token.dropLast())", fromLoopback: true), .unauthorized)
        XCTAssertEqual(local.decide(authorization: "Bearer \(token)0", fromLoopback: true), .unauthorized)
        XCTAssertEqual(local.decide(authorization: basic("admin", "wrong"), fromLoopback: true), .unauthorized)
        XCTAssertEqual(local.decide(authorization: "Basic !!!", fromLoopback: true), .unauthorized)
        XCTAssertEqual(local.decide(authorization: "Token \(token)", fromLoopback: true), .unauthorized)
        XCTAssertEqual(local.decide(authorization: "Bearer \(token)", fromLoopback: false), .forbidden, "remote needs allow_remote")
        let remote = AdminAccess(token: token, allowRemote: true)
        XCTAssertEqual(remote.decide(authorization: "Bearer \(token)", fromLoopback: false), .allowed)
        XCTAssertEqual(remote.decide(authorization: nil, fromLoopback: false), .unauthorized)
    }

    func testConstantTimeComparisonAndLoopback() {
        XCTAssertTrue(AdminAccess.constantTimeEqual("abc", "abc"))
        XCTAssertFalse(AdminAccess.constantTimeEqual("abc", "abd"))
        XCTAssertFalse(AdminAccess.constantTimeEqual("abc", "abcd"))
        XCTAssertFalse(AdminAccess.constantTimeEqual("", "a"))
        XCTAssertTrue(AdminAccess.isLoopback("127.0.0.1"))
        XCTAssertTrue(AdminAccess.isLoopback("127.1.2.3"))
        XCTAssertTrue(AdminAccess.isLoopback("::1"))
        XCTAssertTrue(AdminAccess.isLoopback("::ffff:127.0.0.1"))
        XCTAssertFalse(AdminAccess.isLoopback("10.0.0.1"))
        XCTAssertFalse(AdminAccess.isLoopback("128.0.0.1"))
        XCTAssertFalse(AdminAccess.isLoopback(nil))
    }

    func testInitCreatesAPrivateTokenAndEnsureRecreatesItForOldFolders() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maex-admin-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try NodeDirectory.create(at: folder, name: "Gemeente Tholen", role: .municipality, scope: ["GM0716"], root: SigningKey().nodeID)
        let path = AdminToken.path(in: folder)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        let token = try XCTUnwrap(try AdminToken.read(in: folder))
        XCTAssertEqual(token.count, 64)
        XCTAssertEqual(try AdminToken.ensure(in: folder), token, "ensure keeps an existing token")
        try FileManager.default.removeItem(atPath: path)
        let fresh = try AdminToken.ensure(in: folder)
        XCTAssertNotEqual(fresh, token)
        XCTAssertEqual(try AdminToken.read(in: folder), fresh)
        XCTAssertNotEqual(AdminToken.generate(), AdminToken.generate())
        chmod(path, 0o644)
        XCTAssertThrowsError(try AdminToken.read(in: folder), "a token readable by others is refused")
    }

    func testNodeConfigurationReadsAdminAllowRemote() throws {
        let base = """
            name = "Gemeente Vlissingen"
            role = "municipality"
            scope = ["GM0718"]
            listen = "127.0.0.1:8083"
            data = "demo-data/vlissingen"
            """
        XCTAssertFalse(try NodeConfiguration(toml: base).allowRemoteAdmin)
        XCTAssertTrue(try NodeConfiguration(toml: base + "\n[admin]\nallow_remote = true\n").allowRemoteAdmin)
        XCTAssertThrowsError(try NodeConfiguration(toml: base + "\n[admin]\nallow_remote = \"ja\"\n"))
        XCTAssertThrowsError(try NodeConfiguration(toml: base + "\n[admin]\nallow = true\n"))
    }
}
