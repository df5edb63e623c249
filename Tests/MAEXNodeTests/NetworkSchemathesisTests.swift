import Foundation
import XCTest

/// The short version of `make soak`'s hostile-client part: `scripts/soak_schemathesis.py` runs
/// schemathesis (installed by `make deps`) against a served node's `/openapi.json` with a few
/// examples per operation; every operation is tested and no answer is a server error.
final class NetworkSchemathesisTests: XCTestCase {
    func testFewExamplesPerOperationFindNoServerError() throws {
        let run = try SoakScript.run("soak_schemathesis.py", ["--examples", "3", "--workers", "1"])
        let table = run.table
        let problems = run.problems
        XCTAssertEqual(run.status, 0, table + problems)
        let figure = run.figure
        let operations = try XCTUnwrap(figure("operations in the document"), table + problems)
        XCTAssertGreaterThan(operations, 20, table)
        XCTAssertEqual(figure("operations tested"), operations, "every operation is tested:\n\(table)")
        XCTAssertTrue(table.contains("| failed (server errors) | 0 |"), table)
        XCTAssertTrue(table.contains("| node still running | yes |"), table)
    }
}
