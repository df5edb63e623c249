/// The licence the node's open data is published under: CC BY 4.0 unless the node's
/// configuration names another (`[open_data] licence` and `licence_url`).
public struct OpenDataLicence: Sendable, Hashable {
    /// The licence's name, e.g. `CC BY 4.0`.
    public var name: String
    /// Where it is written down.
    public var url: String

    /// A licence.
    public init(name: String, url: String) {
        self.name = name
        self.url = url
    }

    /// Creative Commons Attribution 4.0 International.
    public static let ccBy40 = OpenDataLicence(name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/deed.nl")

    /// The licence line every download and page carries.
    public func line(source: String) -> String {
        "Licentie: \(name) (\(url)). Bron: \(source), via MAEX."
    }
}
