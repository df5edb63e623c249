import MAEXCore

/// Draws a Social Handprint as an SVG bar chart: one bar per SDG in its official colour, with the
/// goal's number and Dutch short name, and a text alternative (`<title>`, `<desc>`, `role="img"`,
/// `aria-label`). No fonts, scripts or links to anything outside. Pure.
///
/// Bars are proportional to the public euro value when any value is public, else to the number
/// of contributions. A goal without contributions keeps a thin bar, so all 17 are always there.
enum HandprintChart {
    static let width = 600
    static let rowHeight = 28
    static let top = 8
    static let labelWidth = 236
    static let barMax = 220

    /// The SVG for `handprint`; `id` prefixes the element ids (unique per page) and `title`
    /// names the chart.
    static func svg(_ handprint: Handprint, id: String, title: String) -> String {
        let byValue = handprint.valueCents > 0
        let measures = handprint.goals.map { byValue ? Double($0.valueCents) : Double($0.contributions) }
        let largest = max(measures.max() ?? 0, 1)
        let height = top * 2 + rowHeight * 17
        let titleText = HTMLText.escape(title)
        let description = HTMLText.escape(Self.description(handprint))
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="handprint" viewBox="0 0 \(width) \(height)" width="100%" \
            role="img" aria-label="\(titleText)" aria-describedby="\(id)-desc">\
            <title id="\(id)-title">\(titleText)</title><desc id="\(id)-desc">\(description)</desc>
            """
        for (index, line) in handprint.goals.enumerated() {
            guard let sdg = SDG.number(line.goal) else { continue }
            let y = top + index * rowHeight
            let length = max(2, Int((measures[index] / largest * Double(barMax)).rounded()))
            let label = HTMLText.escape("\(sdg.number) \(sdg.shortName)")
            let value = HTMLText.escape(Self.valueLabel(line))
            svg += """
                <g class="goal" data-goal="\(sdg.number)"><text x="\(labelWidth - 6)" y="\(y + 19)" text-anchor="end" \
                font-family="sans-serif" font-size="15" fill="#1a1a1a">\(label)</text>\
                <rect class="bar" x="\(labelWidth)" y="\(y + 4)" width="\(length)" height="\(rowHeight - 8)" rx="3" \
                fill="\(sdg.colour)"><title>\(HTMLText.escape("SDG \(sdg.number) \(sdg.name): \(Self.valueLabel(line))"))</title></rect>\
                <text x="\(labelWidth + length + 6)" y="\(y + 19)" font-family="sans-serif" font-size="14" fill="#333">\(value)</text></g>

                """
        }
        return svg + "</svg>"
    }

    /// The label after a bar: the public value and the number of contributions.
    static func valueLabel(_ line: HandprintGoal) -> String {
        guard line.contributions > 0 else { return "–" }
        let count = PageFormat.count(line.contributions, "bijdrage", "bijdragen")
        return line.valueCents > 0 ? "\(PageFormat.euros(line.valueCents)) · \(count)" : count
    }

    /// A text alternative: every goal with contributions, with its count and public value.
    static func description(_ handprint: Handprint) -> String {
        let lines = handprint.goals.filter { $0.contributions > 0 }.compactMap { line -> String? in
            guard let sdg = SDG.number(line.goal) else { return nil }
            var text = "SDG \(sdg.number) \(sdg.name): \(PageFormat.count(line.contributions, "bijdrage", "bijdragen"))"
            if line.valueCents > 0 { text += ", \(PageFormat.euros(line.valueCents))" }
            if line.undisclosed > 0 { text += " (van \(line.undisclosed) is de waarde niet openbaar)" }
            return text
        }
        guard !lines.isEmpty else { return "Nog geen gerealiseerde bijdragen aan de SDG's." }
        return "Maatschappelijke handafdruk per SDG. " + lines.joined(separator: "; ") + "."
    }
}
