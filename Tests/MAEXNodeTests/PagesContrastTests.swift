import MAEXCore
import XCTest

@testable import MAEXNode

/// Text on the official SDG colours reaches WCAG 2.1 AA contrast (4.5:1) without changing the
/// colours.
final class PagesContrastTests: XCTestCase {
    func testContrastRatioMatchesTheWCAGFormula() throws {
        XCTAssertEqual(try XCTUnwrap(ContrastRatio.ratio("#000000", "#ffffff")), 21, accuracy: 0.001)
        XCTAssertEqual(try XCTUnwrap(ContrastRatio.ratio("#fff", "#FFFFFF")), 1, accuracy: 0.001)
        // WebAIM's checker: #777777 on white is 4.48:1, #767676 is 4.54:1.
        XCTAssertEqual(try XCTUnwrap(ContrastRatio.ratio("#777777", "#ffffff")), 4.48, accuracy: 0.01)
        XCTAssertEqual(try XCTUnwrap(ContrastRatio.ratio("#767676", "#ffffff")), 4.54, accuracy: 0.01)
        XCTAssertNil(ContrastRatio.ratio("red", "#ffffff"))
        XCTAssertNil(ContrastRatio.luminance("#12345"))
    }

    func testTextOnEverySDGColourReachesAAContrast() throws {
        for sdg in SDG.all {
            let text = PageFormat.textColour(on: sdg.colour)
            let ratio = try XCTUnwrap(ContrastRatio.ratio(text, sdg.colour), "SDG \(sdg.number)")
            XCTAssertGreaterThanOrEqual(ratio, ContrastRatio.normalText, "SDG \(sdg.number) \(sdg.colour) with \(text)")
        }
        // Light colours that white text failed on get dark text; dark ones keep white.
        XCTAssertEqual(PageFormat.textColour(on: "#4C9F38"), "#1a1a1a", "SDG 3: white would be 3.3:1")
        XCTAssertEqual(PageFormat.textColour(on: "#0A97D9"), "#1a1a1a", "SDG 14: white would be 3.3:1")
        XCTAssertEqual(PageFormat.textColour(on: "#E5243B"), "#fff", "SDG 1: white is 4.5:1")
        XCTAssertEqual(PageFormat.textColour(on: "#19486A"), "#fff", "SDG 17")
    }
}
