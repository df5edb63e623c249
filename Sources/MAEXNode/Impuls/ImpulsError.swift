import MAEXCore

/// Why a MAEX Impuls command was refused. A refused command changes nothing. Dutch messages.
public enum ImpulsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// This node holds no fund with the code.
    case unknownFund(String)
    /// This node holds no such application.
    case unknownApplication(String)
    /// This node holds no such initiative.
    case unknownInitiative(String)
    /// A value does not fit the record schema.
    case invalid(SchemaError)
    /// The application does not meet the fund's criteria.
    case notEligible([EligibilityProblem])
    /// The grant would take the fund past its budget.
    case budgetExhausted(askedCents: Int64, leftCents: Int64)
    /// The application was granted already.
    case alreadyGranted(String)
    /// A payment for an application without a grant.
    case notGranted(String)
    /// A payment beyond what was granted.
    case overpaid(application: String, leftCents: Int64)

    public var description: String {
        switch self {
        case .unknownFund(let code): "dit knooppunt kent geen fonds \(code) (synchroniseer eerst met het fondsknooppunt)"
        case .unknownApplication(let id): "dit knooppunt kent geen aanvraag \(id)"
        case .unknownInitiative(let id): "dit knooppunt kent geen initiatief \(id)"
        case .invalid(let error): error.description
        case .notEligible(let problems): "de aanvraag voldoet niet aan de voorwaarden: " + problems.map(\.description).joined(separator: "; ")
        case .budgetExhausted(let asked, let left):
            "het budget is op: \(EligibilityProblem.euro(asked)) gevraagd, nog \(EligibilityProblem.euro(left)) beschikbaar"
        case .alreadyGranted(let id): "aanvraag \(id) is al toegekend"
        case .notGranted(let id): "aanvraag \(id) is niet toegekend; er valt niets te betalen"
        case .overpaid(let id, let left): "voor aanvraag \(id) staat nog \(EligibilityProblem.euro(left)) open"
        }
    }
}
