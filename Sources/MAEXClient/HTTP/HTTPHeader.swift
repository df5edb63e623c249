/// One header field of a request or response.
public struct HTTPHeader: Sendable, Hashable {
    /// The field name as sent or received (compare case-insensitively).
    public var name: String
    /// The field value, without surrounding whitespace.
    public var value: String

    /// Creates a header field.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

extension Sequence<HTTPHeader> {
    /// The value of the first field named `name` (case-insensitive), if any.
    public func value(forName name: String) -> String? {
        let wanted = name.lowercased()
        return first { $0.name.lowercased() == wanted }?.value
    }
}
