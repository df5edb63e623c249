import Foundation
import Hummingbird
import HummingbirdTesting
import MAEXCore
import MAEXWire
import XCTest

@testable import MAEXNode

/// The served OpenAPI document, `protocol/openapi.json` and `protocol/openapi.yaml` (the
/// source) agree, and the document lists exactly the server's routes.
final class ServerOpenAPITests: XCTestCase {
    private static let protocolFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("protocol")

    private static func decode(_ data: Data) throws -> JSONValue { try JSONDecoder().decode(WireJSON.self, from: data).value }

    private static func served() async throws -> JSONValue {
        let node = try ServerTestNode()
        defer { node.remove() }
        return try await node.app().test(.router) { client in
            let response = try await client.execute(uri: "/openapi.json", method: .get)
            XCTAssertEqual(response.status, .ok)
            XCTAssertEqual(response.headers[.contentType], "application/json; charset=utf-8")
            return try Self.decode(Data(response.body.readableBytesView))
        }
    }

    func testServedDocumentEqualsTheJSONFileAndTheYAMLSource() async throws {
        let served = try await Self.served()
        let file = try Self.decode(Data(contentsOf: Self.protocolFolder.appendingPathComponent("openapi.json")))
        XCTAssertEqual(served, file, "run python3 protocol/openapi-build.py after editing openapi.yaml")
        let yaml = try String(contentsOf: Self.protocolFolder.appendingPathComponent("openapi.yaml"), encoding: .utf8)
        let source = try MiniYAML.parse(yaml)
        XCTAssertEqual(source, file, "protocol/openapi.json is stale: run python3 protocol/openapi-build.py")
        XCTAssertEqual(source.objectValue?["openapi"], .string("3.1.0"))
    }

    func testDocumentListsExactlyTheServersRoutes() async throws {
        let document = try await Self.served()
        guard let paths = document.objectValue?["paths"]?.objectValue else { return XCTFail("no paths") }
        var listed = Set<String>()
        for (path, item) in paths {
            for method in item.objectValue?.keys.sorted() ?? [] { listed.insert("\(method.uppercased()) \(path)") }
        }
        XCTAssertEqual(listed, Set(RouteCatalog.all.map(\.description)))
        XCTAssertEqual(RouteCatalog.all.count, 29 + RouteCatalog.openData.count)
        for (path, item) in paths {
            for (method, operation) in item.objectValue ?? [:] {
                let responses = operation.objectValue?["responses"]?.objectValue
                XCTAssertNotNil(responses?["200"] ?? responses?["201"], "\(method) \(path) documents its answer")
            }
        }
    }

    func testMiniYAMLReadsTheSubsetAndRefusesTheRest() throws {
        let text = """
            # a comment
            name: "Repair \\"Café\\""
            count: 3
            flag: true
            nothing: null
            list: [a, "b c", 2]
            empty: {}
            nested:
              - plain words
              - key: value
                other: 'it''s'
              -
                deep: 1
            """
        XCTAssertEqual(
            try MiniYAML.parse(text),
            .object([
                "name": .string("Repair \"Café\""), "count": .int(3), "flag": .bool(true), "nothing": .null,
                "list": .array([.string("a"), .string("b c"), .int(2)]), "empty": .object([:]),
                "nested": .array([
                    .string("plain words"), .object(["key": .string("value"), "other": .string("it's")]), .object(["deep": .int(1)]),
                ]),
            ]))
        XCTAssertThrowsError(try MiniYAML.parse("text: |\n  block\n"))
        XCTAssertThrowsError(try MiniYAML.parse("a: 1\n\tb: 2\n"))
        XCTAssertThrowsError(try MiniYAML.parse("anchor: &x 1\n"))
    }
}

/// A reader for the plain subset of YAML that `protocol/openapi.yaml` is written in: block
/// mappings and sequences indented with spaces, plain, single- and double-quoted scalars,
/// flow lists of scalars and `{}`. Anything else throws, so the test never reads YAML wrongly
/// in silence.
enum MiniYAML {
    struct Failure: Error, CustomStringConvertible {
        let line: Int
        let reason: String
        var description: String { "line \(line): \(reason)" }
    }

    private struct Line {
        var number: Int
        var indent: Int
        var text: String
    }

