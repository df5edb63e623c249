import MAEXCore

/// The Mustache context of `/partner/{slug}`. Pure.
enum PartnerPage {
    static let template = """
        <h1>Doelen van {{name}}</h1>
        <p>{{name}} werkt aan {{goalCount}} in {{areaText}}. Per doel: de initiatieven die eraan bijdragen, hun
        maatschappelijke handafdruk, vrijwilligers en bereikte mensen, en het verloop per jaar.</p>
        <div class="scroll" role="region" tabindex="0" aria-label="Samenvatting per doel"><table class="partner-goals"><caption>Samenvatting per doel</caption>
        <thead><tr><th scope="col">SDG</th><th scope="col" class="num">Initiatieven</th><th scope="col" class="num">Waarde</th>
        <th scope="col" class="num">Vrijwilligers</th><th scope="col" class="num">Bereikte mensen</th></tr></thead>
        <tbody>{{#goals}}<tr data-goal="{{number}}"><th scope="row">{{number}} {{name}}</th><td class="num" data-initiatives="{{initiativeCount}}">{{initiativeCount}}</td>
        <td class="num" data-value-cents="{{valueCents}}">{{valueText}}</td><td class="num" data-volunteers="{{volunteers}}">{{volunteers}}</td>
        <td class="num" data-people-reached="{{peopleReached}}">{{peopleReached}}</td></tr>
        {{/goals}}</tbody></table></div>
        {{#goals}}<section class="goal" aria-labelledby="doel-{{number}}">
        <h2 id="doel-{{number}}"><span class="tile" style="background:{{colour}};color:{{textColour}}">{{number}}</span> {{name}}</h2>
        <p>{{valueText}} · {{contributionText}}{{#undisclosed}} (van {{undisclosed}} is de waarde niet openbaar){{/undisclosed}} ·
        {{volunteers}} vrijwilligers · {{peopleReached}} bereikte mensen</p>
        {{#hasYears}}<div class="trend-chart" style="background:#fff;border:1px solid #dde;border-radius:8px;padding:.5rem">{{{chart}}}</div>
        <div class="scroll" role="region" tabindex="0" aria-label="Verloop per jaar van {{name}}"><table><caption>Verloop per jaar</caption><thead><tr><th scope="col">Jaar</th><th scope="col" class="num">Waarde</th>
        <th scope="col" class="num">Bijdragen</th></tr></thead><tbody>{{#years}}<tr><td>{{year}}</td><td class="num">{{valueText}}</td>
        <td class="num">{{contributions}}</td></tr>{{/years}}</tbody></table></div>{{/hasYears}}
        {{^hasYears}}<p class="muted">Nog geen gerealiseerde bijdragen aan dit doel.</p>{{/hasYears}}
        {{#hasInitiatives}}<ul>{{#initiatives}}<li><a href="/initiatief/{{id}}">{{name}}</a></li>{{/initiatives}}</ul>{{/hasInitiatives}}
        {{^hasInitiatives}}<p class="muted">Nog geen initiatieven in dit gebied die aan dit doel werken.</p>{{/hasInitiatives}}
        </section>
        {{/goals}}
        <p class="muted" style="overflow-wrap:anywhere">Bedragen tellen alleen mee van initiatieven die toestemming gaven voor publicatie. {{licence}}</p>
        """

    static func context(_ report: PartnerReport, licence: String) -> [String: Any] {
        let areaText = report.partner.area.map { code -> String in
            if code == "NL" { return "Nederland" }
            if let province = Municipalities.provinces[code] { return "provincie \(province)" }
            return "gemeente \(Municipalities.name(of: code))"
        }.joined(separator: ", ")
        return [
            "name": report.partner.name, "areaText": areaText, "licence": licence,
            "goalCount": PageFormat.count(report.goals.count, "doel", "doelen"),
            "goals": report.goals.compactMap { goal(_: $0) },
        ]
    }

    private static func goal(_ goal: PartnerReport.Goal) -> [String: Any]? {
        guard let sdg = SDG.number(goal.goal) else { return nil }
        return [
            "number": sdg.number, "name": sdg.name, "colour": sdg.colour, "textColour": PageFormat.textColour(on: sdg.colour),
            "initiativeCount": goal.initiatives.count, "valueCents": String(goal.valueCents), "valueText": PageFormat.euros(goal.valueCents),
            "contributionText": PageFormat.count(goal.contributions, "bijdrage", "bijdragen"),
            "undisclosed": goal.undisclosed > 0 ? goal.undisclosed : false,
            "volunteers": String(goal.volunteers), "peopleReached": String(goal.peopleReached),
            "hasYears": !goal.years.isEmpty, "chart": TrendChart.svg(goal, id: "trend-\(sdg.number)"),
            "years": goal.years.map { ["year": String($0.year), "valueText": PageFormat.euros($0.valueCents), "contributions": $0.contributions] },
            "hasInitiatives": !goal.initiatives.isEmpty, "initiatives": goal.initiatives.map { ["id": $0.id, "name": $0.name] },
        ]
    }
}
