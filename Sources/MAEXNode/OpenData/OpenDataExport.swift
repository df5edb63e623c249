import Foundation
import MAEXStore

/// `maex-node export`: writes what the node holds as open data into a folder: the CSV tables
/// (`OpenDataTables`) or the HSDS 3.0 JSON files (`organizations.json`, `services.json`,
/// `taxonomies.json`, `taxonomy_terms.json`, each an array), with `LICENTIE.txt`. Nothing is
/// written when a file exists already. A 360Giving package needs grants, which no node holds
/// yet: that export refuses (`OpenDataError.noGrants`).
public enum OpenDataExport {
    /// Writes `format` into the folder `out` (created when missing); returns the paths written.
    public static func write(
        _ format: OpenDataFormat, store: NodeStore, source: String, licence: OpenDataLicence, to out: URL
    ) throws -> [String] {
        let register = try OpenDataRegister.load(from: store)
        let files = try self.files(format, register: register)
            + [("LICENTIE.txt", Data((licence.line(source: source) + "\n").utf8))]
        let targets = files.map { out.appendingPathComponent($0.0) }
        if let existing = targets.first(where: { FileManager.default.fileExists(atPath: $0.path) }) {
            throw OpenDataError.fileExists(existing.path)
        }
        do {
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            for (target, file) in zip(targets, files) { try file.1.write(to: target, options: .withoutOverwriting) }
        } catch {
            throw OpenDataError.writeFailed(path: out.path, reason: "\(error)")
        }
        return targets.map(\.path)
    }

    /// The files of `format`, by name (pure apart from encoding).
    static func files(_ format: OpenDataFormat, register: OpenDataRegister) throws -> [(String, Data)] {
        switch format {
        case .csv:
            return OpenDataTables.all(register).map { ($0.name, Data($0.table.text.utf8)) }
        case .hsds:
            let mapper = HSDSMapper(register: register)
            return [
                ("organizations.json", try encode(mapper.organizations())), ("services.json", try encode(mapper.services())),
                ("taxonomies.json", try encode(OpenDataTaxonomy.all.map(HSDSTaxonomy.init))),
                ("taxonomy_terms.json", try encode(OpenDataTaxonomy.all.flatMap(\.terms).map(HSDSTaxonomyTerm.init))),
            ]
        case .giving:
            throw OpenDataError.noGrants
        }
    }

    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return try encoder.encode(value)
    }
}
