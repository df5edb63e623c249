/// The Social Handprint at every level: per initiative, municipality, province and nationally.
public struct HandprintReport: Hashable, Sendable {
    /// By initiative id.
    public internal(set) var byInitiative: [String: Handprint] = [:]
    /// By municipality code.
    public internal(set) var byMunicipality: [String: Handprint] = [:]
    /// By province code (municipalities this version knows by name).
    public internal(set) var byProvince: [String: Handprint] = [:]
    /// Everything.
    public internal(set) var national = Handprint()

    /// An empty report.
    public init() {}

    /// The handprint of `initiative` (empty when it has none).
    public func initiative(_ id: String) -> Handprint { byInitiative[id] ?? Handprint() }

    /// The handprint of municipality `code` (empty when it has none).
    public func municipality(_ code: String) -> Handprint { byMunicipality[code] ?? Handprint() }

    /// The handprint of province `code` (empty when it has none).
    public func province(_ code: String) -> Handprint { byProvince[code] ?? Handprint() }
}
