/// The templates by name: a page renders one of them inside `layout`; `card`, `field`,
/// `errors`, `profile`, `editRow` and `contactLink` are partials other templates include (`{{> card}}`), so
/// their raw values are the names the templates use.
enum PageTemplate: String, CaseIterable, Sendable {
    case layout, card, home, area, initiative, notFound, message
    case field, errors, profile, register, edit, editRow
    case openData, partner, catalogue
    case impulsOverview, impulsFund, impulsApplication, impulsProfile
    case privacy, accessibility, contactLink

    /// The template's Mustache text.
    var text: String {
        switch self {
        case .layout: PageTemplates.layout
        case .card: PageTemplates.card
        case .home: PageTemplates.home
        case .area: PageTemplates.area
        case .initiative: PageTemplates.initiative
        case .notFound: PageTemplates.notFound
        case .message: PageTemplates.message
        case .field: FormTemplates.field
        case .errors: FormTemplates.errors
        case .profile: FormTemplates.profile
        case .register: FormTemplates.register
        case .edit: FormTemplates.edit
        case .editRow: FormTemplates.editRow
        case .openData: OpenDataTemplates.openData
        case .partner: PartnerPage.template
        case .catalogue: CataloguePage.template
        case .impulsOverview: ImpulsTemplates.overview
        case .impulsFund: ImpulsTemplates.fund
        case .impulsApplication: ImpulsTemplates.application
        case .impulsProfile: ImpulsTemplates.profile
        case .privacy: NoticeTemplates.privacy
        case .accessibility: NoticeTemplates.accessibility
        case .contactLink: NoticeTemplates.contactLink
        }
    }
}
