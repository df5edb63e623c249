import MAEXCore

/// `/initiatief/{id}`: an initiative's profile. Pure.
enum InitiativePage {
    static func context(_ profile: InitiativeProfile, register: PageRegister, today: String) -> [String: Any] {
        let handprint = register.handprint.initiative(profile.id)
        let consent = profile.publicationConsent
        let facts: [(String, String?)] = [
            ("Fase", PageFormat.phase(profile.phase)), ("Status", profile.status.map { InitiativeStatus(rawValue: $0)?.label ?? $0 }),
            ("Rechtsvorm", profile.legalForm), ("Opgericht", profile.yearFounded.map { "\($0)" }),
            ("Thema's", profile.themes.isEmpty ? nil : profile.themes.joined(separator: ", ")),
            ("Vrijwilligers", profile.volunteers.map { "\($0)" }), ("Bereikte mensen", profile.peopleReached.map { "\($0)" }),
        ]
        let contributions = register.contributions
            .sorted { ($0.goal, $0.year, $0.id) < ($1.goal, $1.year, $1.id) }
        return PageModels.context([
            "id": profile.id, "name": profile.name, "alternateName": profile.alternateName, "description": profile.description,
            "municipality": profile.municipality, "municipalityName": Municipalities.name(of: profile.municipality),
            "stale": profile.isStale(on: today),
            "facts": facts.compactMap { label, value in value.map { ["label": label, "value": $0] } },
            "sdgs": profile.sdgs.compactMap(PageModels.tile),
            "chart": HandprintChart.svg(handprint, id: "hp-initiative", title: "Maatschappelijke handafdruk van \(profile.name) per SDG"),
            "consent": consent, "hasContributions": !contributions.isEmpty,
            "contributions": contributions.map { line in
                PageModels.context([
                    "goal": "SDG \(line.goal)", "target": line.target, "indicator": line.indicator, "quantity": "\(line.quantity)",
                    "unit": line.unit, "year": "\(line.year)", "kind": line.kind == .realised ? "Gerealiseerd" : "Prognose",
                    "value": consent ? PageFormat.euros(line.valueCents) : nil,
                ])
            },
            "needs": register.needs.sorted { ($0.status, $0.id) < ($1.status, $1.id) }.map(need),
            "offers": register.offers.sorted { ($0.name, $0.id) < ($1.name, $1.id) }.map(offer),
            "partners": register.partners.sorted { ($0.organisation, $0.id) < ($1.organisation, $1.id) }.map(partner),
            "website": profile.website, "email": profile.email, "address": profile.address,
            "lastVerified": profile.lastVerified.map(PageFormat.date) ?? "nooit",
        ])
    }

    static func need(_ need: Need) -> [String: Any] {
        let details = [
            need.amountCents.map(PageFormat.euros), need.hours.map { "\($0) uur" },
            need.skills.isEmpty ? nil : "vaardigheden: " + need.skills.joined(separator: ", "),
            need.expires.map { "tot \(PageFormat.date($0))" },
        ].compactMap { $0 }
        return PageModels.context([
            "kind": PageFormat.needKind(need.kind), "status": PageFormat.needStatus(need.status), "description": need.description,
            "details": details.isEmpty ? nil : details.joined(separator: " · "),
        ])
    }

    static func offer(_ offer: Offer) -> [String: Any] {
        let details = [
            offer.price.map { "Prijs: \($0)" }, offer.targetGroup.map { "Doelgroep: \($0)" },
            offer.area.isEmpty ? nil : "Gebied: " + offer.area.map(Municipalities.name(of:)).joined(separator: ", "),
            offer.contact.map { "Contact: \($0)" },
        ].compactMap { $0 }
        return PageModels.context([
            "name": offer.name, "kind": PageFormat.offerKind(offer.kind), "socialReturn": offer.socialReturn,
            "description": offer.description, "details": details.isEmpty ? nil : details.joined(separator: " · "),
        ])
    }

    static func partner(_ partner: PartnerRelation) -> [String: Any] {
        let period: String? = switch (partner.from, partner.to) {
        case (nil, nil): nil
        case (let from?, nil): "sinds \(PageFormat.date(from))"
        case (nil, let to?): "tot \(PageFormat.date(to))"
        case (let from?, let to?): "\(PageFormat.date(from)) tot \(PageFormat.date(to))"
        }
        return PageModels.context(["organisation": partner.organisation, "role": PageFormat.role(partner.role), "period": period])
    }
}
