import Foundation
import XCTest

/// The short version of `make soak`'s crash part: `scripts/soak_crash.py` kills a serving
/// node with SIGKILL at random moments while another node pushes to it with `maex-node sync`;
/// after every kill each acknowledged change set is in the log exactly once and
/// `integrity_check` and `maex-node verify` pass.
final class NetworkCrashSoakTests: XCTestCase {
    func testEightKillsLoseNothingAndApplyNothingTwice() throws {
        let run = try SoakScript.run("soak_crash.py", ["--kills", "8", "--seed", "20261204"])
        let table = run.table
        XCTAssertEqual(run.status, 0, table + run.problems)
        let figure = run.figure
        XCTAssertEqual(figure("kills (SIGKILL of the serving node)"), 8, table)
        XCTAssertGreaterThan(figure("acknowledged change sets") ?? 0, 0, table)
        XCTAssertEqual(figure("acknowledged but lost"), 0, table)
        XCTAssertEqual(figure("applied twice or log gaps"), 0, table)
        XCTAssertEqual(figure("integrity_check failures"), 0, table)
        XCTAssertEqual(figure("maex-node verify failures"), 0, table)
    }
}
