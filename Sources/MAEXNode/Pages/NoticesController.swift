import Hummingbird

/// The privacy page (`/privacy`) and the accessibility statement (`/toegankelijkheid`), both
/// generated from the node's information and its `[privacy]` settings. Static per process.
struct NoticesController: Sendable {
    let dependencies: ServerDependencies

    func addRoutes(to router: Router<some RequestContext>) {
        router.on(RouteCatalog.privacyPage) { _, _ in
            try render(.privacy, title: "Privacyverklaring", context: NoticePage.privacy(info, dependencies.node.privacy))
        }
        router.on(RouteCatalog.accessibilityPage) { _, _ in
            try render(.accessibility, title: "Toegankelijkheidsverklaring", context: NoticePage.accessibility(info, dependencies.node.privacy))
        }
    }

    private var info: NodeInfo { dependencies.node.info }

    private func render(_ template: PageTemplate, title: String, context: [String: Any]) throws -> Response {
        let html = try PageRenderer.shared.get().page(template, title: title, nodeName: info.name, context: context)
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }
}
