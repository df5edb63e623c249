import MAEXCore
import MAEXStore

/// The field names, short.
private typealias Field = RecordSchema.Field

/// Edits the register as a person or client means it: an initiative with its contributions,
/// needs, offers and partners. Every call checks all values first (collecting every problem),
/// then authors exactly one signed change set of this node; a refused call stores nothing.
///
/// Blocking (reads the store and writes through `LocalAuthor`): call it off the concurrency
/// pool.
public struct RegisterEditor: Sendable {
    /// The store read.
    public let store: NodeStore
    /// The author writing the change sets.
    public let author: LocalAuthor

    /// Creates an editor.
    public init(store: NodeStore, author: LocalAuthor) {
        self.store = store
        self.author = author
    }

    /// Creates an initiative with its sub-records. Lists are sorted and de-duplicated,
    /// contributions are completed from the valuation catalogue, needs default to `open`.
    public func createInitiative(
        _ fields: [String: JSONValue], children: [SubRecordKind: [[String: JSONValue]]] = [:]
    ) throws -> RegisterEditResult {
        let draft = draftInitiative(fields, children: children)
        guard draft.problems.isEmpty else { throw RegisterEditError.invalid(draft.problems) }
        let change = try author.author(draft.edits)
        return RegisterEditResult(initiative: draft.id, created: draft.created, changeSet: change.signed)
    }

    /// A new initiative with its sub-records as edits, with every problem of the values; stores
    /// nothing (forms use it to list all problems at once).
    public func draftInitiative(
        _ fields: [String: JSONValue], children: [SubRecordKind: [[String: JSONValue]]] = [:]
    ) -> (id: String, edits: [LocalEdit], created: [SubRecordKind: [String]], problems: [FieldProblem]) {
        let values = RecordCheck.normalised(.initiative, fields)
        var problems = RecordCheck.problemsOfNew(.initiative, values)
        problems += scopeProblems(values[Field.municipality])
        let id = author.makeRecordID()
        let municipality = values[Field.municipality] ?? .null
        var edits: [LocalEdit] = [.create(RecordKey(type: RecordSchema.initiative.type, id: id), values)]
        var created: [SubRecordKind: [String]] = [:]
        for kind in SubRecordKind.allCases {
            for (index, child) in (children[kind] ?? []).enumerated() {
                let prefix = "\(kind.rawValue)[\(index)]."
                let (draft, childProblems) = Self.draft(kind, child, initiative: id, municipality: municipality, prefix: prefix)
                problems += childProblems
                let childID = author.makeRecordID()
                created[kind, default: []].append(childID)
                edits.append(.create(RecordKey(type: kind.schema.type, id: childID), draft))
            }
        }
        return (id, edits, created, problems)
    }

    /// Sets fields of a live initiative (`null` clears an optional field). Moving it to another
    /// municipality moves its sub-records in the same change set.
    public func updateInitiative(_ id: String, _ fields: [String: JSONValue]) throws -> RegisterEditResult {
        let key = try liveInitiative(id)
        let values = RecordCheck.normalised(.initiative, fields)
        var problems = RecordCheck.problemsOfFields(.initiative, values)
        if values.isEmpty { problems.append(FieldProblem(field: "(body)", message: "geen veld om te wijzigen")) }
        if let moved = values[Field.municipality], moved != .null { problems += scopeProblems(moved) }
        guard problems.isEmpty else { throw RegisterEditError.invalid(problems) }
        var edits: [LocalEdit] = [.update(key, values)]
        if let moved = values[Field.municipality] {
            for child in try children(of: id) where child.state.value(of: Field.municipality) != moved {
                edits.append(.update(child.key, [Field.municipality: moved]))
            }
        }
        return RegisterEditResult(initiative: id, changeSet: try author.author(edits).signed)
    }

    /// Deletes a live initiative and its sub-records, for good.
    public func deleteInitiative(_ id: String) throws -> RegisterEditResult {
        let key = try liveInitiative(id)
        let children = try children(of: id).map(\.key)
        let edits = [LocalEdit.delete(key)] + children.map(LocalEdit.delete)
        return RegisterEditResult(initiative: id, deleted: children, changeSet: try author.author(edits).signed)
    }

    /// Confirms a profile: sets `last_verified` to `today` (`YYYY-MM-DD`).
    public func confirmInitiative(_ id: String, today: String) throws -> RegisterEditResult {
        try updateInitiative(id, ["last_verified": .string(today)])
    }

    /// The key of a live initiative, or `notFound` / `gone`.
    func liveInitiative(_ id: String) throws -> RecordKey {
        guard EnvelopeRules.isValidRecordID(id) else { throw RegisterEditError.notFound("geen initiatief met id \(id.prefix(40))") }
        let key = RecordKey(type: RecordSchema.initiative.type, id: id)
        guard let state = try store.record(key) else { throw RegisterEditError.notFound("geen initiatief met id \(id)") }
        guard !state.isDeleted else { throw RegisterEditError.gone("initiatief \(id) is verwijderd") }
        return key
    }

    /// The live sub-records of initiative `id`.
    func children(of id: String) throws -> [(key: RecordKey, state: RecordState)] {
        try Self.children(of: id, in: store)
    }

    /// The live sub-records of initiative `id` in `store`.
    static func children(of id: String, in store: NodeStore) throws -> [(key: RecordKey, state: RecordState)] {
        let key = RecordKey(type: RecordSchema.initiative.type, id: id)
        let municipality = try store.record(key)?.value(of: Field.municipality)?.stringValue
        var result: [(key: RecordKey, state: RecordState)] = []
        for kind in SubRecordKind.allCases {
            let rows = try store.records(type: kind.schema.type, municipality: municipality)
            result += rows.filter { $0.state.value(of: Field.initiative) == .string(id) }
        }
        return result
    }

    /// A problem when `municipality` is outside what this node may edit.
    func scopeProblems(_ municipality: JSONValue?) -> [FieldProblem] {
        guard let allowed = author.municipalities, let code = municipality?.stringValue, CodePattern.municipality.matches(code),
            !allowed.contains(code)
        else { return [] }
        let names = allowed.sorted().map { "\(Municipalities.name(of: $0)) (\($0))" }.joined(separator: ", ")
        return [FieldProblem(field: Field.municipality, message: "gemeente \(code) valt buiten het werkgebied van deze node: \(names)")]
    }

    /// A new sub-record's values with the parent fields filled in, and its problems.
    static func draft(
        _ kind: SubRecordKind, _ fields: [String: JSONValue], initiative: String, municipality: JSONValue, prefix: String
    ) -> ([String: JSONValue], [FieldProblem]) {
        var problems = fields.keys.filter(SubRecordKind.parentFields.contains).sorted().map {
            FieldProblem(field: prefix + $0, message: "wordt door de node ingevuld; laat dit veld weg")
        }
        var values = RecordCheck.normalised(kind.schema, fields.filter { !SubRecordKind.parentFields.contains($0.key) })
        values[Field.initiative] = .string(initiative)
        values[Field.municipality] = municipality
        switch kind {
        case .contributions:
            if let problem = ContributionDraft.activityProblem(values, prefix: prefix) {
                return (values, problems + [problem])
            }
            values = ContributionDraft.complete(values)
        case .needs:
            values[Field.status] = values[Field.status] ?? .string(NeedStatus.open.rawValue)
        case .offers, .partners:
            break
        }
        problems += RecordCheck.problemsOfNew(kind.schema, values, prefix: prefix).filter { !$0.field.hasSuffix(".municipality") || municipality != .null }
        return (values, problems)
    }
}
