import Foundation
import MAEXCore
import MAEXStore

/// `maex-node export`: writes what the node holds as open data into a folder: the CSV tables
/// (`OpenDataTables`) or the HSDS 3.0 JSON files (`organizations.json`, `services.json`,
/// `taxonomies.json`, `taxonomy_terms.json`, each an array), with `LICENTIE.txt`. Nothing is
/// written when a file exists already. The 360Giving forms (`GivingExport`: the Impuls grants and
/// the dated donations the node holds) need at least one grant; without one the export refuses
/// (`OpenDataError.noGrants`).
public enum OpenDataExport {
    /// Writes `format` into the folder `out` (created when missing); returns the paths written.
    public static func write(
        _ format: OpenDataFormat, store: NodeStore, source: String, licence: OpenDataLicence, to out: URL
    ) throws -> [String] {
        let files = try self.files(format, store: store) + [("LICENTIE.txt", Data((licence.line(source: source) + "\n").utf8))]
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

    /// The files of `format`, by name.
    static func files(_ format: OpenDataFormat, store: NodeStore) throws -> [(String, Data)] {
        switch format {
        case .csv:
            return OpenDataTables.all(try OpenDataRegister.load(from: store)).map { ($0.name, Data($0.table.text.utf8)) }
        case .hsds:
            let mapper = HSDSMapper(register: try OpenDataRegister.load(from: store))
            return [
                ("organizations.json", try encode(mapper.organizations())), ("services.json", try encode(mapper.services())),
                ("taxonomies.json", try encode(OpenDataTaxonomy.all.map(HSDSTaxonomy.init))),
                ("taxonomy_terms.json", try encode(OpenDataTaxonomy.all.flatMap(\.terms).map(HSDSTaxonomyTerm.init))),
            ]
        case .giving: return [("360giving.json", try giving(format, store: store))]
        case .givingCSV: return [("360giving.csv", try giving(format, store: store))]
        }
    }

    /// The 360Giving package (JSON) or table (CSV) of the grants and donations `store` holds.
    /// - Throws: `OpenDataError.noGrants` when it holds no grant (a package needs one).
    public static func giving(_ format: OpenDataFormat, store: NodeStore) throws -> Data {
        let held = try store.impulsRecords()
        var initiatives: [String: RecordState] = [:]
        for (key, state) in try store.records(type: RecordSchema.initiative.type) { initiatives[key.id] = state }
        guard !GivingExport.grants(held, initiatives: initiatives).isEmpty else { throw OpenDataError.noGrants }
        if format == .givingCSV { return Data(GivingExport.csv(held, initiatives: initiatives).utf8) }
        return try GivingExport.json(held, initiatives: initiatives)
    }

    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return try encoder.encode(value)
    }
}
