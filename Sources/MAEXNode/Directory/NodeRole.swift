import MAEXCore

/// What kind of partner runs a node; it decides which scope codes the node may hold.
public enum NodeRole: String, CaseIterable, Codable, Sendable, CustomStringConvertible {
    /// A municipality node: scope codes are CBS municipality codes such as `GM0718`.
    case municipality
    /// A province hub: scope codes are province codes such as `PV29`.
    case province
    /// The national node: its only scope code is `NL`.
    case national
    /// A fund or partner node: scope codes are lowercase words naming its funds, e.g. `impuls`.
    case fund

    public var description: String { rawValue }

    /// Whether `code` is a valid scope code for this role.
    public func isValidScopeCode(_ code: String) -> Bool {
        switch self {
        case .municipality: CodePattern.municipality.matches(code)
        case .province: CodePattern.area.matches(code) && code.hasPrefix("PV")
        case .national: code == "NL"
        case .fund: CodePattern.word.matches(code)
        }
    }

    /// A short description of the scope codes this role takes, for error messages.
    public var scopeExplanation: String {
        switch self {
        case .municipality: "CBS municipality codes such as GM0718"
        case .province: "province codes such as PV29"
        case .national: "the code NL"
        case .fund: "lowercase words such as impuls (letters, digits and dashes)"
        }
    }
}
