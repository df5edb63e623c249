/// The Mustache templates of the privacy page (`/privacy`) and the accessibility statement
/// (`/toegankelijkheid`, in the layout of the DigiToegankelijk model statement: statement,
/// compliance status, evidence, measures, known limitations, feedback, enforcement).
enum NoticeTemplates {
    /// The contact address as a link, or the controller's name when none is configured.
    static let contactLink = """
        {{#contactEmail}}<a href="mailto:{{contactEmail}}">{{contactEmail}}</a>{{/contactEmail}}{{^contactEmail}}{{controller}}{{/contactEmail}}
        """

    static let privacy = """
        <h1>Privacyverklaring</h1>
        <p class="muted">{{nodeName}} is een node van het MAEX-netwerk: het openbare register van maatschappelijke initiatieven van {{areaText}}.</p>
        <h2>Wie is verantwoordelijk?</h2>
        <p><strong>{{controller}}</strong> is verwerkingsverantwoordelijke voor de gegevens op deze node.</p>
        <dl class="facts"><dt>Node</dt><dd>{{nodeName}} ({{roleText}})</dd>
        {{#contactEmail}}<dt>Vragen over privacy</dt><dd><a href="mailto:{{contactEmail}}">{{contactEmail}}</a></dd>{{/contactEmail}}
        {{#officerEmail}}<dt>Functionaris gegevensbescherming</dt><dd><a href="mailto:{{officerEmail}}">{{officerEmail}}</a></dd>{{/officerEmail}}</dl>
        {{^contactEmail}}<p class="flag">De beheerder van deze node heeft nog geen contactadres ingesteld ([privacy] contact_email in het configuratiebestand). Neem zolang contact op met {{controller}}.</p>{{/contactEmail}}
        <h2>Welke gegevens bewaren we?</h2>
        <p>Het register bevat openbare profielen van initiatieven: van organisaties, niet van personen. Een initiatief meldt zich zelf aan of de gemeente voert het profiel in; wat er staat, kiest het initiatief. Deze velden kunnen persoonsgegevens bevatten:</p>
        <ul>{{#personal}}<li>{{label}}</li>{{/personal}}</ul>
        <p>Vermeld in beschrijvingen geen namen of gegevens van vrijwilligers of deelnemers. De andere velden gaan over het initiatief zelf: {{otherFields}}.</p>
        <p>Bedragen van de maatschappelijke waarde tonen we alleen als het initiatief daar toestemming voor gaf.</p>
        <h2>Waarvoor en op welke grondslag?</h2>
        <p>We publiceren het register zodat inwoners, gemeenten, fondsen en partners initiatieven kunnen vinden, steunen en met ze kunnen samenwerken. Wie een initiatief aanmeldt, geeft daarvoor toestemming (artikel 6, lid 1, onder a AVG) en kan die op elk moment intrekken door om verwijdering te vragen.</p>
        <h2>Met wie delen we de gegevens?</h2>
        <p>Het register is openbaar. Elke wijziging is een ondertekende wijzigingsset die deze node uitwisselt met de andere nodes van het netwerk: {{sharedWith}}. Zo ziet iedereen hetzelfde register.</p>
        <h2>Hoe lang bewaren we ze?</h2>
        <p>Een profiel blijft in het register zolang het initiatief bestaat en niet om verwijdering vraagt. Een profiel dat een jaar niet is bevestigd, krijgt op de pagina een waarschuwing.</p>
        <p>Elke wijziging wordt bewaard in een logboek van ondertekende wijzigingen; dat logboek is de bron van het register op alle nodes. Een overschreven of verwijderde waarde staat daarom nog in het logboek van deze node en van de nodes die het register kopieerden. Dat logboek is alleen toegankelijk voor de nodes van het netwerk, niet voor het publiek.</p>
        {{#retention}}<p>{{retention}}</p>{{/retention}}
        <h2>Inzien, verbeteren of laten wissen</h2>
        <p>U heeft het recht uw gegevens in te zien, te laten verbeteren of te laten wissen, en om bezwaar te maken. Stuur uw verzoek naar {{> contactLink}} en noem het initiatief (bijvoorbeeld de link naar het profiel). U krijgt binnen een maand antwoord.</p>
        <p>De beheerder maakt het veld dan leeg of verwijdert het profiel. Die wijziging gaat naar de andere nodes, die haar bij de volgende synchronisatie overnemen (meestal binnen enkele minuten per schakel). {{erasureText}}</p>
        <h2>Wat we niet doen</h2>
        <p>Deze website gebruikt geen cookies, geen bezoekersstatistieken en laadt niets van andere websites. Uw IP-adres gebruiken we alleen in het werkgeheugen, om misbruik van het aanmeldformulier te beperken; we slaan het niet op.</p>
        <h2>Klacht</h2>
        <p>Bent u het niet eens met hoe we met uw gegevens omgaan, dan kunt u een klacht indienen bij de Autoriteit Persoonsgegevens (autoriteitpersoonsgegevens.nl).</p>
        """

