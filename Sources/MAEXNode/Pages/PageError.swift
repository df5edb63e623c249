/// Why a page could not be rendered: a fault of this software, never of the request.
enum PageError: Error, CustomStringConvertible {
    /// A template is not in the library.
    case missingTemplate(String)

    var description: String {
        switch self {
        case .missingTemplate(let name): "page template \"\(name)\" is missing"
        }
    }
}
