import Hummingbird

extension RouteCatalog {
    static let homePage = Endpoint(method: .get, path: "/")
    static let municipalityPage = Endpoint(method: .get, path: "/gemeente/{code}")
    static let provincePage = Endpoint(method: .get, path: "/provincie/{code}")
    static let nationalPage = Endpoint(method: .get, path: "/nederland")
    static let initiativePage = Endpoint(method: .get, path: "/initiatief/{id}")
    static let registrationForm = Endpoint(method: .get, path: "/aanmelden")
    static let registrationSubmit = Endpoint(method: .post, path: "/aanmelden")
    static let editForm = Endpoint(method: .get, path: "/beheer/initiatief/{id}")
    static let editSubmit = Endpoint(method: .post, path: "/beheer/initiatief/{id}")
    static let impulsPage = Endpoint(method: .get, path: "/impuls")
    static let fundPage = Endpoint(method: .get, path: "/impuls/{code}")
    static let applicationForm = Endpoint(method: .get, path: "/beheer/impuls/{id}")
    static let applicationSubmit = Endpoint(method: .post, path: "/beheer/impuls/{id}")

    /// The web pages (HTML), registered like the API so a wrong method gets 405.
    static let pages: [Endpoint] = [
        homePage, municipalityPage, provincePage, nationalPage, initiativePage, registrationForm, registrationSubmit, editForm,
        editSubmit, privacyPage, accessibilityPage, impulsPage, fundPage, applicationForm, applicationSubmit,
    ] + openDataPages
}
