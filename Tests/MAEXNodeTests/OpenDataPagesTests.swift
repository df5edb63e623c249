import Foundation
import Hummingbird
import HummingbirdTesting
import MAEXCore
import XCTest

@testable import MAEXNode

/// The `/open-data` page, the CSV downloads and the Atom feeds per area.
final class OpenDataPagesTests: XCTestCase {
    /// Parses an Atom document with Python's XML parser and prints what a reader needs:
    /// the feed's id, title, updated, self link, and per entry id, title, updated, link.
    private static let readAtom = """
        import json, sys, datetime
        import xml.etree.ElementTree as ET
        A = "{http://www.w3.org/2005/Atom}"
        root = ET.fromstring(sys.stdin.buffer.read() if len(sys.argv) < 2 else open(sys.argv[1], "rb").read())
        assert root.tag == A + "feed", root.tag
        def when(text):
            return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
        def req(node, name, leaf=True):
            found = node.find(A + name)
            assert found is not None, "missing " + name
            assert not leaf or (found.text or found.get("href")), "empty " + name
            return found
        feed = {"id": req(root, "id").text, "title": req(root, "title").text, "updated": when(req(root, "updated").text),
                "selfLinks": [l.get("href") for l in root.findall(A + "link") if l.get("rel") == "self"],
                "author": req(req(root, "author", leaf=False), "name").text, "entries": []}
        for entry in root.findall(A + "entry"):
            feed["entries"].append({"id": req(entry, "id").text, "title": req(entry, "title").text,
                "updated": when(req(entry, "updated").text), "link": req(entry, "link").get("href"),
                "categories": [c.get("term") for c in entry.findall(A + "category")]})
        print(json.dumps(feed))
        """

    private struct Feed: Decodable {
        struct Entry: Decodable {
            let id: String
            let title: String
            let updated: String
            let link: String
            let categories: [String]
        }
        let id: String
        let title: String
        let updated: String
        let selfLinks: [String]
        let author: String
        let entries: [Entry]
    }

    private func feed(_ seeded: OpenDataTestNode, _ path: String) async throws -> Feed {
        let (status, body) = try await seeded.get(path)
        XCTAssertEqual(status, .ok, path)
        let file = seeded.node.folder.appendingPathComponent("feed-\(UUID().uuidString).atom")
        try Data(body.utf8).write(to: file)
        return try JSONDecoder().decode(Feed.self, from: Data(runPython(Self.readAtom, [file.path]).utf8))
    }

    func testMunicipalityFeedParsesAsAtomNewestFirst() async throws {
        let seeded = try OpenDataTestNode()
        defer { seeded.remove() }
        let vlissingen = try await feed(seeded, "/feed/gemeente/GM0718.atom")
        XCTAssertEqual(vlissingen.title, "Initiatieven in Gemeente Vlissingen")
        XCTAssertEqual(vlissingen.author, "Provincie Zeeland")
        XCTAssertEqual(Set(vlissingen.entries.map(\.title)), ["Repair Café Vlissingen", "Voedselbank Walcheren"])
        XCTAssertEqual(vlissingen.entries.map(\.id).sorted(), [seeded.ids["repair"], seeded.ids["food"]].compactMap { $0.map { "urn:uuid:\($0)" } }.sorted())
        XCTAssertTrue(vlissingen.selfLinks.first?.hasSuffix("/feed/gemeente/GM0718.atom") ?? false)
        XCTAssertTrue(vlissingen.entries.allSatisfy { $0.link.hasSuffix("/initiatief/" + $0.id.dropFirst("urn:uuid:".count)) })
        XCTAssertEqual(vlissingen.entries.first { $0.title.hasPrefix("Repair") }?.categories, ["SDG11", "SDG12"])
        let zeeland = try await feed(seeded, "/feed/provincie/PV29.atom")
        XCTAssertEqual(zeeland.entries.first?.title, "Zonnecoöperatie Middelburg", "the most recently changed first")
        XCTAssertEqual(zeeland.entries.first?.updated, "2026-03-01T00:00:00+00:00")
        XCTAssertEqual(zeeland.updated, "2026-03-01T00:00:00+00:00")
        XCTAssertEqual(zeeland.entries.count, 3)
        let national = try await feed(seeded, "/feed/nederland.atom")
        XCTAssertEqual(national.entries.count, 3)
        let empty = try await feed(seeded, "/feed/gemeente/GM0716.atom")
        XCTAssertEqual(empty.entries.count, 0)
        for path in ["/feed/gemeente/GM0718.rss", "/feed/gemeente/XX.atom", "/feed/provincie/PV99.atom"] {
            let (status, _) = try await seeded.get(path)
            XCTAssertEqual(status, .notFound, path)
        }
    }

