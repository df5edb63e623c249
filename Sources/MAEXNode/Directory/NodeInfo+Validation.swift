import Foundation
import MAEXCore

extension NodeInfo {
    /// The longest node name accepted, in characters.
    public static let maxNameLength = 200

    /// Checks the name, every scope code against the role, and the realm.
    public func validate() throws(NodeDirectoryError) {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, name.count <= Self.maxNameLength, !name.contains(where: \.isNewline) else {
            throw .invalidName(name)
        }
        guard !scope.isEmpty else { throw .emptyScope(role: role) }
        if let bad = scope.first(where: { !role.isValidScopeCode($0) }) { throw .invalidScope(code: bad, role: role) }
        guard EnvelopeRules.isValidRealm(realm) else { throw .invalidRealm(realm) }
        guard (role == .national) == (root == nodeID) else { throw .rootMismatch(role: role) }
    }

    /// The role certificates give this node (`nil` for the national node: it holds the root).
    public var trustRole: TrustRole? {
        switch role {
        case .municipality: .municipality
        case .province: .province
        case .fund: .fund
        case .national: nil
        }
    }

    /// Splits a comma-separated list of scope codes as typed on a command line (`GM0718,GM0716`).
    public static func scopeCodes(from text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The municipality codes this node may author initiatives for; `nil` when not limited to a
    /// list (province, national and fund nodes: their authority is checked by the network).
    public var authoringMunicipalities: Set<String>? {
        role == .municipality ? Set(scope) : nil
    }
}
