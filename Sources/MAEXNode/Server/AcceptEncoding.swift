import Foundation

/// Reads `Accept-Encoding`: does the client take gzip? Pure.
enum AcceptEncoding {
    /// Whether the header accepts `gzip`: named with a quality above zero, or `*` above zero
    /// without gzip refused by name.
    static func allowsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        var wildcard: Bool?
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let name = parts.first else { continue }
            let quality =
                parts.dropFirst().compactMap { parameter -> Double? in
                    guard parameter.hasPrefix("q=") else { return nil }
                    return Double(parameter.dropFirst(2))
                }.first ?? 1
            if name == "gzip" || name == "x-gzip" { return quality > 0 }
            if name == "*" { wildcard = quality > 0 }
        }
        return wildcard ?? false
    }
}
