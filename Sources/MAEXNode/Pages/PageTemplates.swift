/// The Mustache templates of the pages, embedded as text (no bundle lookup). `{{x}}` is
/// HTML-escaped; `{{{x}}}` is used only for markup the server built and escaped itself (the
/// SVG chart, the page body inside the layout, the style sheet).
enum PageTemplates {
    static let message = """
        <h1>{{heading}}</h1>
        <p>{{message}}</p>
        <p><a href="/">Naar het overzicht</a></p>
        """

    static let layout = """
        <!DOCTYPE html>
        <html lang="nl">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · MAEX</title>
        <style>{{{css}}}</style>
        </head>
        <body>
        <a class="skip" href="#inhoud">Naar de inhoud</a>
        <header class="site"><a class="brand" href="/">MAEX</a><span>{{nodeName}}</span>
        <nav aria-label="Hoofdmenu"><a href="/">Overzicht</a><a href="/provincie/PV29">Zeeland</a><a href="/nederland">Nederland</a><a href="/aanmelden">Aanmelden</a></nav></header>
        <main id="inhoud" tabindex="-1">
        {{{body}}}
        </main>
        <footer>Maatschappelijke handafdruk berekend met waarderingscatalogus {{catalogueVersion}}; de waarden zijn illustratief.
        Bedragen staan er alleen bij initiatieven die toestemming gaven voor publicatie; aantallen en SDG's altijd.
        <nav aria-label="Over deze website"><a href="/open-data">Open data</a> (downloads, HSDS-API en feeds) · <a href="/privacy">Privacy</a> · <a href="/toegankelijkheid">Toegankelijkheid</a></nav></footer>
        </body>
        </html>
        """

    static let card = """
        <li class="card"><a class="name" href="/initiatief/{{id}}">{{name}}</a>
        <span class="muted">{{municipalityName}}{{#phase}} · fase {{phase}}{{/phase}}</span>{{#stale}}<span class="flag">Niet bevestigd in het afgelopen jaar</span>{{/stale}}
        <div class="tiles">{{#sdgs}}<span class="tile" style="background:{{colour}};color:{{textColour}}" title="SDG {{number}}: {{name}}">{{number}}</span>{{/sdgs}}</div>
        {{#needs}}<span class="tag">Zoekt: {{.}}</span>{{/needs}}{{#socialReturn}}<span class="tag sr">Aanbod voor social return</span>{{/socialReturn}}</li>
        """

    static let home = """
        <h1>{{areaName}}</h1>
        <section class="stats" aria-label="Kerncijfers">
        <div><strong>{{initiativeCount}}</strong>initiatieven</div>
        <div><strong>{{contributionCount}}</strong>gerealiseerde bijdragen</div>
        <div><strong>{{valueText}}</strong>openbare maatschappelijke waarde</div>
        <div><strong>{{openNeedCount}}</strong>open hulpvragen</div>
        </section>
        <h2 id="handafdruk">Handafdruk per SDG</h2>
        <div class="chart" role="region" tabindex="0" aria-labelledby="handafdruk">{{{chart}}}</div>
        <h2>Nieuwste initiatieven</h2>
        <ul class="cards">{{#latest}}{{> card}}{{/latest}}</ul>{{^latest}}<p>Nog geen initiatieven.</p>{{/latest}}
        <h2>Open hulpvragen</h2>
        <ul class="cards">{{#openNeeds}}<li class="card"><span class="tag">{{kind}}</span> {{description}}
        <div class="muted">Voor <a href="/initiatief/{{initiativeID}}">{{initiativeName}}</a>{{#amount}} · {{amount}}{{/amount}}{{#hours}} · {{hours}} uur{{/hours}}{{#expires}} · tot {{expires}}{{/expires}}</div></li>{{/openNeeds}}</ul>
        {{^openNeeds}}<p>Geen open hulpvragen.</p>{{/openNeeds}}
        {{#hasAreaLinks}}<h2>Per gemeente</h2><p>{{#areaLinks}}<a class="tag" href="/gemeente/{{code}}">{{name}}</a> {{/areaLinks}}</p>{{/hasAreaLinks}}
        """

    static let area = """
        <h1>{{heading}}</h1>
        <p class="muted">{{summary}}</p>
        <h2 id="handafdruk">Handafdruk</h2>
        <div class="chart" role="region" tabindex="0" aria-labelledby="handafdruk">{{{chart}}}</div>
        {{#hasTable}}<h2 id="per-gemeente">Per gemeente</h2>
        <div class="scroll" role="region" tabindex="0" aria-labelledby="per-gemeente"><table><thead><tr><th scope="col">Gemeente</th><th scope="col">Regio</th><th scope="col" class="num">Initiatieven</th>
        <th scope="col" class="num">Bijdragen</th><th scope="col" class="num">Openbare waarde</th><th scope="col" class="num">Open hulpvragen</th></tr></thead>
        <tbody>{{#rows}}<tr><td><a href="/gemeente/{{code}}">{{name}}</a></td><td>{{region}}</td><td class="num">{{initiatives}}</td>
        <td class="num">{{contributions}}</td><td class="num">{{value}}</td><td class="num">{{needs}}</td></tr>{{/rows}}</tbody></table></div>{{/hasTable}}
        <h2 id="initiatieven">Initiatieven</h2>
        <form class="filters" method="get" action="{{path}}#initiatieven">
        <label>Zoeken<input type="search" name="q" value="{{q}}" maxlength="100"></label>
        <label>SDG<select name="sdg"><option value="">Alle</option>{{#sdgOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/sdgOptions}}</select></label>
        <label>Thema<select name="thema"><option value="">Alle</option>{{#themeOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/themeOptions}}</select></label>
        <label>Fase<select name="fase"><option value="">Alle</option>{{#phaseOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/phaseOptions}}</select></label>
        <label>Zoekt<select name="behoefte"><option value="">Alles</option>{{#needOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/needOptions}}</select></label>
        <label class="check"><input type="checkbox" name="sociaal_rendement" value="1"{{#socialReturn}} checked{{/socialReturn}}>Aanbod voor social return</label>
        <button type="submit">Filteren</button>{{#filtered}} <a href="{{path}}#initiatieven">Filters wissen</a>{{/filtered}}
        </form>
        <p class="muted">{{resultText}}</p>
        <ul class="cards">{{#initiatives}}{{> card}}{{/initiatives}}</ul>
        {{#paged}}<nav class="pager" aria-label="Pagina's">{{#previousLink}}<a href="{{previousLink}}">← Vorige</a>{{/previousLink}}
        <span>{{pageText}}</span>{{#nextLink}}<a href="{{nextLink}}">Volgende →</a>{{/nextLink}}</nav>{{/paged}}
        <p class="muted">Open data: <a href="/feed{{path}}.atom">nieuwe en gewijzigde initiatieven (Atom-feed)</a> · <a href="/open-data">downloads (CSV) en HSDS-API</a></p>
        """

