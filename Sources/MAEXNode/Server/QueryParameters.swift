import Foundation

/// The query of a request URI, decoded as a form (`+` is a space, `%XX` escapes), first value
/// per name. Malformed escapes are refused rather than guessed at.
struct QueryParameters: Sendable {
    private var values: [String: String] = [:]

    /// Parses the raw query (without `?`); `nil` is an empty query.
    init(_ query: String?) throws {
        guard let query, !query.isEmpty else { return }
        guard query.utf8.count <= 8192 else { throw APIError.invalidParameter("the query is longer than 8192 bytes") }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try Self.decode(parts[0])
            let value = parts.count > 1 ? try Self.decode(parts[1]) : ""
            if values[name] == nil { values[name] = value }
        }
    }

    /// The value of `name`, if given.
    subscript(_ name: String) -> String? { values[name] }

    /// An integer parameter within `range`, or `fallback` when absent.
    func integer(_ name: String, in range: ClosedRange<Int>, default fallback: Int) throws -> Int {
        guard let text = values[name] else { return fallback }
        guard let number = Int(text), range.contains(number) else {
            throw APIError.invalidParameter("\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    private static func decode(_ text: Substring) throws -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        guard let decoded = spaced.removingPercentEncoding else {
            throw APIError.invalidParameter("the query holds a malformed %-escape")
        }
        return decoded
    }
}
