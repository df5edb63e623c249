import MAEXCore

/// Whose change sets a store accepts.
public enum StoreAuthority: Hashable, Sendable {
    /// Every correctly signed change set of the realm, whoever wrote it: no certificates are
    /// checked. For tests and benchmarks of the log and merge machinery only; a node always
    /// opens its store with `.network`.
    case unrestricted
    /// The network rooted at this key: authors need certificates and authority over the
    /// records they touch (`AuthorityRules`); revocations retract (`RetractionRules`).
    case network(root: NodeID)

    /// The root, when certificates are checked.
    public var root: NodeID? {
        switch self {
        case .unrestricted: nil
        case .network(let root): root
        }
    }
}
