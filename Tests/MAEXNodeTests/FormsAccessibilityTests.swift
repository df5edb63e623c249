import Foundation
import Hummingbird
import XCTest

@testable import MAEXNode

/// The forms' structure for assistive technology: every control has a label tied to it, hints
/// and errors are announced with their control, and the error summary links to real elements.
final class FormsAccessibilityTests: XCTestCase {
    func testEveryControlIsLabelledAndHintsAndErrorsAreTiedToIt() async throws {
        let node = try EditingTestNode()
        defer { node.remove() }
        let sent = try await node.postForm("/aanmelden", [
            ("name", ""), ("municipality", "GM0718"), ("website", "dekaai.nl"), ("sdgs", "15"),
        ])
        XCTAssertEqual(sent.status, .unprocessableContent)
        let html = sent.body
        XCTAssertTrue(html.contains(#"id="f-website" name="website" value="dekaai.nl" aria-invalid="true" aria-describedby="f-website-h f-website-e">"#), html)
        XCTAssertTrue(html.contains(#"<small class="hint" id="f-website-h">Begint met https://</small>"#))
        XCTAssertTrue(html.contains(#"<p class="error" id="f-website-e">"#))
        XCTAssertTrue(html.contains(#"id="f-name" name="name" value="" maxlength="200" required aria-invalid="true" aria-describedby="f-name-h f-name-e">"#), html)
        XCTAssertTrue(html.contains(#"<select id="f-municipality" name="municipality" required>"#), "a required select says so")
        XCTAssertTrue(html.contains(#"id="f-sdgs" role="group" aria-labelledby="f-sdgs-l""#))

        let ids = Set(Self.matches(#"\bid="([^"]+)""#, in: html))
        let labelled = Set(Self.matches(#"<label for="([^"]+)""#, in: html))
        // Controls (not hidden) either have a <label for> or sit inside a <label>.
        let controls = Self.matches(#"<(?:input|select|textarea)\b([^>]*)>"#, in: html).filter { !$0.contains(#"type="hidden""#) }
        XCTAssertGreaterThan(controls.count, 40, "the questionnaire's profile, SDGs and rows")
        for control in controls {
            guard let id = Self.matches(#"\bid="([^"]+)""#, in: control).first else {
                let name = Self.matches(#"name="([^"]+)""#, in: control).first ?? control
                XCTAssertTrue(html.contains("<label class=\"check\"><input" + control) || html.contains("<label class=\"sdg\"") && name == "sdgs",
                              "a control without id is wrapped in its label: \(name)")
                continue
            }
            let wrapped = html.contains("<label class=\"check\"><input type=\"checkbox\" id=\"\(id)\"")
            XCTAssertTrue(labelled.contains(id) || wrapped, "control \(id) has a label")
        }
        // Every aria reference and every summary link names an element of the page.
        for reference in Self.matches(#"aria-(?:describedby|labelledby)="([^"]+)""#, in: html).flatMap({ $0.split(separator: " ").map(String.init) }) {
            XCTAssertTrue(ids.contains(reference), "aria reference \(reference)")
        }
        let anchors = Self.matches(##"<li><a href="#([^"]+)">"##, in: html)
        XCTAssertFalse(anchors.isEmpty)
        for anchor in anchors { XCTAssertTrue(ids.contains(anchor), "summary link #\(anchor)") }
        XCTAssertEqual(ids.count, Self.matches(#"\bid="([^"]+)""#, in: html).count, "ids are unique")
    }

    /// The first capture group of every match of `pattern`.
    static func matches(_ pattern: String, in text: String) -> [String] {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return expression.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
