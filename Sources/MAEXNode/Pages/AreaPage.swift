import MAEXCore

/// `/gemeente/{code}`, `/provincie/{code}` and `/nederland`: an area's handprint, a table per
/// municipality (for more than one) and its initiatives, filtered. Pure.
enum AreaPage {
    /// The most initiative cards on one page of results.
    static let pageSize = 50

    /// The context; `found` are the ids the store's search found for `filter` (`nil`: no
    /// filter, every initiative).
    static func context(
        heading: String, path: String, municipalities: [Municipality], data: AreaData, filter: AreaFilter, found: Set<String>?
    ) -> [String: Any] {
        let (register, report, openNeeds, socialReturn, today) = (data.register, data.report, data.openNeeds, data.socialReturn, data.today)
        let matching = found == nil && !filter.isActive
            ? data.byName
            : data.byName.filter {
                (found?.contains($0.id) ?? true)
                    && filter.matches($0, openNeeds: openNeeds[$0.id] ?? [], hasSocialReturn: socialReturn.contains($0.id))
            }
        let pages = max(1, (matching.count + pageSize - 1) / pageSize)
        let page = min(filter.page, pages)
        let shown = matching.dropFirst((page - 1) * pageSize).prefix(pageSize)
        let query = filter.queryString
        func link(_ number: Int) -> String { "\(path)?\(query.isEmpty ? "" : query + "&")pagina=\(number)#initiatieven" }
        let themes = data.themes
        let total = register.initiatives.count
        return PageModels.context([
            "heading": heading, "path": path,
            "summary": "\(PageFormat.count(total, "initiatief", "initiatieven")), "
                + "\(PageFormat.count(report.national.contributions, "gerealiseerde bijdrage", "gerealiseerde bijdragen")), "
                + "openbare maatschappelijke waarde \(PageFormat.euros(report.national.valueCents)).",
            "chart": HandprintChart.svg(report.national, id: "hp-area", title: "Maatschappelijke handafdruk van \(heading) per SDG"),
            "hasTable": municipalities.count > 1,
            "rows": rows(municipalities, register: register, report: report, openNeeds: openNeeds),
            "q": filter.text ?? "",
            "sdgOptions": PageModels.options(SDG.all.map { ("\($0.number)", "\($0.number) \($0.shortName)") }, selected: filter.sdg.map(String.init)),
            "themeOptions": PageModels.options(themes.map { ($0, $0) }, selected: filter.theme),
            "phaseOptions": PageModels.options(
                InitiativePhase.allCases.map { ($0.rawValue, $0.label) }, selected: filter.phase),
            "needOptions": PageModels.options(RecordSchema.needKinds.map { ($0, PageFormat.needKind($0)) }, selected: filter.needKind),
            "socialReturn": filter.socialReturn, "filtered": filter.isActive,
            "resultText": filter.isActive
                ? "\(matching.count) van \(total) initiatieven voldoen aan de filters."
                : PageFormat.count(total, "initiatief", "initiatieven") + ".",
            "initiatives": shown.map {
                PageModels.card($0, openNeeds: openNeeds[$0.id] ?? [], socialReturn: socialReturn.contains($0.id), today: today)
            },
            "paged": pages > 1, "pageText": "Pagina \(page) van \(pages)",
            "previousLink": page > 1 ? link(page - 1) : nil, "nextLink": page < pages ? link(page + 1) : nil,
        ])
    }

    /// One table row per municipality: initiatives, contributions, public value, open needs.
    static func rows(
        _ municipalities: [Municipality], register: PageRegister, report: HandprintReport, openNeeds: [String: [Need]]
    ) -> [[String: Any]] {
        let byMunicipality = Dictionary(grouping: register.initiatives, by: \.municipality)
        return municipalities.map { municipality in
            let initiatives = byMunicipality[municipality.code] ?? []
            let handprint = report.municipality(municipality.code)
            return [
                "code": municipality.code, "name": municipality.name, "region": municipality.coropName,
                "initiatives": initiatives.count, "contributions": handprint.contributions,
                "value": PageFormat.euros(handprint.valueCents),
                "needs": initiatives.reduce(0) { $0 + (openNeeds[$1.id]?.count ?? 0) },
            ]
        }
    }
}
