import Hummingbird

extension RouteCatalog {
    /// The privacy page, generated from the node's `[privacy]` settings.
    static let privacyPage = Endpoint(method: .get, path: "/privacy")
    /// The accessibility statement.
    static let accessibilityPage = Endpoint(method: .get, path: "/toegankelijkheid")
}
