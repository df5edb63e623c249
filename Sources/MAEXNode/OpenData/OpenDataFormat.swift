/// The formats of `maex-node export`.
public enum OpenDataFormat: String, CaseIterable, Sendable {
    /// Open Referral HSDS 3.0 JSON: organizations, services, taxonomies and terms.
    case hsds
    /// CSV tables: initiatives, needs, offers and the handprint per SDG, municipality and year.
    case csv
    /// A 360Giving 1.4 package (JSON) of the grants and donations the node holds.
    case giving = "360giving"
    /// The same as 360Giving's flat CSV.
    case givingCSV = "360giving-csv"

    /// Whether the format is one of 360Giving's (one file, printed when no folder is named).
    public var isGiving: Bool { self == .giving || self == .givingCSV }
}

/// Why an export wrote nothing.
public enum OpenDataError: Error, Equatable, CustomStringConvertible {
    /// The node holds no grants, and a 360Giving package must hold at least one.
    case noGrants
    /// A file the export would write exists already.
    case fileExists(String)
    /// Writing failed.
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .noGrants:
            return "this node holds no grants, and a 360Giving package must hold at least one (grants: minItems 1): nothing was written"
        case .fileExists(let path): return "\(path) exists already: nothing was written (choose another --out or remove it)"
        case .writeFailed(let path, let reason): return "could not write \(path): \(reason)"
        }
    }
}
