import Foundation
import Hummingbird
import MAEXCore
import MAEXStore
import NIOCore

/// The application form on an initiative's hosting node, `/beheer/impuls/{id}` (admin
/// credentials through HTTP Basic, as the edit form). A plain HTML form: "controleren" shows
/// the eligibility reasons without storing anything; "indienen" applies (one signed change
/// set) and redirects (303) to the fund's page, or shows the reasons again (422).
struct ImpulsFormController: Sendable {
    let dependencies: ServerDependencies

    /// The largest form body accepted.
    static let maxFormBytes = 64 * 1024

    private var today: String { CalendarDate.iso(milliseconds: dependencies.node.wallClock()) }

    func addRoutes<Context: RemoteAddressRequestContext>(to router: Router<Context>) {
        router.on(RouteCatalog.applicationForm) { request, context in
            if let refusal = try refusal(request, context.remoteAddress) { return refusal }
            return try await show(id: context.parameters.get("id") ?? "", form: FormData(), problems: [], checked: false, status: .ok)
        }
        router.on(RouteCatalog.applicationSubmit) { request, context in
            if let refusal = try refusal(request, context.remoteAddress) { return refusal }
            return try await submit(request, id: context.parameters.get("id") ?? "")
        }
    }

    func submit(_ request: Request, id: String) async throws -> Response {
        guard FormsController.isSameOrigin(request) else {
            return try message("Niet toegestaan", "Het formulier kwam van een andere website en is genegeerd.", status: .forbidden)
        }
        let type = request.headers[.contentType]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        guard type == "application/x-www-form-urlencoded" else {
            throw APIError.unsupportedMediaType("send the form as application/x-www-form-urlencoded")
        }
        let form = FormData(String(buffer: try await request.body.collect(upTo: Self.maxFormBytes)))
        guard let author = dependencies.node.author else { return try message("Alleen lezen", "Deze node schrijft niets.", status: .forbidden) }
        let desk = ImpulsDesk(store: dependencies.node.store, author: author)
        guard let cents = PageFormat.cents(fromEuros: form["amount_euros"]), cents > 0 else {
            return try await show(id: id, form: form, problems: ["Bedrag: vul een bedrag in euro in, zoals 1.500"], checked: false, status: .unprocessableContent)
        }
        let (fund, motivation, impact, day) = (form["fund"], form["motivation"], form["impact"], today)
        do {
            if form["action"] == "check" {
                let problems = try await dependencies.executor.run {
                    try desk.eligibility(initiative: id, fund: fund, amountCents: cents, date: day).map(\.description)
                }
                return try await show(id: id, form: form, problems: problems, checked: true, status: .ok)
            }
            _ = try await dependencies.executor.run {
                try desk.apply(initiative: id, fund: fund, amountCents: cents, motivation: motivation, impact: impact, date: day)
            }
            return FormsController.redirect(to: "/impuls/\(fund)")
        } catch let error as ImpulsError {
            let problems: [String]
            if case .notEligible(let reasons) = error { problems = reasons.map(\.description) } else { problems = [error.description] }
            return try await show(id: id, form: form, problems: problems, checked: false, status: .unprocessableContent)
        } catch let error as AuthoringError {
            return try message("Niet opgeslagen", error.description, status: .forbidden)
        }
    }

    private func show(id: String, form: FormData, problems: [String], checked: Bool, status: HTTPResponse.Status) async throws -> Response {
        let key = RecordKey(type: RecordSchema.initiative.type, id: id)
        let loaded = try await dependencies.withStore { store -> (String, [[String: String]])? in
            guard EnvelopeRules.isValidRecordID(id), let state = try store.record(key), !state.isDeleted,
                let name = state.value(of: "name")?.stringValue
            else { return nil }
            let held = try store.impulsRecords()
            let funds = held.fundCodes.compactMap { code -> [String: String]? in
                guard let terms = held.fund(code)?.terms else { return nil }
                return ["code": code, "name": terms.name, "range": "\(PageFormat.euros(terms.amountMinCents)) tot \(PageFormat.euros(terms.amountMaxCents))"]
            }
            return (name, funds)
        }
        guard let (name, funds) = loaded else { return try message("Niet gevonden", "Er is geen initiatief met deze id.", status: .notFound) }
        guard !funds.isEmpty else { return try message("Geen fondsen", "Deze node kent nog geen fondsen om aan te vragen.", status: .ok) }
        let context: [String: Any] = [
            "id": id, "name": name, "amount": form["amount_euros"], "motivation": form["motivation"], "impact": form["impact"],
            "funds": funds.map { fund -> [String: Any] in fund.merging(["selected": fund["code"] == form["fund"] ? "1" : ""]) { $1 }.filter { !$0.value.isEmpty } },
            "problems": problems, "hasProblems": !problems.isEmpty, "checked": checked, "eligible": problems.isEmpty,
        ]
        return try render(.impulsApplication, title: "Impuls aanvragen: \(name)", context: context, status: status)
    }

    /// The 401 or 403 page, or `nil` for an allowed admin request.
    private func refusal(_ request: Request, _ address: SocketAddress?) throws -> Response? {
        switch AdminGate(access: dependencies.node.admin).decide(request, from: address) {
        case .allowed: return nil
        case .unauthorized:
            var response = try message("Inloggen nodig", "Aanvragen vraagt het beheerderstoken van deze node als wachtwoord.", status: .unauthorized)
            response.headers[.wwwAuthenticate] = AdminGate.basicChallenge
            return response
        case .forbidden: return try message("Niet toegestaan", "Deze node neemt beheer alleen aan vanaf de eigen machine (loopback).", status: .forbidden)
        }
    }

    private func message(_ heading: String, _ text: String, status: HTTPResponse.Status) throws -> Response {
        try render(.message, title: heading, context: ["heading": heading, "message": text], status: status)
    }

    private func render(_ template: PageTemplate, title: String, context: [String: Any], status: HTTPResponse.Status) throws -> Response {
        let html = try PageRenderer.shared.get().page(template, title: title, nodeName: dependencies.node.info.name, context: context)
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }
}
