/// Reads RFC 4180 CSV (as `CSVTable` writes it; LF line ends are accepted too). Pure.
public enum CSVReader {
    /// A malformed CSV text.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        /// The 1-based line where it went wrong.
        public let line: Int
        /// What is wrong.
        public let reason: String
        public var description: String { "CSV line \(line): \(reason)" }
    }

    /// The table in `text`: the first record is the header; every row must be as wide.
    public static func table(_ text: String) throws(Failure) -> CSVTable {
        let records = try records(text)
        guard let header = records.first else { throw Failure(line: 1, reason: "no header") }
        for (index, row) in records.dropFirst().enumerated() where row.count != header.count {
            throw Failure(line: index + 2, reason: "\(row.count) cells where the header has \(header.count)")
        }
        return CSVTable(header: header, rows: Array(records.dropFirst()))
    }

    /// Every record of `text`, as cells.
    public static func records(_ text: String) throws(Failure) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var cell = ""
        var quoted = false
        var afterQuote = false
        var line = 1
        var characters = Array(text.unicodeScalars)[...]
        while let scalar = characters.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if characters.first == "\"" { cell.unicodeScalars.append("\""); characters.removeFirst() } else { quoted = false; afterQuote = true }
                } else {
                    if scalar == "\n" { line += 1 }
                    cell.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                guard cell.isEmpty, !afterQuote else { throw Failure(line: line, reason: "a quote inside an unquoted cell") }
                quoted = true
            case ",":
                record.append(cell)
                (cell, afterQuote) = ("", false)
            case "\r" where characters.first == "\n":
                continue
            case "\n":
                record.append(cell)
                records.append(record)
                (record, cell, afterQuote) = ([], "", false)
                line += 1
            default:
                guard !afterQuote else { throw Failure(line: line, reason: "text after a closing quote") }
                cell.unicodeScalars.append(scalar)
            }
        }
        if quoted { throw Failure(line: line, reason: "an unterminated quoted cell") }
        if !cell.isEmpty || !record.isEmpty || afterQuote {
            record.append(cell)
            records.append(record)
        }
        return records
    }
}
