import Foundation
import MAEXCore

/// The contexts of the MAEX Impuls pages, from the records held. Pure.
enum ImpulsPage {
    /// The fund overview: every fund with its range and budget left.
    static func overview(_ held: ImpulsRecords) -> [String: Any] {
        let funds: [[String: Any]] = held.fundCodes.compactMap { code in
            guard let fund = held.fund(code) else { return nil }
            let ledger = held.ledger(of: code)
            var entry: [String: Any] = [
                "code": code, "name": fund.terms.name, "left": PageFormat.euros(ledger.leftCents),
                "budget": PageFormat.euros(ledger.budgetCents),
                "range": "\(PageFormat.euros(fund.terms.amountMinCents)) tot \(PageFormat.euros(fund.terms.amountMaxCents))",
            ]
            if let purpose = fund.terms.purpose { entry["purpose"] = purpose }
            return entry
        }
        return ["funds": funds]
    }

    /// A fund's page; `initiatives` are the live initiative records by id (names and SDGs).
    static func fund(_ code: String, _ held: ImpulsRecords, initiatives: [String: RecordState]) -> [String: Any]? {
        guard let fund = held.fund(code) else { return nil }
        let ledger = held.ledger(of: code)
        let applications = held.applications(to: code)
        let lead = LeadTimes(applications: applications.map { ($0.id, $0.submitted) }, ledger: ledger)
        let reported = held.reportedApplications
        var grantedSDGs = Set<Int>()
        let rows: [[String: Any]] = applications.map { entry in
            let decision = ledger.standingDecision(of: entry.id)
            let record = initiatives[entry.initiative]
            if decision?.isGrant == true { grantedSDGs.formUnion(record?.value(of: "sdgs")?.arrayValue?.compactMap(\.intValue).map { Int($0) } ?? []) }
            var row: [String: Any] = [
                "initiative": entry.initiative, "initiativeName": record?.value(of: "name")?.stringValue ?? "Onbekend initiatief",
                "submitted": PageFormat.date(entry.submitted), "amount": PageFormat.euros(entry.amountCents),
                "status": outcomeLabel(decision?.outcome),
                "paid": PageFormat.euros(ledger.validPayments(of: entry.id).reduce(0) { $0 + $1.amountCents }),
                "reported": reported.contains(entry.id) ? "ja" : "nee",
            ]
            if let reason = decision?.reason { row["reason"] = reason }
            return row
        }
        let sdgs: [[String: Any]] = grantedSDGs.sorted().compactMap { number in
            guard let sdg = SDG.number(number) else { return nil }
            return ["number": number, "name": sdg.name, "colour": sdg.colour, "textColour": PageFormat.textColour(on: sdg.colour)]
        }
        var context: [String: Any] = [
            "name": fund.terms.name, "budget": PageFormat.euros(ledger.budgetCents),
            "granted": PageFormat.euros(ledger.grantedCents), "paid": PageFormat.euros(ledger.paidCents), "left": PageFormat.euros(ledger.leftCents),
            "criteria": criteria(fund.terms),
            "pledges": held.pledges(of: code).map { ["funder": $0.funder, "kind": $0.kind, "amount": PageFormat.euros($0.amountCents)] },
            "leadDecision": days(lead.medianToDecision), "leadPayment": days(lead.medianToPayment),
            "applications": rows, "sdgs": sdgs, "hasSDGs": !sdgs.isEmpty,
        ]
        if let purpose = fund.terms.purpose { context["purpose"] = purpose }
        if let target = fund.terms.decisionDays { context["target"] = String(target) }
        return context
    }

    /// The fund's criteria as Dutch sentences.
    static func criteria(_ terms: FundTerms) -> [String] {
        var lines = ["\(PageFormat.euros(terms.amountMinCents)) tot \(PageFormat.euros(terms.amountMaxCents)) per aanvraag"]
        if !terms.areas.isEmpty {
            lines.append("Werkgebied: " + terms.areas.map { Municipalities.provinces[$0] ?? Municipalities.name(of: $0) }.joined(separator: ", "))
        }
        if !terms.sdgs.isEmpty { lines.append("Werkt aan SDG " + terms.sdgs.map(String.init).joined(separator: ", ")) }
        if !terms.themes.isEmpty { lines.append("Thema's: " + terms.themes.joined(separator: ", ")) }
        if let phase = terms.minPhase { lines.append("Minstens fase \(PageFormat.phase(phase) ?? phase)") }
        if terms.completeProfile { lines.append("Een volledig profiel") }
        if terms.grantIntervalMonths > 0 { lines.append("Geen toekenning van dit fonds in de afgelopen \(terms.grantIntervalMonths) maanden") }
        if terms.requireAccounted { lines.append("Eerdere toekenningen verantwoord") }
        if let opens = terms.opens { lines.append("Open vanaf \(PageFormat.date(opens))") }
        if let closes = terms.closes { lines.append("Open tot en met \(PageFormat.date(closes))") }
        if let rule = terms.accountability { lines.append("Verantwoording: \(rule)") }
        return lines
    }

    static func outcomeLabel(_ outcome: String?) -> String {
        switch outcome {
        case "toegekend": "Toegekend"
        case "afgewezen": "Afgewezen"
        case "meer-info": "Meer informatie gevraagd"
        default: "In behandeling"
        }
    }

    private static func days(_ median: Double?) -> String {
        guard let median else { return "nog niet bekend" }
        let text = median == median.rounded() ? String(Int(median)) : String(median).replacingOccurrences(of: ".", with: ",")
        return "mediaan \(text) \(median == 1 ? "dag" : "dagen")"
    }
}

extension ImpulsPage {
    /// The Impuls part of initiative `id`'s profile (`impulsProfile`).
    static func profile(_ id: String, _ held: ImpulsRecords) -> [String: Any] {
        var applications: [[String: Any]] = []
        for code in held.fundCodes {
            let ledger = held.ledger(of: code)
            let name = held.fund(code)?.terms.name ?? code
            for entry in held.applications(to: code) where entry.initiative == id {
                let decision = ledger.standingDecision(of: entry.id)
                var row: [String: Any] = ["code": code, "fund": name, "amount": PageFormat.euros(entry.amountCents), "status": outcomeLabel(decision?.outcome)]
                if let reason = decision?.reason { row["reason"] = reason }
                applications.append(row)
            }
        }
        let kinds = ["donatie": "Donatie", "partnerschap": "Partnerschap", "kennis": "Kennis", "media": "Media-aandacht"]
        let support: [[String: Any]] = held.records(RecordSchema.support.type).filter { $0.state.value(of: "initiative")?.stringValue == id }.map { entry in
            let kind = entry.state.value(of: "kind")?.stringValue ?? ""
            var row: [String: Any] = ["partner": entry.state.value(of: "partner")?.stringValue ?? "", "kind": kinds[kind] ?? kind]
            if let cents = entry.state.value(of: "amount_cents")?.intValue, cents > 0 { row["amount"] = PageFormat.euros(cents) }
            if let text = entry.state.value(of: "description")?.stringValue, !text.isEmpty { row["description"] = text }
            return row
        }
        return ["impulsApplications": applications, "hasImpuls": !applications.isEmpty, "support": support, "hasSupport": !support.isEmpty]
    }
}
