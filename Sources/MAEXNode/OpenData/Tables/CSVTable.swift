import Foundation

/// A table of text cells written as CSV (RFC 4180: comma-separated, CRLF line ends, a cell
/// quoted when it holds a comma, a quote, a line break or leading/trailing spaces, quotes
/// doubled; UTF-8 without a byte-order mark). Pure.
public struct CSVTable: Sendable, Equatable {
    /// The column names.
    public var header: [String]
    /// The rows, each as wide as the header.
    public var rows: [[String]]

    /// A table.
    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    /// The CSV text.
    public var text: String {
        ([header] + rows).map { $0.map(Self.cell).joined(separator: ",") + "\r\n" }.joined()
    }

    private static func cell(_ value: String) -> String {
        let needsQuotes = value.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || value.first == " " || value.last == " "
        return needsQuotes ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
    }
}
