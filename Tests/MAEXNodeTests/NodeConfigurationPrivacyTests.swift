import MAEXCore
import MAEXNode
import XCTest

/// The optional `[privacy]` table of a node's TOML file.
final class NodeConfigurationPrivacyTests: XCTestCase {
    private let base = """
        name = "Gemeente Vlissingen"
        role = "municipality"
        scope = ["GM0718"]
        listen = "127.0.0.1:8083"
        data = "data/vlissingen"

        """

    func testPrivacyTableIsParsed() throws {
        let configuration = try NodeConfiguration(toml: base + """
            [privacy]
            controller = "College van B&W van Vlissingen"
            contact_email = "privacy@vlissingen.nl"
            officer_email = "fg@vlissingen.nl"
            retention = "Na twee jaar zonder bevestiging verwijderen we het profiel."
            """)
        XCTAssertEqual(configuration.privacy.controller, "College van B&W van Vlissingen")
        XCTAssertEqual(configuration.privacy.contactEmail, "privacy@vlissingen.nl")
        XCTAssertEqual(configuration.privacy.officerEmail, "fg@vlissingen.nl")
        XCTAssertEqual(configuration.privacy.retention, "Na twee jaar zonder bevestiging verwijderen we het profiel.")
    }

    func testPrivacyTableIsOptionalAndEveryKeyInIt() throws {
        XCTAssertEqual(try NodeConfiguration(toml: base).privacy, .unset)
        let partial = try NodeConfiguration(toml: base + "[privacy]\ncontact_email = \"p@vlissingen.nl\"\n")
        XCTAssertEqual(partial.privacy.contactEmail, "p@vlissingen.nl")
        XCTAssertNil(partial.privacy.controller)
        XCTAssertNil(partial.privacy.officerEmail)
    }

    func testBadPrivacyValuesAreRefusedNamingTheKey() {
        let cases: [(String, NodeConfigurationError)] = [
            ("[privacy]\ncontroler = \"x\"\n", .unknownKey("privacy.controler")),
            ("[privacy]\ncontact_email = 3\n", .wrongType(key: "privacy.contact_email", expected: "a string")),
            ("privacy = \"x\"\n", .wrongType(key: "privacy", expected: "a table ([privacy])")),
            ("[privacy]\ncontact_email = \"privacy at vlissingen\"\n", .invalidValue(
                key: "privacy.contact_email", value: "privacy at vlissingen", reason: "expected an e-mail address such as privacy@gemeente.nl")),
            ("[privacy]\nofficer_email = \"fg@\"\n", .invalidValue(
                key: "privacy.officer_email", value: "fg@", reason: "expected an e-mail address such as privacy@gemeente.nl")),
            ("[privacy]\ncontroller = \"  \"\n", .invalidValue(key: "privacy.controller", value: "  ", reason: "expected 1 to 1000 characters")),
        ]
        for (table, expected) in cases {
            XCTAssertThrowsError(try NodeConfiguration(toml: base + table), table) { error in
                XCTAssertEqual(error as? NodeConfigurationError, expected, table)
            }
        }
    }
}
