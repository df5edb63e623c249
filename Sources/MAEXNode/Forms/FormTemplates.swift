/// The Mustache templates of the registration questionnaire and the edit form. Plain HTML
/// forms: they work without JavaScript; every field has a label, its hint and problem between
/// the label and the control (`aria-describedby`), and the values entered are kept on re-display.
enum FormTemplates {
    static let field = """
        <div class="field{{#error}} invalid{{/error}}">{{#isCheckbox}}<label class="check"><input type="checkbox" id="{{id}}" name="{{name}}" value="1"{{#checked}} checked{{/checked}}{{#describedBy}} aria-describedby="{{describedBy}}"{{/describedBy}}{{#error}} aria-invalid="true"{{/error}}>{{label}}</label>{{/isCheckbox}}\
        {{^isCheckbox}}<label for="{{id}}">{{label}}{{#required}} <span aria-hidden="true">*</span>{{/required}}</label>{{/isCheckbox}}
        {{#hint}}<small class="hint" id="{{id}}-h">{{hint}}</small>{{/hint}}{{#error}}<p class="error" id="{{id}}-e">{{error}}</p>{{/error}}
        {{#isInput}}<input type="{{type}}" id="{{id}}" name="{{name}}" value="{{value}}"{{#maxLength}} maxlength="{{maxLength}}"{{/maxLength}}{{#required}} required{{/required}}{{#error}} aria-invalid="true"{{/error}}{{#describedBy}} aria-describedby="{{describedBy}}"{{/describedBy}}>{{/isInput}}\
        {{#isTextarea}}<textarea id="{{id}}" name="{{name}}" rows="5"{{#maxLength}} maxlength="{{maxLength}}"{{/maxLength}}{{#required}} required{{/required}}{{#error}} aria-invalid="true"{{/error}}{{#describedBy}} aria-describedby="{{describedBy}}"{{/describedBy}}>{{value}}</textarea>{{/isTextarea}}\
        {{#isSelect}}<select id="{{id}}" name="{{name}}"{{#required}} required{{/required}}{{#error}} aria-invalid="true"{{/error}}{{#describedBy}} aria-describedby="{{describedBy}}"{{/describedBy}}><option value="">– kies –</option>{{#options}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/options}}</select>{{/isSelect}}</div>
        """

    static let errors = """
        {{#hasErrors}}<div class="errors" role="alert"><h2>Controleer de invoer</h2><p>Er is nog niets opgeslagen. Verbeter deze velden:</p>
        <ul>{{#errors}}<li><a href="#{{anchor}}">{{field}}</a>: {{message}}</li>{{/errors}}</ul></div>{{/hasErrors}}
        """

    static let profile = """
        <fieldset><legend>Profiel</legend>
        {{#profile}}{{> field}}{{/profile}}
        <div class="field{{#hasSdgError}} invalid{{/hasSdgError}}" id="f-sdgs" role="group" aria-labelledby="f-sdgs-l"{{#hasSdgError}} aria-describedby="f-sdgs-e"{{/hasSdgError}}><span class="label" id="f-sdgs-l">Aan welke SDG's draagt u bij?</span>
        <div class="sdg-choices">{{#sdgs}}<label class="sdg" style="background:{{colour}};color:{{textColour}}"><input type="checkbox" name="sdgs" value="{{number}}"{{#checked}} checked{{/checked}}> {{number}} {{name}}</label>{{/sdgs}}</div>
        {{#hasSdgError}}<p class="error" id="f-sdgs-e">{{sdgError}}</p>{{/hasSdgError}}</div>
        <div class="field"><label class="check"><input type="checkbox" id="f-publication-consent" name="publication_consent" value="1"{{#consent}} checked{{/consent}}>Bedragen van onze maatschappelijke waarde mogen openbaar getoond worden</label></div>
        </fieldset>
        """

