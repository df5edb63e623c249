import Foundation
import MAEXCore

/// A partner's goals (a municipality, province, fund or company): the SDGs it wants served in
/// an area, stated in the node's configuration (`[[partners]]` in its TOML) and shown on
/// `/partner/{slug}`.
public struct PartnerGoals: Sendable, Hashable {
    /// The page's name in the URL: lowercase letters, digits and hyphens.
    public var slug: String
    /// The partner's name.
    public var name: String
    /// The area: municipality (`GM0718`) and province (`PV29`) codes, or `NL`.
    public var area: [String]
    /// The SDGs, 1 to 17, ascending.
    public var goals: [Int]

    /// A partner's goals, or the reason a value does not fit.
    public static func make(slug: String, name: String, area: [String], goals: [Int]) -> Result<PartnerGoals, PartnerGoalsError> {
        guard !slug.isEmpty, slug.count <= 60, slug.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
        else { return .failure(.init("slug \(slug.prefix(60)) must be lowercase letters, digits and hyphens (at most 60)")) }
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { return .failure(.init("partner \(slug) needs a name")) }
        guard !area.isEmpty, area.allSatisfy(Self.isArea) else {
            return .failure(.init("partner \(slug): area must list municipality (GM0718) or province (PV29) codes, or NL"))
        }
        guard !goals.isEmpty, goals.allSatisfy({ (1...17).contains($0) }) else {
            return .failure(.init("partner \(slug): goals must be SDG numbers from 1 to 17"))
        }
        return .success(PartnerGoals(slug: slug, name: name, area: area, goals: Array(Set(goals)).sorted()))
    }

    /// The municipalities of the area (`nil`: every municipality).
    var municipalities: Set<String>? {
        if area.contains("NL") { return nil }
        return Set(area.flatMap { code in code.hasPrefix("PV") ? Municipalities.inProvince(code).map(\.code) : [code] })
    }

    private static func isArea(_ code: String) -> Bool {
        code == "NL" || CodePattern.municipality.matches(code) || (CodePattern.area.matches(code) && code.hasPrefix("PV"))
    }

    private init(slug: String, name: String, area: [String], goals: [Int]) {
        self.slug = slug
        self.name = name
        self.area = area
        self.goals = goals
    }
}

/// Why partner goals were refused.
public struct PartnerGoalsError: Error, Hashable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
