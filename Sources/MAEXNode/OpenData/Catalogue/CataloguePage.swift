import MAEXCore

/// The social-return catalogue `/aanbod`: what initiatives offer, searchable. Pure.
enum CataloguePage {
    static let template = """
        <h1>Aanbod van initiatieven</h1>
        <p>Producten en diensten die maatschappelijke initiatieven leveren. Aanbod met het label <strong>social return</strong>
        telt mee voor social return bij inkoop door gemeenten en bedrijven.</p>
        <form class="filters" method="get" action="/aanbod">
        <label>Zoeken<input type="search" name="zoek" value="{{text}}" maxlength="100"></label>
        <label>Soort<select name="soort"><option value="">Alles</option>{{#kinds}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/kinds}}</select></label>
        <label>Gebied<input name="gebied" value="{{area}}" maxlength="6" placeholder="GM0718 of PV29"></label>
        <label class="check"><input type="checkbox" name="social_return" value="1"{{#socialReturnOnly}} checked{{/socialReturnOnly}}>Alleen social return</label>
        <button type="submit">Zoeken</button>
        </form>
        <p class="muted" role="status">{{resultText}}</p>
        <ul class="cards">{{#offers}}<li class="card" data-offer="{{id}}"><span class="name">{{name}}</span>
        <span class="muted">{{kind}} · <a href="/initiatief/{{initiativeID}}">{{initiativeName}}</a> · {{areaText}}</span>
        {{#socialReturn}}<span class="flag">Social return</span>{{/socialReturn}}
        {{#description}}<p>{{description}}</p>{{/description}}
        <dl class="facts">{{#price}}<dt>Prijs</dt><dd>{{price}}</dd>{{/price}}{{#targetGroup}}<dt>Doelgroep</dt><dd>{{targetGroup}}</dd>{{/targetGroup}}
        {{#contact}}<dt>Contact</dt><dd>{{contact}}</dd>{{/contact}}</dl></li>
        {{/offers}}</ul>
        <p class="muted" style="overflow-wrap:anywhere">Ook als <a href="/open-data/offers.csv">CSV</a> en via de <a href="/hsds/services?taxonomy_term_id=social-return">HSDS-API</a>. {{licence}}</p>
        """

    static func context(_ query: CatalogueQuery, register: OpenDataRegister, licence: String) -> [String: Any] {
        let found = query.filter(register)
        return [
            "text": query.text, "area": query.area ?? "", "socialReturnOnly": query.socialReturnOnly, "licence": licence,
            "kinds": RecordSchema.offerKinds.map { ["value": $0, "label": PageFormat.offerKind($0), "selected": $0 == query.kind] },
            "resultText": PageFormat.count(found.count, "aanbod gevonden", "aanbiedingen gevonden"),
            "offers": found.map { offer, profile -> [String: Any] in
                let codes = offer.area.isEmpty ? [profile.municipality] : offer.area
                return [
                    "id": offer.id, "name": offer.name, "kind": PageFormat.offerKind(offer.kind), "initiativeID": profile.id,
                    "initiativeName": profile.name, "socialReturn": offer.socialReturn, "description": offer.description ?? false,
                    "price": offer.price ?? false, "targetGroup": offer.targetGroup ?? false, "contact": offer.contact ?? false,
                    "areaText": codes.map { Municipalities.named($0)?.name ?? Municipalities.provinces[$0] ?? $0 }.joined(separator: ", "),
                ]
            },
        ]
    }
}
