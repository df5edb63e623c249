import Foundation

/// The OpenAPI 3.1 document of the HTTP API, served at `GET /openapi.json`: the compact JSON
/// that `protocol/openapi-build.py` writes from `protocol/openapi.yaml` into the MAEXNode
/// target's resources (`Sources/MAEXNode/Resources/openapi.json`).
///
/// SwiftPM copies resources into a bundle folder beside the executable it builds
/// (`maex-node_MAEXNode.resources`); an installed `maex-node` needs that folder beside it too
/// (`docker/Dockerfile` copies it). Without it the node still serves everything else and
/// `/openapi.json` answers 500.
enum OpenAPIDocument {
    /// The resource's file name.
    static let resourceName = "openapi.json"
    /// The names SwiftPM gives the target's resource bundle (Linux, Apple platforms).
    static let bundleNames = ["maex-node_MAEXNode.resources", "maex-node_MAEXNode.bundle"]

    /// The document's bytes, read once, or why they could not be.
    static let json: Result<[UInt8], OpenAPIDocumentError> = load(from: searchFolders())

    /// Reads the resource from the first of `folders` holding a resource bundle with it.
    static func load(from folders: [URL]) -> Result<[UInt8], OpenAPIDocumentError> {
        let files = folders.flatMap { folder in bundleNames.map { folder.appendingPathComponent($0).appendingPathComponent(resourceName) } }
        for file in files {
            if let data = FileManager.default.contents(atPath: file.path) { return .success(Array(data)) }
        }
        return .failure(OpenAPIDocumentError(searched: files.map(\.path)))
    }

    /// Where resource bundles are looked for: the running executable's folder, as SwiftPM's own
    /// accessor does, and the folder of the file it is linked from (an installed symlink).
    static func searchFolders() -> [URL] {
        var folders = [Bundle.main.bundleURL.standardizedFileURL]
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            let folder = URL(fileURLWithPath: target).resolvingSymlinksInPath().deletingLastPathComponent().standardizedFileURL
            if !folders.contains(folder) { folders.append(folder) }
        }
        return folders
    }
}

/// The OpenAPI document's resource was not found beside the executable.
struct OpenAPIDocumentError: Error, CustomStringConvertible {
    /// The files looked for.
    let searched: [String]

    var description: String {
        "the OpenAPI document is not installed beside the executable (looked for \(searched.joined(separator: ", ")))"
    }
}