    static let register = """
        <h1>Initiatief aanmelden</h1>
        <p>Meld uw initiatief gratis aan bij het register van {{areaName}}. Velden met * zijn verplicht. Na het versturen staat uw profiel
        direct online; de gemeente kan contact met u opnemen om het te bevestigen.</p>
        {{> errors}}
        <form class="register" method="post" action="/aanmelden" accept-charset="utf-8" novalidate>
        {{> profile}}
        <fieldset><legend>Activiteiten (uw maatschappelijke handafdruk)</legend>
        <p class="muted">Wat heeft uw initiatief gedaan? Elke activiteit wordt met de waarderingscatalogus omgerekend naar een bijdrage aan een SDG.</p>
        {{#activities}}<div class="row" role="group" aria-labelledby="activiteit-{{number}}"><h3 id="activiteit-{{number}}">Activiteit {{number}}</h3>{{#fields}}{{> field}}{{/fields}}</div>{{/activities}}
        </fieldset>
        <fieldset><legend>Hulpvragen</legend>
        <p class="muted">Wat heeft u nodig: geld, vrijwilligers, kennis, ruimte?</p>
        {{#needs}}<div class="row" role="group" aria-labelledby="hulpvraag-{{number}}"><h3 id="hulpvraag-{{number}}">Hulpvraag {{number}}</h3>{{#fields}}{{> field}}{{/fields}}</div>{{/needs}}
        </fieldset>
        <fieldset><legend>Aanbod</legend>
        <p class="muted">Welke producten of diensten biedt u aan, bijvoorbeeld voor social return?</p>
        {{#offers}}<div class="row" role="group" aria-labelledby="aanbod-{{number}}"><h3 id="aanbod-{{number}}">Aanbod {{number}}</h3>{{#fields}}{{> field}}{{/fields}}</div>{{/offers}}
        </fieldset>
        <button type="submit">Aanmelden</button>
        </form>
        """

    static let editRow = """
        <div class="row" role="group" aria-labelledby="{{rowID}}"><h3 id="{{rowID}}">{{title}}</h3>{{#existing}}<input type="hidden" name="{{idName}}" value="{{recordID}}">{{/existing}}\
        {{#rowError}}<p class="error">{{rowError}}</p>{{/rowError}}
        {{#fields}}{{> field}}{{/fields}}
        {{#existing}}<div class="field"><label class="check"><input type="checkbox" id="{{deleteID}}" name="{{deleteName}}" value="1"{{#deleteChecked}} checked{{/deleteChecked}}>Verwijderen</label></div>{{/existing}}</div>
        """

    static let edit = """
        <p class="muted"><a href="/initiatief/{{id}}">Terug naar het profiel</a></p>
        <h1>Initiatief bewerken: {{name}}</h1>
        <p>Laatst bevestigd: {{lastVerified}}{{#stale}} <span class="flag">Niet bevestigd in het afgelopen jaar</span>{{/stale}}</p>
        {{> errors}}
        <form class="register" method="post" action="/beheer/initiatief/{{id}}" accept-charset="utf-8" novalidate>
        {{> profile}}
        <fieldset><legend>Activiteiten (maatschappelijke handafdruk)</legend>
        <p class="muted">De waarde per activiteit volgt uit de waarderingscatalogus. Vink "Verwijderen" aan om een regel te schrappen.</p>
        {{#activities}}{{> editRow}}{{/activities}}
        </fieldset>
        <fieldset><legend>Hulpvragen</legend>{{#needs}}{{> editRow}}{{/needs}}</fieldset>
        <fieldset><legend>Aanbod</legend>{{#offers}}{{> editRow}}{{/offers}}</fieldset>
        <fieldset><legend>Partners</legend>{{#partners}}{{> editRow}}{{/partners}}</fieldset>
        <div class="field"><label class="check"><input type="checkbox" id="f-confirm" name="confirm" value="1">Het profiel is gecontroleerd en klopt (bevestigen met de datum van vandaag)</label></div>
        <button type="submit">Opslaan</button>
        </form>
        """
}
