import MAEXCore
import Mustache

/// Renders the pages: a page template into the layout. The templates are parsed once.
struct PageRenderer: Sendable {
    private let library: MustacheLibrary

    /// Parses every template.
    init() throws {
        var library = MustacheLibrary()
        for (name, text) in PageTemplates.all.sorted(by: { $0.key < $1.key }) {
            try library.register(text, named: name)
        }
        self.library = library
    }

    /// The templates parsed once for the process; a parse failure is reported on each render.
    static let shared: Result<PageRenderer, any Error> = Result { try PageRenderer() }

    /// Renders template `name` with `context` inside the layout, titled `title`.
    func page(_ name: String, title: String, nodeName: String, context: [String: Any]) throws -> String {
        guard let body = library.render(context, withTemplate: name) else { throw PageError.missingTemplate(name) }
        let layout: [String: Any] = [
            "title": title, "nodeName": nodeName, "css": PageStyle.css + PageStyle.forms, "body": body,
            "catalogueVersion": ValuationCatalogue.catalogueVersion,
        ]
        guard let html = library.render(layout, withTemplate: "layout") else { throw PageError.missingTemplate("layout") }
        return html
    }
}
