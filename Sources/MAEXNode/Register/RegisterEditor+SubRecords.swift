import MAEXCore
import MAEXStore

/// The field names, short.
private typealias Field = RecordSchema.Field

extension RegisterEditor {
    /// Adds a record to a collection of a live initiative.
    public func addSubRecord(_ kind: SubRecordKind, to initiative: String, _ fields: [String: JSONValue]) throws -> RegisterEditResult {
        let parent = try liveInitiative(initiative)
        let municipality = try store.record(parent)?.value(of: Field.municipality) ?? .null
        let (values, problems) = Self.draft(kind, fields, initiative: initiative, municipality: municipality, prefix: "")
        guard problems.isEmpty else { throw RegisterEditError.invalid(problems) }
        let id = author.makeRecordID()
        let change = try author.author(.create(RecordKey(type: kind.schema.type, id: id), values))
        return RegisterEditResult(initiative: initiative, created: [kind: [id]], changeSet: change.signed)
    }

    /// Sets fields of a live record of a collection. A contribution whose quantity or value per
    /// unit changes gets its total recomputed unless the total is given; one whose activity
    /// changes gets the catalogue's values for it.
    public func updateSubRecord(
        _ kind: SubRecordKind, of initiative: String, id: String, _ fields: [String: JSONValue]
    ) throws -> RegisterEditResult {
        let (key, state) = try liveSubRecord(kind, of: initiative, id: id)
        let (values, found) = Self.draftUpdate(kind, state: state, fields, prefix: "")
        var problems = found
        if fields.isEmpty { problems.append(FieldProblem(field: "(body)", message: "geen veld om te wijzigen")) }
        guard problems.isEmpty else { throw RegisterEditError.invalid(problems) }
        return RegisterEditResult(initiative: initiative, changeSet: try author.author(.update(key, values)).signed)
    }

    /// Deletes a live record of a collection, for good.
    public func deleteSubRecord(_ kind: SubRecordKind, of initiative: String, id: String) throws -> RegisterEditResult {
        let (key, _) = try liveSubRecord(kind, of: initiative, id: id)
        return RegisterEditResult(initiative: initiative, deleted: [key], changeSet: try author.author(.delete(key)).signed)
    }

    /// A live record of `kind` belonging to `initiative`, or `notFound` / `gone`.
    func liveSubRecord(_ kind: SubRecordKind, of initiative: String, id: String) throws -> (RecordKey, RecordState) {
        _ = try liveInitiative(initiative)
        let what = "\(kind.schema.type) \(id.prefix(40)) van initiatief \(initiative)"
        guard EnvelopeRules.isValidRecordID(id) else { throw RegisterEditError.notFound("geen \(what)") }
        let key = RecordKey(type: kind.schema.type, id: id)
        guard let state = try store.record(key) else { throw RegisterEditError.notFound("geen \(what)") }
        guard !state.isDeleted else { throw RegisterEditError.gone("\(what) is verwijderd") }
        guard state.value(of: Field.initiative) == .string(initiative) else { throw RegisterEditError.notFound("geen \(what)") }
        return (key, state)
    }
}
