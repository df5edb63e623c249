import Foundation
import Logging
import MAEXStore
import XCTest

/// A logger that drops everything (set `MAEX_TEST_LOG=1` to see the store's logs).
func testLogger() -> Logger {
    if ProcessInfo.processInfo.environment["MAEX_TEST_LOG"] == "1" {
        var logger = Logger(label: "maex.store.test")
        logger.logLevel = .trace
        return logger
    }
    return Logger(label: "maex.store.test", factory: { _ in SwiftLogNoOpLogHandler() })
}

/// A fresh directory under the system's temporary directory, removed when the test ends.
func makeTemporaryDirectory(_ test: XCTestCase) throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("maex-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
    return directory
}

/// A fresh store in its own temporary directory, removed when the test ends.
func makeTemporaryStore(
    _ test: XCTestCase, realm: String = TestKeys.realm, authority: StoreAuthority = .unrestricted
) throws -> NodeStore {
    let directory = try makeTemporaryDirectory(test)
    return try NodeStore(
        path: directory.appendingPathComponent("node.sqlite").path, realm: realm, authority: authority, logger: testLogger())
}
