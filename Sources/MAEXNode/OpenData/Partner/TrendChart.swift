import MAEXCore

/// The trend of one goal as a small SVG bar chart: one bar per year in the SDG's colour,
/// proportional to the public value (or to the number of contributions when no value is
/// public), with the year under it and a text alternative (`role="img"`, `<title>`, `<desc>`).
/// Scales to the width of a phone; no scripts. Pure.
enum TrendChart {
    static let barWidth = 44
    static let gap = 16
    static let height = 150
    static let plot = 100

    static func svg(_ goal: PartnerReport.Goal, id: String) -> String {
        guard let sdg = SDG.number(goal.goal) else { return "" }
        let byValue = goal.years.contains { $0.valueCents > 0 }
        let measures = goal.years.map { byValue ? Double($0.valueCents) : Double($0.contributions) }
        let largest = max(measures.max() ?? 0, 1)
        let width = max(1, goal.years.count) * (barWidth + gap) + gap
        let title = HTMLText.escape("Trend per jaar voor SDG \(sdg.number) \(sdg.name)")
        let description = HTMLText.escape(Self.description(goal))
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="trend" viewBox="0 0 \(width) \(height)" width="\(width)" \
            style="max-width:100%;height:auto" role="img" aria-label="\(title)" aria-describedby="\(id)-desc">\
            <title>\(title)</title><desc id="\(id)-desc">\(description)</desc>
            """
        for (index, year) in goal.years.enumerated() {
            let x = gap + index * (barWidth + gap)
            let length = max(2, Int((measures[index] / largest * Double(plot)).rounded()))
            svg += """
                <rect x="\(x)" y="\(10 + plot - length)" width="\(barWidth)" height="\(length)" rx="3" fill="\(sdg.colour)">\
                <title>\(HTMLText.escape(Self.label(year)))</title></rect>\
                <text x="\(x + barWidth / 2)" y="\(10 + plot + 20)" text-anchor="middle" font-family="sans-serif" font-size="13" \
                fill="#1a1a1a">\(year.year)</text>

                """
        }
        return svg + "</svg>"
    }

    static func label(_ year: PartnerReport.Year) -> String {
        let count = PageFormat.count(year.contributions, "bijdrage", "bijdragen")
        return year.valueCents > 0 ? "\(year.year): \(PageFormat.euros(year.valueCents)), \(count)" : "\(year.year): \(count)"
    }

    static func description(_ goal: PartnerReport.Goal) -> String {
        guard !goal.years.isEmpty else { return "Nog geen gerealiseerde bijdragen." }
        return goal.years.map(label).joined(separator: "; ") + "."
    }
}