    static let accessibility = """
        <h1>Toegankelijkheidsverklaring</h1>
        <p>{{controller}} wil dat iedereen deze website kan gebruiken, ook met een beperking, en streeft naar toegankelijkheid volgens het Besluit digitale toegankelijkheid overheid (norm: EN 301 549, dat is WCAG 2.1 op niveau A en AA).</p>
        <h2>Verklaring</h2>
        <p>Deze verklaring is van toepassing op de website van {{nodeName}}: de pagina's van het register van initiatieven, het aanmeldformulier, het beheerformulier, de privacyverklaring en deze pagina.</p>
        <h2>Nalevingsstatus</h2>
        <p><strong>C – eerste maatregelen genomen.</strong> {{controller}} verklaart dat de eerste maatregelen zijn genomen om de website te laten voldoen aan de eisen. Een volledig onderzoek volgens WCAG-EM door een onafhankelijke deskundige is nog niet uitgevoerd.</p>
        <h2>Onderbouwing</h2>
        <ul>
        <li>Bij elke versie van de software worden alle pagina's en formulieren, ook met foutmeldingen, automatisch getoetst met axe-core {{axeVersion}} in Chromium op de regels voor WCAG 2.1 niveau A en AA, op een scherm van 1280 en van 375 pixels breed. Uitkomst: geen afwijkingen.</li>
        <li>Dezelfde test gaat met de Tab-toets door de formulieren: elk bedieningselement is met het toetsenbord bereikbaar en heeft een zichtbare focus.</li>
        <li>Automatische tests vinden niet alle problemen; een handmatige toets met schermlezer en vergroting is nog niet gedaan.</li>
        </ul>
        <h2>Maatregelen</h2>
        <ul>
        <li>De SDG-kleuren zijn de officiële kleuren; de tekst erop is wit of bijna zwart, gekozen op een contrast van minstens 4,5:1.</li>
        <li>Elke grafiek heeft een tekstalternatief en de cijfers staan ook in tekst of in een tabel. Een grafiek of tabel die op een smal scherm schuift, is met het toetsenbord te bereiken.</li>
        <li>Elk formulierveld heeft een label; een fout staat bij het veld en in een overzicht bovenaan, met een link naar het veld. Ingevulde waarden blijven staan.</li>
        <li>De website werkt zonder JavaScript, zonder cookies en zonder bestanden van andere websites; de taal van de pagina's is ingesteld op Nederlands.</li>
        <li>Een link "Naar de inhoud" slaat het menu over.</li>
        </ul>
        <h2>Bekende beperkingen</h2>
        <ul>
        <li>De grafiek van de maatschappelijke handafdruk schuift op een smal scherm horizontaal. Dezelfde gegevens staan in het tekstalternatief van de grafiek.</li>
        <li>Beschrijvingen en namen van initiatieven schrijven de initiatieven zelf; daarin kan bijvoorbeeld een Engelse naam staan zonder taalaanduiding.</li>
        </ul>
        <h2>Feedback en contactgegevens</h2>
        <p>Loopt u tegen een toegankelijkheidsprobleem aan, of heeft u een vraag of opmerking over de toegankelijkheid? Neem dan contact op via {{> contactLink}}. U krijgt binnen 5 werkdagen een reactie, en binnen 2 weken een oplossing of een plan.</p>
        <h2>Handhavingsprocedure</h2>
        <p>Bent u niet tevreden met hoe uw klacht is behandeld, of heeft u niet op tijd antwoord gekregen? Dan kunt u kosteloos een klacht indienen bij de Nationale ombudsman (nationaleombudsman.nl) of bij de ombudsman van uw gemeente.</p>
        <h2>Aanvullende informatie</h2>
        <p>Deze verklaring is voor het laatst bijgewerkt op {{statementDate}}. De test is onderdeel van de tests van de software (scripts/axe_check.py).</p>
        """
}
