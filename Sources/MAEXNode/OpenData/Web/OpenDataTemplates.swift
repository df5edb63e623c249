/// The template of the `/open-data` page (Dutch).
enum OpenDataTemplates {
    static let openData = """
        <h1>Open data</h1>
        <p>Alles wat dit knooppunt over maatschappelijke initiatieven bijhoudt, is open data: vrij te gebruiken,
        ook door kennispartners en andere websites.</p>
        <p class="licence" style="overflow-wrap:anywhere"><strong>{{licence}}</strong></p>
        <h2>Downloads (CSV)</h2>
        <p>Kommagescheiden, UTF-8. Lijsten in een cel zijn gescheiden door een puntkomma, bedragen staan in eurocenten.</p>
        <ul>
        {{#downloads}}<li><a href="{{href}}" download>{{name}}</a>: {{description}}</li>
        {{/downloads}}
        </ul>
        <p>Het <a href="/aanbod">aanbod van initiatieven</a> (ook voor social return) is doorzoekbaar.</p>
        <h2>Open Referral HSDS 3.0</h2>
        <p>Een API volgens de Human Services Data Specification 3.0: initiatieven als <em>organizations</em>, hun activiteit
        en aanbod als <em>services</em>, de SDG's als taxonomie met vaste id's.</p>
        <ul>
        <li><a href="/hsds/">/hsds/</a>: over deze API</li>
        <li><a href="/hsds/services">/hsds/services</a> (met <code>search</code>, <code>modified_after</code>, <code>taxonomy_term_id</code>, <code>page</code>, <code>per_page</code>)</li>
        <li><a href="/hsds/organizations">/hsds/organizations</a></li>
        <li><a href="/hsds/taxonomies">/hsds/taxonomies</a> en <a href="/hsds/taxonomy_terms">/hsds/taxonomy_terms</a></li>
        <li><a href="/openapi.json">/openapi.json</a>: de beschrijving van alle API's</li>
        </ul>
        <h2>Nieuwe en gewijzigde initiatieven (Atom)</h2>
        <p>Een feed per gebied, om op een eigen website te tonen.</p>
        <ul>
        {{#feeds}}<li><a href="{{href}}">{{name}}</a></li>
        {{/feeds}}
        </ul>
        {{#hasPartners}}<h2>Doelen van partners</h2>
        <ul>{{#partners}}<li><a href="{{href}}">{{name}}</a></li>{{/partners}}</ul>{{/hasPartners}}
        <h2>Subsidies (360Giving)</h2>
        <p>{{givingText}}</p>
        """
}
