import MAEXCore

/// Prints JSON in the canonical form: compact, keys sorted, one document per line.
enum JSONOutput {
    /// Prints a value.
    static func print(_ value: JSONValue) {
        Swift.print(value.canonicalString)
    }

    /// Prints an object.
    static func print(_ members: [String: JSONValue]) {
        print(.object(members))
    }

    /// Prints an array of objects.
    static func print(_ items: [[String: JSONValue]]) {
        print(.array(items.map(JSONValue.object)))
    }
}