    static let initiative = """
        <p class="muted"><a href="/gemeente/{{municipality}}">{{municipalityName}}</a></p>
        <h1>{{name}}</h1>{{#alternateName}}<p class="muted">Ook bekend als {{alternateName}}</p>{{/alternateName}}
        {{#stale}}<p class="flag">Dit profiel is niet bevestigd in het afgelopen jaar; gegevens kunnen verouderd zijn.</p>{{/stale}}
        {{#description}}<p>{{description}}</p>{{/description}}
        <dl class="facts">{{#facts}}<dt>{{label}}</dt><dd>{{value}}</dd>{{/facts}}</dl>
        <h2>Bijdrage aan de SDG's</h2>
        <div class="tiles">{{#sdgs}}<div class="tile large" style="background:{{colour}};color:{{textColour}}"><b>{{number}}</b>{{name}}</div>{{/sdgs}}</div>
        {{^sdgs}}<p>Nog geen SDG's opgegeven.</p>{{/sdgs}}
        <h2 id="handafdruk">Maatschappelijke handafdruk</h2>
        <div class="chart" role="region" tabindex="0" aria-labelledby="handafdruk">{{{chart}}}</div>
        {{^consent}}<p class="muted">Dit initiatief heeft geen toestemming gegeven om bedragen te publiceren; alleen aantallen worden getoond.</p>{{/consent}}
        {{#hasContributions}}<div class="scroll" role="region" tabindex="0" aria-label="Bijdragen per activiteit"><table><thead><tr><th scope="col">SDG</th><th scope="col">Activiteit</th><th scope="col" class="num">Aantal</th>
        <th scope="col">Jaar</th><th scope="col">Soort</th>{{#consent}}<th scope="col" class="num">Waarde</th>{{/consent}}</tr></thead>
        <tbody>{{#contributions}}<tr><td>{{goal}}{{#target}} ({{target}}){{/target}}</td><td>{{indicator}}</td><td class="num">{{quantity}} {{unit}}</td>
        <td>{{year}}</td><td>{{kind}}</td>{{#consent}}<td class="num">{{value}}</td>{{/consent}}</tr>{{/contributions}}</tbody></table></div>{{/hasContributions}}
        <h2>Hulpvragen</h2>
        <ul class="cards">{{#needs}}<li class="card"><span class="tag">{{kind}}</span><span class="tag">{{status}}</span> {{description}}
        {{#details}}<div class="muted">{{details}}</div>{{/details}}</li>{{/needs}}</ul>{{^needs}}<p>Geen hulpvragen.</p>{{/needs}}
        <h2>Aanbod</h2>
        <ul class="cards">{{#offers}}<li class="card"><strong>{{name}}</strong> <span class="tag">{{kind}}</span>{{#socialReturn}}<span class="tag sr">Telt mee voor social return</span>{{/socialReturn}}
        {{#description}}<div>{{description}}</div>{{/description}}{{#details}}<div class="muted">{{details}}</div>{{/details}}</li>{{/offers}}</ul>{{^offers}}<p>Geen aanbod.</p>{{/offers}}
        <h2>Partners</h2>
        <ul class="plain">{{#partners}}<li>{{organisation}} <span class="tag">{{role}}</span>{{#period}} <span class="muted">{{period}}</span>{{/period}}</li>{{/partners}}</ul>{{^partners}}<p>Geen partners vermeld.</p>{{/partners}}
        {{> impulsProfile}}
        <h2>Contact</h2>
        <ul class="plain">{{#website}}<li>Website: <a href="{{website}}" rel="nofollow">{{website}}</a></li>{{/website}}{{#email}}<li>E-mail: <a href="mailto:{{email}}">{{email}}</a></li>{{/email}}{{#address}}<li>Adres: {{address}}</li>{{/address}}</ul>
        <p class="muted">Laatst bevestigd: {{lastVerified}} · <a href="/beheer/initiatief/{{id}}" rel="nofollow">Profiel bewerken of bevestigen (beheer)</a></p>
        """

    static let notFound = """
        <h1>Niet gevonden</h1>
        <p>{{message}}</p>
        <p><a href="/">Naar het overzicht</a></p>
        """
}
