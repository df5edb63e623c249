/// What eligibility needs to know about an applying initiative: its profile and its history
/// with the fund. Pure.
public struct Applicant: Hashable, Sendable {
    /// The initiative's municipality.
    public var municipality: String
    /// Its SDGs.
    public var sdgs: [Int]
    /// Its themes.
    public var themes: [String]
    /// Its phase, if known.
    public var phase: String?
    /// The profile fields a complete profile needs but this one lacks.
    public var missingProfileFields: [String]
    /// Earlier grants of this fund to the initiative.
    public var earlierGrants: [EarlierGrant]

    /// Creates an applicant.
    public init(
        municipality: String, sdgs: [Int] = [], themes: [String] = [], phase: String? = nil, missingProfileFields: [String] = [],
        earlierGrants: [EarlierGrant] = []
    ) {
        self.municipality = municipality
        self.sdgs = sdgs
        self.themes = themes
        self.phase = phase
        self.missingProfileFields = missingProfileFields
        self.earlierGrants = earlierGrants
    }

    /// The fields of an initiative a complete profile has.
    public static let profileFields = ["name", "description", "legal_form", "email", "phase", "sdgs"]

    /// The applicant as described by a live `initiative` record and its earlier grants.
    public init(initiative: RecordState, earlierGrants: [EarlierGrant]) {
        let values = RecordValues(state: initiative)
        let missing = Self.profileFields.filter { field in
            switch initiative.value(of: field) {
            case nil, .null: true
            case .string(let text): text.isEmpty
            case .array(let items): items.isEmpty
            default: false
            }
        }
        self.init(
            municipality: values.string("municipality") ?? "", sdgs: values.ints("sdgs"), themes: values.strings("themes"),
            phase: values.string("phase"), missingProfileFields: missing, earlierGrants: earlierGrants)
    }
}

/// An earlier grant of a fund to an initiative.
public struct EarlierGrant: Hashable, Sendable {
    /// The day it was decided.
    public var decided: String
    /// Whether the initiative accounted for it (a report is held).
    public var accounted: Bool

    /// Creates an earlier grant.
    public init(decided: String, accounted: Bool) {
        self.decided = decided
        self.accounted = accounted
    }
}
