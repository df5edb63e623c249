import MAEXCore
import Mustache

/// Renders the pages: a page template into the layout. The templates are parsed once.
struct PageRenderer: Sendable {
    private let library: MustacheLibrary

    /// Parses every template.
    init() throws {
        var library = MustacheLibrary()
        for template in PageTemplate.allCases {
            try library.register(template.text, named: template.rawValue)
        }
        self.library = library
    }

    /// The templates parsed once for the process; a parse failure is reported on each render.
    static let shared: Result<PageRenderer, any Error> = Result { try PageRenderer() }

    /// Renders `template` with `context` inside the layout, titled `title`.
    func page(_ template: PageTemplate, title: String, nodeName: String, context: [String: Any]) throws -> String {
        guard let body = library.render(context, withTemplate: template.rawValue) else {
            throw PageError.missingTemplate(template.rawValue)
        }
        let layout: [String: Any] = [
            "title": title, "nodeName": nodeName, "css": PageStyle.css + PageStyle.forms, "body": body,
            "catalogueVersion": ValuationCatalogue.catalogueVersion,
        ]
        guard let html = library.render(layout, withTemplate: PageTemplate.layout.rawValue) else {
            throw PageError.missingTemplate(PageTemplate.layout.rawValue)
        }
        return html
    }
}
