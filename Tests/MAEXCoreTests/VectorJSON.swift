import Foundation
import MAEXCore

/// Reading and writing the golden vector files in `protocol/vectors/`.
///
/// The files are ordinary (pretty-printed) JSON so that any language reads them; values inside
/// them are restricted to what `JSONValue` holds (no floating point).
enum VectorJSON {
    struct VectorError: Error, CustomStringConvertible {
        let description: String
    }

    /// The package root, found from this source file: `Tests/MAEXCoreTests/VectorJSON.swift`.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `protocol/vectors/` in the package.
    static let directory: URL = packageRoot.appendingPathComponent("protocol/vectors", isDirectory: true)

    /// Every vector file, in the order the tests check them.
    static let fileNames = ["keys.json", "canonical-json.json", "changesets.json", "rejections.json", "merge.json", "receive.json"]

    /// Loads one vector file as a `JSONValue`.
    static func load(_ name: String) throws -> JSONValue {
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        return try JSONDecoder().decode(AnyJSON.self, from: data).value
    }

    /// The text a vector file holds for `value`: two-space indentation, keys sorted by UTF-8
    /// bytes, strings escaped exactly as in canonical JSON, a final newline.
    static func pretty(_ value: JSONValue) -> String {
        var out = ""
        write(value, indent: "", to: &out)
        return out + "\n"
    }

    private static func write(_ value: JSONValue, indent: String, to out: inout String) {
        let inner = indent + "  "
        switch value {
        case .array(let items) where !items.isEmpty:
            // Short arrays of scalars stay on one line.
            if items.allSatisfy(\.vectorIsScalar), items.count <= 4 {
                out += value.canonicalString
                return
            }
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += inner
                write(item, indent: inner, to: &out)
                out += index == items.count - 1 ? "\n" : ",\n"
            }
            out += indent + "]"
        case .object(let members) where !members.isEmpty:
            out += "{\n"
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (index, key) in keys.enumerated() {
                out += inner + JSONValue.string(key).canonicalString + ": "
                if let member = members[key] { write(member, indent: inner, to: &out) }
                out += index == keys.count - 1 ? "\n" : ",\n"
            }
            out += indent + "}"
        default:
            out += value.canonicalString
        }
    }
}

/// A `Decodable` view of any JSON value without floating point, for reading vector files.
struct AnyJSON: Decodable {
    let value: JSONValue

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            value = .null
        } else if let bool = try? container.decode(Bool.self) {
            value = .bool(bool)
        } else if let int = try? container.decode(Int64.self) {
            value = .int(int)
        } else if let string = try? container.decode(String.self) {
            value = .string(string)
        } else if let array = try? container.decode([AnyJSON].self) {
            value = .array(array.map(\.value))
        } else {
            value = .object(try container.decode([String: AnyJSON].self).mapValues(\.value))
        }
    }
}

extension JSONValue {
    /// Whether this is neither an array nor an object.
    var vectorIsScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    /// A member of an object, failing when absent. (Test-only accessors carry a `vector` prefix so
    /// they cannot collide with members the core may add to `JSONValue`.)
    func vectorMember(_ key: String) throws -> JSONValue {
        guard let value = objectValue?[key] else { throw VectorJSON.VectorError(description: "vector lacks \"\(key)\"") }
        return value
    }

    /// A string member.
    func vectorString(_ key: String) throws -> String {
        guard let text = try vectorMember(key).stringValue else { throw VectorJSON.VectorError(description: "\"\(key)\" is not a string") }
        return text
    }

    /// An integer member.
    func vectorInt(_ key: String) throws -> Int64 {
        guard let number = try vectorMember(key).intValue else { throw VectorJSON.VectorError(description: "\"\(key)\" is not an integer") }
        return number
    }

    /// An array member.
    func vectorArray(_ key: String) throws -> [JSONValue] {
        guard let items = try vectorMember(key).arrayValue else { throw VectorJSON.VectorError(description: "\"\(key)\" is not an array") }
        return items
    }

    /// A hex member decoded to bytes.
    func vectorBytes(_ key: String) throws -> [UInt8] {
        guard let bytes = Hex.decode(try vectorString(key)) else {
            throw VectorJSON.VectorError(description: "\"\(key)\" is not lowercase hex")
        }
        return bytes
    }
}
