import Foundation
import MAEXCore
import MAEXStore
import MAEXTestSupport
import XCTest

/// `StoreBackup`: an online copy while a writer commits is one committed snapshot, labelled,
/// and unpacks into a store that verifies with the digest of that snapshot.
final class StoreBackupTests: XCTestCase {
    func testBackupsTakenWhileAWriterCommitsAreConsistentSnapshots() throws {
        let folder = try makeTemporaryDirectory(self)
        let store = try NodeStore(path: folder.appendingPathComponent("node.sqlite").path, realm: TestKeys.realm, logger: testLogger())
        var chain = ChainBuilder(TestKeys.key(1))
        let batches = (0..<24).map { batch in
            (0..<25).map { index in chain.next([.set(TestKeys.initiative(batch * 25 + index), "name", "Initiatief \(batch * 25 + index)")]) }
        }
        // The writer stops half-way until the first copy is taken, so that copy is mid-write.
        let half = DispatchSemaphore(value: 0)
        let resume = DispatchSemaphore(value: 0)
        let writer = Thread {
            for (index, batch) in batches.enumerated() {
                if index == batches.count / 2 {
                    half.signal()
                    resume.wait()
                }
                _ = try? store.receive(batch, nowMilliseconds: TestKeys.wall + 10_000_000)
            }
        }
        writer.start()
        half.wait()
        var counts: [Int] = []
        for copy in 0..<4 {
            let path = folder.appendingPathComponent("copy-\(copy).maexbak").path
            try StoreBackup.copy(store: store.path, to: path, label: ["copy": "\(copy)"])
            XCTAssertEqual(try StoreBackup.label(at: path), ["copy": "\(copy)"])
            let unpacked = folder.appendingPathComponent("restored-\(copy).sqlite").path
            try StoreBackup.unpack(backup: path, to: unpacked)
            let restored = try NodeStore(path: unpacked, realm: TestKeys.realm, logger: testLogger())
            XCTAssertEqual(try restored.verify(), [], "copy \(copy) verifies")
            let count = try restored.changeSetCount()
            XCTAssertEqual(count % 25, 0, "copy \(copy) holds whole committed batches, not \(count) change sets")
            XCTAssertEqual(try restored.vector()[chain.author]?.seq ?? 0, Int64(count), "a gapless chain")
            counts.append(count)
            if copy == 0 { resume.signal() }
        }
        while writer.isExecuting || !writer.isFinished { Thread.sleep(forTimeInterval: 0.01) }
        XCTAssertEqual(counts.first, 300, "the first copy holds exactly what was committed when it was taken")
        XCTAssertEqual(counts, counts.sorted(), "later copies hold at least as much: \(counts)")
        XCTAssertEqual(try store.changeSetCount(), 600, "copies held \(counts)")

        let last = folder.appendingPathComponent("final.maexbak").path
        try StoreBackup.copy(store: store.path, to: last, label: [:])
        XCTAssertFalse(FileManager.default.fileExists(atPath: last + "-wal"), "the copy is one file")
        try StoreBackup.unpack(backup: last, to: folder.appendingPathComponent("final.sqlite").path)
        let final = try NodeStore(path: folder.appendingPathComponent("final.sqlite").path, realm: TestKeys.realm, logger: testLogger())
        XCTAssertEqual(try final.digest(), try store.digest())
    }

    func testRefusesToOverwriteAndExplainsAFileThatIsNoBackup() throws {
        let folder = try makeTemporaryDirectory(self)
        let store = try makeTemporaryStore(self)
        let path = folder.appendingPathComponent("x.maexbak").path
        try StoreBackup.copy(store: store.path, to: path, label: [:])
        XCTAssertThrowsError(try StoreBackup.copy(store: store.path, to: path, label: [:])) { error in
            XCTAssertTrue("\(error)".contains("exists already"), "\(error)")
        }
        XCTAssertThrowsError(try StoreBackup.label(at: store.path)) { error in
            XCTAssertTrue("\(error)".contains("is not a backup made by `maex-node backup`"), "\(error)")
        }
        let text = folder.appendingPathComponent("text.maexbak")
        try Data(String(repeating: "no database here ", count: 20).utf8).write(to: text)
        XCTAssertThrowsError(try StoreBackup.label(at: text.path)) { error in
            XCTAssertTrue("\(error)".contains("not an SQLite database"), "\(error)")
        }
    }
}
