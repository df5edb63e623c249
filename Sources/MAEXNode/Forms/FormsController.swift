import Foundation
import Hummingbird
import MAEXCore
import MAEXStore
import NIOCore

/// The registration questionnaire (`/aanmelden`, public, free) and the edit form of a profile
/// (`/beheer/initiatief/{id}`, admin credentials through HTTP Basic). Plain HTML forms; a valid
/// submission becomes one signed change set of this node and redirects (303) to the profile;
/// an invalid one is shown again with the values entered and a message next to each field,
/// and stores nothing.
struct FormsController: Sendable {
    let dependencies: ServerDependencies

    /// The largest form body accepted.
    static let maxFormBytes = 256 * 1024

    private var gate: AdminGate { AdminGate(access: dependencies.node.admin) }
    private var today: String { CalendarDate.iso(milliseconds: dependencies.node.wallClock()) }

    func addRoutes<Context: RemoteAddressRequestContext>(to router: Router<Context>) {
        router.on(RouteCatalog.registrationForm) { _, _ in try registrationPage(FormData(), problems: [], status: .ok) }
        router.on(RouteCatalog.registrationSubmit) { request, context in
            if case .limited(let wait) = dependencies.registrations.take(context.remoteAddress, now: dependencies.monotonicClock()) {
                return try tooManyRegistrations(retryAfterMilliseconds: wait)
            }
            return try await register(request)
        }
        router.on(RouteCatalog.editForm) { request, context in
            if let refusal = try adminRefusal(request, context.remoteAddress) { return refusal }
            return try await editPage(id: context.parameters.get("id") ?? "")
        }
        router.on(RouteCatalog.editSubmit) { request, context in
            if let refusal = try adminRefusal(request, context.remoteAddress) { return refusal }
            return try await saveEdit(request, id: context.parameters.get("id") ?? "")
        }
    }

    // MARK: registration

    func register(_ request: Request) async throws -> Response {
        guard !hostedMunicipalities.isEmpty else { return try notHosting() }
        let form = try await readForm(request)
        let reading = RegistrationForm.read(form)
        guard let editor = dependencies.node.editor else { return try readOnly() }
        guard reading.problems.isEmpty else {
            // Also the problems of the values that could be read, so every field is marked at once.
            // Not those of fields the node fills in (a contribution's total) in a row already
            // marked: they follow from the typed problem.
            let typed = Set(reading.problems.map(\.field))
            let markedRows = Set(typed.compactMap(Self.rowPrefix))
            let more = editor.draftInitiative(reading.fields, children: reading.children).problems
                .map { FieldProblem(field: reading.formField($0.field), message: $0.message) }
                .filter { !typed.contains($0.field) }
                .filter { problem in
                    guard let row = Self.rowPrefix(problem.field), markedRows.contains(row) else { return true }
                    return FormPage.isFormField(String(problem.field.dropFirst(row.count)))
                }
            return try registrationPage(form, problems: reading.problems + more, status: .unprocessableContent)
        }
        do {
            let result = try await dependencies.executor.run { try editor.createInitiative(reading.fields, children: reading.children) }
            return Self.redirect(to: "/initiatief/\(result.initiative)")
        } catch RegisterEditError.invalid(let problems) {
            let mapped = problems.map { FieldProblem(field: reading.formField($0.field), message: $0.message) }
            return try registrationPage(form, problems: mapped, status: .unprocessableContent)
        }
    }

    private func registrationPage(_ form: FormData, problems: [FieldProblem], status: HTTPResponse.Status) throws -> Response {
        let municipalities = hostedMunicipalities
        guard !municipalities.isEmpty else { return try notHosting() }
        var shown = form
        if form["municipality"].isEmpty, municipalities.count == 1 { shown.set("municipality", municipalities[0].code) }
        var context = FormPage.registration(shown, problems: problems, municipalities: municipalities)
        context["areaName"] = dependencies.node.info.name
        return try render(.register, title: "Initiatief aanmelden", context: context, status: status)
    }

    // MARK: editing

    func editPage(id: String) async throws -> Response {
        guard let (profile, state) = try await load(id) else { return try notFound() }
        var form = Self.prefilled(state)
        EditForm.prefilled(try await children(of: id), into: &form)
        return try editPage(profile, form, problems: [], status: .ok)
    }

