import Foundation

extension PageFormat {
    /// Euro cents from an amount typed in euros (`1500`, `1.500,50`, `1500.50`, `€ 20`);
    /// `nil` when it is not an amount of at least zero.
    static func cents(fromEuros text: String) -> Int64? {
        var cleaned = text.replacingOccurrences(of: "€", with: "").replacingOccurrences(of: " ", with: "")
        if cleaned.contains(",") {
            cleaned = cleaned.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
        } else if let dot = cleaned.lastIndex(of: "."), cleaned.distance(from: dot, to: cleaned.endIndex) != 3 {
            cleaned = cleaned.replacingOccurrences(of: ".", with: "")
        }
        let parts = cleaned.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int64(parts[0]), whole >= 0, whole < 1_000_000_000, parts[0].allSatisfy(\.isNumber)
        else { return nil }
        guard parts.count == 2 else { return whole * 100 }
        guard parts[1].count == 2, parts[1].allSatisfy(\.isNumber), let fraction = Int64(parts[1]) else { return nil }
        return whole * 100 + fraction
    }
}
