import Foundation

/// A submitted HTML form (`application/x-www-form-urlencoded`): every value per name, in order.
/// Pure.
struct FormData: Sendable {
    private(set) var values: [String: [String]] = [:]

    /// Parses a form body; malformed `%`-escapes are kept as typed rather than guessed at.
    init(_ body: String) {
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            values[name, default: []].append(parts.count > 1 ? Self.decode(parts[1]) : "")
        }
    }

    /// An empty form.
    init() {}

    /// The first value of `name`, trimmed; empty when absent.
    subscript(_ name: String) -> String {
        (values[name]?.first ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Every value of `name` (checkbox groups).
    func all(_ name: String) -> [String] { values[name] ?? [] }

    /// Whether a checkbox `name` was ticked.
    func isChecked(_ name: String) -> Bool { !(values[name] ?? []).isEmpty }

    /// Sets a value (to pre-fill a form).
    mutating func set(_ name: String, _ value: String) { values[name] = [value] }

    /// Sets several values (to pre-fill a checkbox group).
    mutating func set(_ name: String, all: [String]) { values[name] = all }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