    func saveEdit(_ request: Request, id: String) async throws -> Response {
        guard Self.isSameOrigin(request) else {
            return try message("Niet toegestaan", "Het formulier kwam van een andere website en is genegeerd.", status: .forbidden)
        }
        guard let (profile, state) = try await load(id) else { return try notFound() }
        let form = try await readForm(request)
        var reading = RegistrationForm.Reading()
        RegistrationForm.readProfile(form, into: &reading, keepEmpty: true)
        let stored = Dictionary(try await children(of: id).map { ($0.key.id, $0.state) }, uniquingKeysWith: { first, _ in first })
        let collections = EditForm.read(form, stored: stored)
        let typed = reading.problems + collections.problems
        guard typed.isEmpty else { return try editPage(profile, form, problems: typed, status: .unprocessableContent) }
        var changes = reading.fields.filter { name, value in state.value(of: name) ?? .null != value }
        if changes["sdgs"] == .array([]), state.value(of: "sdgs") == nil { changes["sdgs"] = nil }
        if changes["publication_consent"] == .bool(false), state.value(of: "publication_consent") == nil { changes["publication_consent"] = nil }
        if form.isChecked("confirm") { changes["last_verified"] = .string(today) }
        guard !changes.isEmpty || !collections.changes.isEmpty else { return Self.redirect(to: "/initiatief/\(id)") }
        guard let editor = dependencies.node.editor else { return try readOnly() }
        let update = changes
        let rows = collections.changes
        do {
            _ = try await dependencies.executor.run { try editor.editInitiative(id, fields: update, changes: rows) }
            return Self.redirect(to: "/initiatief/\(id)")
        } catch RegisterEditError.invalid(let problems) {
            return try editPage(profile, form, problems: problems.map(Self.formProblem), status: .unprocessableContent)
        } catch let error as AuthoringError {
            return try message("Niet opgeslagen", error.description, status: .forbidden)
        }
    }

    /// The row part of a form field name (`contributions[0].`), if it is in a row.
    static func rowPrefix(_ field: String) -> String? {
        guard let close = field.firstIndex(of: "]"), field[field.index(after: close)...].hasPrefix(".") else { return nil }
        return String(field[...field.index(after: close)])
    }

    /// An editor problem named after its form field (amounts are typed in euros).
    static func formProblem(_ problem: FieldProblem) -> FieldProblem {
        guard problem.field.hasSuffix(".amount_cents") else { return problem }
        return FieldProblem(field: String(problem.field.dropLast("amount_cents".count)) + "amount_euros", message: problem.message)
    }

    /// The live sub-records of initiative `id`, in a stable order.
    private func children(of id: String) async throws -> [(key: RecordKey, state: RecordState)] {
        try await dependencies.withStore { store in
            try RegisterEditor.children(of: id, in: store).sorted { $0.key.id < $1.key.id }.map { SendableChild(key: $0.key, state: $0.state) }
        }.map { ($0.key, $0.state) }
    }

    private func editPage(_ profile: InitiativeProfile, _ form: FormData, problems: [FieldProblem], status: HTTPResponse.Status) throws -> Response {
        var municipalities = hostedMunicipalities
        if !municipalities.contains(where: { $0.code == profile.municipality }) {
            municipalities.insert(Municipalities.named(profile.municipality) ?? Self.unnamed(profile.municipality), at: 0)
        }
        let context = FormPage.edit(
            id: profile.id, name: profile.name, form, problems: problems, municipalities: municipalities,
            lastVerified: profile.lastVerified, stale: profile.isStale(on: today))
        return try render(.edit, title: "Bewerken: \(profile.name)", context: context, status: status)
    }

    private func load(_ id: String) async throws -> (InitiativeProfile, RecordState)? {
        guard EnvelopeRules.isValidRecordID(id) else { return nil }
        let key = RecordKey(type: RecordSchema.initiative.type, id: id)
        guard let state = try await dependencies.withStore({ try $0.record(key) }), let profile = InitiativeProfile(id: id, state: state) else {
            return nil
        }
        return (profile, state)
    }

    /// A sub-record as it crosses to the store's thread and back.
    private struct SendableChild: Sendable {
        let key: RecordKey
        let state: RecordState
    }