    func testAreaPagesLinkTheirFeedAndTheDownloads() async throws {
        let seeded = try OpenDataTestNode()
        defer { seeded.remove() }
        for (page, feed) in [("/gemeente/GM0718", "/feed/gemeente/GM0718.atom"), ("/provincie/PV29", "/feed/provincie/PV29.atom"), ("/nederland", "/feed/nederland.atom")] {
            let (status, html) = try await seeded.get(page)
            XCTAssertEqual(status, .ok, page)
            XCTAssertTrue(html.contains("href=\"\(feed)\""), page)
            XCTAssertTrue(html.contains("href=\"/open-data\""), page)
            let (feedStatus, _) = try await seeded.get(feed)
            XCTAssertEqual(feedStatus, .ok, feed)
        }
    }

    func testFeedEscapesText() {
        XCTAssertEqual(AtomFeed.escape("a<b>&\"c\"'\u{1}"), "a&lt;b&gt;&amp;&quot;c&quot;&apos;")
    }

    func testOpenDataPageListsDownloadsWithTheLicenceAndTheDownloadsServeCSV() async throws {
        let seeded = try OpenDataTestNode()
        defer { seeded.remove() }
        let (status, html) = try await seeded.get("/open-data")
        XCTAssertEqual(status, .ok)
        XCTAssertTrue(html.contains("<html lang=\"nl\">"))
        XCTAssertTrue(html.contains("Licentie: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/deed.nl). Bron: Provincie Zeeland, via MAEX."))
        for name in OpenDataController.downloads.map(\.name) {
            XCTAssertTrue(html.contains("href=\"/open-data/\(name)\""), name)
            let (fileStatus, body) = try await seeded.get("/open-data/\(name)")
            XCTAssertEqual(fileStatus, .ok, name)
            let register = try OpenDataRegister.load(from: seeded.node.store)
            XCTAssertEqual(body, OpenDataTables.all(register).first { $0.name == name }?.table.text, name)
        }
        for feed in ["/feed/nederland.atom", "/feed/provincie/PV29.atom", "/feed/gemeente/GM0718.atom", "/feed/gemeente/GM0687.atom"] {
            XCTAssertTrue(html.contains("href=\"\(feed)\""), feed)
        }
        XCTAssertTrue(html.contains("href=\"/hsds/services\""))
        let (missing, _) = try await seeded.get("/open-data/secrets.csv")
        XCTAssertEqual(missing, .notFound)
        let home = try await seeded.get("/")
        XCTAssertTrue(home.body.contains("href=\"/open-data\""), "every page links to the open data")
    }

    func testConfiguredLicenceIsShown() async throws {
        let seeded = try OpenDataTestNode()
        defer { seeded.remove() }
        var configuration = ServerTestNode.configuration()
        configuration.openDataLicence = OpenDataLicence(name: "CC0 1.0", url: "https://creativecommons.org/publicdomain/zero/1.0/")
        let html = try await seeded.node.app(configuration).test(.router) { client in
            try await client.execute(uri: "/open-data", method: .get) { String(buffer: $0.body) }
        }
        XCTAssertTrue(html.contains("Licentie: CC0 1.0 (https://creativecommons.org/publicdomain/zero/1.0/)"), html)
        let plain = """
            name = "Gemeente Vlissingen"
            role = "municipality"
            scope = ["GM0718"]
            listen = "127.0.0.1:8080"
            data = "./vlissingen"
            """
        let toml = plain + """

            [open_data]
            licence = "CC0 1.0"
            licence_url = "https://creativecommons.org/publicdomain/zero/1.0/"
            """
        XCTAssertEqual(try NodeConfiguration(toml: toml).openDataLicence.name, "CC0 1.0")
        XCTAssertEqual(try NodeConfiguration(toml: plain).openDataLicence, .ccBy40)
        XCTAssertThrowsError(try NodeConfiguration(toml: toml.replacingOccurrences(of: "https://creativecommons.org/publicdomain/zero/1.0/", with: "cc0")))
        XCTAssertThrowsError(try NodeConfiguration(toml: toml + "\nlicense = \"x\""))
    }
}