    static func parse(_ text: String) throws -> JSONValue {
        var lines: [Line] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = try stripComment(String(raw), line: index + 1)
            guard !content.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            guard !content.hasPrefix("\t"), !content.contains("\t") else { throw Failure(line: index + 1, reason: "tab") }
            let indent = content.prefix { $0 == " " }.count
            lines.append(
                Line(number: index + 1, indent: indent, text: String(content.dropFirst(indent)).trimmingCharacters(in: .whitespaces)))
        }
        var position = 0
        guard let first = lines.first else { return .null }
        let value = try block(&lines, &position, indent: first.indent)
        if position < lines.count { throw Failure(line: lines[position].number, reason: "unexpected indentation") }
        return value
    }

    private static func block(_ lines: inout [Line], _ position: inout Int, indent: Int) throws -> JSONValue {
        let isSequence = lines[position].text == "-" || lines[position].text.hasPrefix("- ")
        if isSequence {
            var items: [JSONValue] = []
            while position < lines.count, lines[position].indent == indent,
                lines[position].text == "-" || lines[position].text.hasPrefix("- ")
            {
                let rest = String(lines[position].text.dropFirst(1)).trimmingCharacters(in: .whitespaces)
                if rest.isEmpty {
                    position += 1
                    guard position < lines.count, lines[position].indent > indent else { items.append(.null); continue }
                    items.append(try block(&lines, &position, indent: lines[position].indent))
                } else if try splitKey(rest, line: lines[position].number) != nil {
                    let inner = indent + 2
                    lines[position] = Line(number: lines[position].number, indent: inner, text: rest)
                    items.append(try block(&lines, &position, indent: inner))
                } else {
                    items.append(try scalar(rest, line: lines[position].number))
                    position += 1
                }
            }
            return .array(items)
        }
        var members: [String: JSONValue] = [:]
        while position < lines.count, lines[position].indent == indent {
            let line = lines[position]
            guard let (key, rest) = try splitKey(line.text, line: line.number) else {
                throw Failure(line: line.number, reason: "expected key: value")
            }
            guard members[key] == nil else { throw Failure(line: line.number, reason: "duplicate key \(key)") }
            position += 1
            if rest.isEmpty {
                if position < lines.count, lines[position].indent > indent {
                    members[key] = try block(&lines, &position, indent: lines[position].indent)
                } else {
                    members[key] = .null
                }
            } else {
                members[key] = try scalar(rest, line: line.number)
            }
        }
        if position < lines.count, lines[position].indent > indent {
            throw Failure(line: lines[position].number, reason: "bad indentation")
        }
        return .object(members)
    }

    /// `key: rest` or `key:`, with a plain or quoted key; nil when the text is no mapping entry.
    private static func splitKey(_ text: String, line: Int) throws -> (String, String)? {
        var index = text.startIndex
        var key: String
        if text.first == "\"" || text.first == "'" {
            guard let end = closingQuote(text) else { throw Failure(line: line, reason: "unterminated quote") }
            key = try (scalar(String(text[...end]), line: line)).stringValue ?? ""
            index = text.index(after: end)
            guard index < text.endIndex, text[index] == ":" else { return nil }
        } else {
            guard let colon = text.firstRange(of: ": ")?.lowerBound ?? (text.hasSuffix(":") ? text.index(before: text.endIndex) : nil)
            else {
                return nil
            }
            key = String(text[..<colon])
            index = colon
            if key.hasPrefix("[") || key.hasPrefix("{") { return nil }
        }
        let rest = String(text[text.index(after: index)...]).trimmingCharacters(in: .whitespaces)
        return (key, rest)
    }

    private static func closingQuote(_ text: String) -> String.Index? {
        guard let quote = text.first else { return nil }
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            if quote == "\"", text[index] == "\\" {
                index = text.index(index, offsetBy: 2, limitedBy: text.endIndex) ?? text.endIndex
                continue
            }
            if text[index] == quote {
                let next = text.index(after: index)
                if quote == "'", next < text.endIndex, text[next] == "'" {
                    index = text.index(after: next)
                    continue
                }
                return index
            }
            index = text.index(after: index)
        }
        return nil
    }

    private static func scalar(_ text: String, line: Int) throws -> JSONValue {
        if text.hasPrefix("\"") {
            guard closingQuote(text) == text.index(before: text.endIndex) else {
                throw Failure(line: line, reason: "bad double-quoted scalar")
            }
            let decoded = try JSONDecoder().decode(String.self, from: Data(text.utf8))
            return .string(decoded)
        }
        if text.hasPrefix("'") {
            guard closingQuote(text) == text.index(before: text.endIndex) else {
                throw Failure(line: line, reason: "bad single-quoted scalar")
            }
            return .string(String(text.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'"))
        }
        if text == "{}" { return .object([:]) }
        if text.hasPrefix("[") {
            guard text.hasSuffix("]") else { throw Failure(line: line, reason: "bad flow list") }
            let inner = text.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
            guard !inner.isEmpty else { return .array([]) }
            return .array(try inner.split(separator: ",").map { try scalar($0.trimmingCharacters(in: .whitespaces), line: line) })
        }
        if let first = text.first, "&*!|>%@`{".contains(first) { throw Failure(line: line, reason: "unsupported YAML: \(text.prefix(20))") }
        switch text {
        case "null", "~": return .null
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "yes", "no", "on", "off", "y", "n": throw Failure(line: line, reason: "ambiguous boolean \(text)")
        default: break
        }
        if let number = Int64(text) { return .int(number) }
        if Double(text) != nil { throw Failure(line: line, reason: "floating point \(text)") }
        return .string(text)
    }

    private static func stripComment(_ line: String, line number: Int) throws -> String {
        var inDouble = false
        var inSingle = false
        var previous: Character = " "
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if character == "\"", !inSingle, previous != "\\" { inDouble.toggle() }
            if character == "'", !inDouble { inSingle.toggle() }
            if character == "#", !inDouble, !inSingle, previous == " " || index == line.startIndex {
                return String(line[..<index])
            }
            previous = character
            index = line.index(after: index)
        }
        return line
    }
}

/// Where the served document comes from: the MAEXNode target's resource bundle.
final class OpenAPIResourceTests: XCTestCase {
    func testTheResourceIsFoundBesideTheExecutableAndEqualsTheJSONFile() throws {
        let bytes = try OpenAPIDocument.json.get()
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let source = try Data(contentsOf: folder.appendingPathComponent("Sources/MAEXNode/Resources/openapi.json"))
        XCTAssertEqual(bytes, Array(source))
    }

    func testAMissingResourceIsAnErrorNamingWhereItLooked() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("maex-openapi-\(UUID().uuidString)")
        guard case .failure(let error) = OpenAPIDocument.load(from: [empty]) else { return XCTFail("found a document in an empty folder") }
        let expected = empty.appendingPathComponent("maex-node_MAEXNode.resources/openapi.json").path
        XCTAssertTrue(error.description.contains(expected), error.description)
    }
}