    /// The form values of a stored profile.
    static func prefilled(_ state: RecordState) -> FormData {
        var form = FormData()
        for name in RegistrationForm.profileFields {
            guard let value = state.value(of: name) else { continue }
            switch value {
            case .string(let text): form.set(name, text)
            case .int(let number): form.set(name, "\(number)")
            case .array(let items): form.set(name, items.compactMap(\.stringValue).joined(separator: ", "))
            default: continue
            }
        }
        form.set("sdgs", all: (state.value(of: "sdgs")?.arrayValue ?? []).compactMap(\.intValue).map { "\($0)" })
        if state.value(of: "publication_consent") == .bool(true) { form.set("publication_consent", "1") }
        return form
    }

    // MARK: shared

    /// The municipalities whose initiatives this node hosts: its scope for a municipality
    /// node, the province's municipalities for a province hub, none for other roles.
    var hostedMunicipalities: [Municipality] {
        let info = dependencies.node.info
        switch info.role {
        case .municipality: return info.scope.map { Municipalities.named($0) ?? Self.unnamed($0) }
        case .province: return info.scope.flatMap(Municipalities.inProvince)
        case .national, .fund: return []
        }
    }

    private static func unnamed(_ code: String) -> Municipality {
        Municipality(code: code, name: code, province: "", corop: "", coropName: "")
    }

    /// The 401 (with a Basic challenge) or 403 page, or `nil` for an allowed admin request.
    private func adminRefusal(_ request: Request, _ address: SocketAddress?) throws -> Response? {
        switch gate.decide(request, from: address) {
        case .allowed:
            return nil
        case .unauthorized:
            var response = try message(
                "Inloggen nodig", "Bewerken vraagt het beheerderstoken van deze node als wachtwoord (maex-node admin token).",
                status: .unauthorized)
            response.headers[.wwwAuthenticate] = AdminGate.basicChallenge
            return response
        case .forbidden:
            return try message("Niet toegestaan", "Deze node neemt beheer alleen aan vanaf de eigen machine (loopback).", status: .forbidden)
        }
    }

    /// Whether a form post comes from this site: no `Origin` header, or one naming the `Host`.
    static func isSameOrigin(_ request: Request) -> Bool {
        guard let origin = request.headers[.origin], origin != "null" else { return request.headers[.origin] == nil }
        guard let host = request.head.authority else { return false }
        return origin == "http://\(host)" || origin == "https://\(host)"
    }

    private func readForm(_ request: Request) async throws -> FormData {
        let type = request.headers[.contentType]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        guard type == "application/x-www-form-urlencoded" else {
            throw APIError.unsupportedMediaType("send the form as application/x-www-form-urlencoded")
        }
        let buffer = try await request.body.collect(upTo: Self.maxFormBytes)
        return FormData(String(buffer: buffer))
    }

    static func redirect(to path: String) -> Response {
        Response(status: .seeOther, headers: [.location: path, .contentType: "text/plain; charset=utf-8"])
    }

    private func notHosting() throws -> Response {
        try message("Geen aanmeldingen", "Deze node beheert geen initiatieven; meld uw initiatief aan bij uw gemeente of provincie.", status: .notFound)
    }

    private func readOnly() throws -> Response {
        try message("Tijdelijk niet mogelijk", "Deze node kan nu geen wijzigingen opslaan.", status: .serviceUnavailable)
    }

    private func tooManyRegistrations(retryAfterMilliseconds wait: Int64) throws -> Response {
        let minutes = max(1, (wait + 59_999) / 60_000)
        var response = try message(
            "Even geduld", "Er zijn vanaf dit adres veel aanmeldingen verstuurd. Probeer het over \(minutes) minuten opnieuw.",
            status: .tooManyRequests)
        response.headers[.retryAfter] = String(max(1, (wait + 999) / 1000))
        return response
    }

    private func notFound() throws -> Response {
        try message("Niet gevonden", "Er is geen initiatief met deze id.", status: .notFound)
    }

    private func message(_ heading: String, _ text: String, status: HTTPResponse.Status) throws -> Response {
        try render(.message, title: heading, context: ["heading": heading, "message": text], status: status)
    }

    private func render(_ template: PageTemplate, title: String, context: [String: Any], status: HTTPResponse.Status) throws -> Response {
        let html = try PageRenderer.shared.get().page(template, title: title, nodeName: dependencies.node.info.name, context: context)
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }
}
