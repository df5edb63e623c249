/// The Mustache templates of the MAEX Impuls pages (Dutch, no JavaScript). `{{x}}` is escaped.
enum ImpulsTemplates {
    static let overview = """
        <h1>MAEX Impuls</h1>
        <p class="muted">Kleine, snelle bijdragen die de organisatie van een initiatief versterken.</p>
        <ul class="cards">{{#funds}}<li class="card"><a class="name" href="/impuls/{{code}}">{{name}}</a>
        <span class="muted">{{range}} per aanvraag · nog {{left}} van {{budget}} beschikbaar</span>
        {{#purpose}}<p>{{purpose}}</p>{{/purpose}}</li>{{/funds}}</ul>{{^funds}}<p>Dit knooppunt kent nog geen fondsen.</p>{{/funds}}
        """

    static let fund = """
        <h1>{{name}}</h1>
        {{#purpose}}<p>{{purpose}}</p>{{/purpose}}
        <section class="stats" aria-label="Budget">
        <div><strong>{{budget}}</strong>budget</div>
        <div><strong>{{granted}}</strong>toegekend</div>
        <div><strong>{{paid}}</strong>uitbetaald</div>
        <div><strong>{{left}}</strong>nog beschikbaar</div>
        </section>
        <h2>Voorwaarden</h2>
        <ul>{{#criteria}}<li>{{.}}</li>{{/criteria}}</ul>
        <h2>Financiers</h2>
        <div class="scroll" role="region" tabindex="0" aria-label="Financiers"><table><thead><tr><th scope="col">Financier</th><th scope="col">Soort</th><th scope="col" class="num">Bedrag</th></tr></thead>
        <tbody>{{#pledges}}<tr><td>{{funder}}</td><td>{{kind}}</td><td class="num">{{amount}}</td></tr>{{/pledges}}</tbody></table></div>
        <h2>Doorlooptijd</h2>
        <p>Van aanvraag tot besluit: {{leadDecision}}. Van aanvraag tot uitbetaling: {{leadPayment}}.{{#target}} Streefdoel: besluit binnen {{target}} dagen.{{/target}}</p>
        <h2>Aanvragen</h2>
        <div class="scroll" role="region" tabindex="0" aria-label="Aanvragen en besluiten"><table><thead><tr><th scope="col">Initiatief</th><th scope="col">Ingediend</th><th scope="col" class="num">Gevraagd</th>
        <th scope="col">Besluit</th><th scope="col" class="num">Uitbetaald</th><th scope="col">Verantwoord</th></tr></thead>
        <tbody>{{#applications}}<tr><td><a href="/initiatief/{{initiative}}">{{initiativeName}}</a></td><td>{{submitted}}</td><td class="num">{{amount}}</td>
        <td>{{status}}{{#reason}} ({{reason}}){{/reason}}</td><td class="num">{{paid}}</td><td>{{reported}}</td></tr>{{/applications}}</tbody></table></div>
        {{^applications}}<p>Nog geen aanvragen.</p>{{/applications}}
        {{#hasSDGs}}<h2>SDG's van de gesteunde initiatieven</h2>
        <div class="tiles">{{#sdgs}}<span class="tile" style="background:{{colour}};color:{{textColour}}" title="SDG {{number}}: {{name}}">{{number}}</span>{{/sdgs}}</div>{{/hasSDGs}}
        """
}

extension ImpulsTemplates {
    /// The application form of an initiative (`/beheer/impuls/{id}`): the profile is already
    /// there, so only the fund, the amount, a motivation and the impact are asked.
    static let application = """
        <h1>Impuls aanvragen: {{name}}</h1>
        <p class="muted">Uw profiel is al bekend; u vertelt alleen welk bedrag u vraagt en welke impact u wilt maken.</p>
        {{#checked}}{{#eligible}}<p class="notice">Deze aanvraag voldoet aan de voorwaarden van het fonds.</p>{{/eligible}}{{/checked}}
        {{#hasProblems}}<div class="problems" role="alert"><p>De aanvraag voldoet niet aan de voorwaarden:</p><ul>{{#problems}}<li>{{.}}</li>{{/problems}}</ul></div>{{/hasProblems}}
        <form method="post" action="/beheer/impuls/{{id}}">
        <label>Fonds<select name="fund">{{#funds}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}} ({{range}})</option>{{/funds}}</select></label>
        <label>Bedrag in euro<input name="amount_euros" value="{{amount}}" inputmode="decimal" required></label>
        <label>Motivatie<textarea name="motivation" maxlength="2000" required>{{motivation}}</textarea></label>
        <label>Beoogde impact<textarea name="impact" maxlength="2000" required>{{impact}}</textarea></label>
        <button type="submit" name="action" value="check">Voorwaarden controleren</button>
        <button type="submit" name="action" value="submit">Aanvraag indienen</button>
        </form>
        """
}

extension ImpulsTemplates {
    /// The Impuls part of an initiative's profile: its applications with their status, and the
    /// support partners gave it.
    static let profile = """
        {{#hasImpuls}}<h2>Impuls-aanvragen</h2>
        <ul class="plain">{{#impulsApplications}}<li><a href="/impuls/{{code}}">{{fund}}</a>: {{amount}} · <span class="tag">{{status}}</span>{{#reason}} <span class="muted">{{reason}}</span>{{/reason}}</li>{{/impulsApplications}}</ul>{{/hasImpuls}}
        {{#hasSupport}}<h2>Steun van partners</h2>
        <ul class="plain">{{#support}}<li>{{partner}} <span class="tag">{{kind}}</span>{{#amount}} {{amount}}{{/amount}}{{#description}} <span class="muted">{{description}}</span>{{/description}}</li>{{/support}}</ul>{{/hasSupport}}
        """
}
