import Hummingbird

/// One endpoint of the HTTP API: method and path template (`{name}` marks a path parameter,
/// as in OpenAPI).
struct Endpoint: Hashable, Sendable, CustomStringConvertible {
    /// The method.
    let method: HTTPRequest.Method
    /// The path template, e.g. `/v1/initiatives/{id}`.
    let path: String

    /// Whether a concrete request path fits the template.
    func matches(path requestPath: String) -> Bool {
        let template = path.split(separator: "/", omittingEmptySubsequences: false)
        let actual = requestPath.split(separator: "/", omittingEmptySubsequences: false)
        guard template.count == actual.count else { return false }
        return zip(template, actual).allSatisfy { pattern, segment in
            pattern.hasPrefix("{") ? !segment.isEmpty : pattern == segment
        }
    }

    var description: String { "\(method.rawValue) \(path)" }
}
