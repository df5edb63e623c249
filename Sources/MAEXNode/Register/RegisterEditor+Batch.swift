import MAEXCore
import MAEXStore

/// The field names, short.
private typealias Field = RecordSchema.Field

extension RegisterEditor {
    /// Edits an initiative and its collections at once (the admin edit form): sets `fields` of
    /// the initiative and applies `changes`, checking everything first and authoring exactly one
    /// signed change set; any problem throws `RegisterEditError.invalid` with every problem and
    /// stores nothing. Moving the initiative moves its other sub-records too.
    public func editInitiative(_ id: String, fields: [String: JSONValue], changes: [SubRecordChange]) throws -> RegisterEditResult {
        let key = try liveInitiative(id)
        let values = RecordCheck.normalised(.initiative, fields)
        var problems = RecordCheck.problemsOfFields(.initiative, values)
        if values.isEmpty, changes.isEmpty { problems.append(FieldProblem(field: "(body)", message: "geen wijziging")) }
        if let moved = values[Field.municipality], moved != .null { problems += scopeProblems(moved) }
        let current = try store.record(key)?.value(of: Field.municipality) ?? .null
        let municipality = values[Field.municipality] ?? current
        var edits: [LocalEdit] = values.isEmpty ? [] : [.update(key, values)]
        var created: [SubRecordKind: [String]] = [:]
        var deleted: [RecordKey] = []
        var touched = Set<RecordKey>()
        for change in changes {
            switch change.action {
            case .add:
                let (draft, found) = Self.draft(change.kind, change.fields, initiative: id, municipality: municipality, prefix: change.prefix)
                problems += found
                let childID = author.makeRecordID()
                created[change.kind, default: []].append(childID)
                edits.append(.create(RecordKey(type: change.kind.schema.type, id: childID), draft))
            case .update(let childID), .delete(let childID):
                let live: (RecordKey, RecordState)
                do {
                    live = try liveSubRecord(change.kind, of: id, id: childID)
                } catch let error as RegisterEditError {
                    problems.append(FieldProblem(field: change.prefix + "id", message: "\(error.description); laad het formulier opnieuw"))
                    continue
                }
                guard touched.insert(live.0).inserted else {
                    problems.append(FieldProblem(field: change.prefix + "id", message: "deze regel staat twee keer in de wijziging"))
                    continue
                }
                if case .delete = change.action {
                    edits.append(.delete(live.0))
                    deleted.append(live.0)
                    continue
                }
                var (update, found) = Self.draftUpdate(change.kind, state: live.1, change.fields, prefix: change.prefix)
                problems += found
                if update.isEmpty { problems.append(FieldProblem(field: change.prefix + "id", message: "geen veld om te wijzigen")) }
                if live.1.value(of: Field.municipality) != municipality { update[Field.municipality] = municipality }
                edits.append(.update(live.0, update))
            }
        }
        guard problems.isEmpty else { throw RegisterEditError.invalid(problems) }
        if values[Field.municipality] != nil {
            for child in try children(of: id)
            where !touched.contains(child.key) && child.state.value(of: Field.municipality) != municipality {
                edits.append(.update(child.key, [Field.municipality: municipality]))
            }
        }
        return RegisterEditResult(initiative: id, created: created, deleted: deleted, changeSet: try author.author(edits).signed)
    }

    /// The values an update of a sub-record in `state` stores, and their problems. A
    /// contribution whose activity changes gets the catalogue's SDG, indicator, unit and value
    /// per unit; whose quantity or value per unit changes gets its total recomputed (unless the
    /// values name them).
    static func draftUpdate(
        _ kind: SubRecordKind, state: RecordState, _ fields: [String: JSONValue], prefix: String
    ) -> ([String: JSONValue], [FieldProblem]) {
        var values = RecordCheck.normalised(kind.schema, fields)
        var problems = values.keys.filter(SubRecordKind.parentFields.contains).sorted().map {
            FieldProblem(field: prefix + $0, message: "wordt door de node ingevuld; laat dit veld weg")
        }
        if kind == .contributions, let activity = values[Field.activity]?.stringValue,
            values[Field.activity] != state.value(of: Field.activity)
        {
            let catalogue = ValuationCatalogue.current
            if let entry = catalogue.entry(activity: activity) {
                values[Field.goal] = values[Field.goal] ?? .int(Int64(entry.goal))
                values[Field.target] =
                    values[Field.target] ?? entry.target.map(JSONValue.string) ?? (state.value(of: Field.target) == nil ? nil : .null)
                values[Field.indicator] = values[Field.indicator] ?? .string(entry.indicator)
                values[Field.unit] = values[Field.unit] ?? .string(entry.unit)
                values[Field.valuePerUnitCents] = values[Field.valuePerUnitCents] ?? .int(entry.centsPerUnit)
                values[Field.methodVersion] = values[Field.methodVersion] ?? .string(catalogue.version)
            } else if let problem = ContributionDraft.activityProblem(values, prefix: prefix) {
                problems.append(problem)
            }
        }
        if kind == .contributions, values[Field.totalCents] == nil,
            values[Field.quantity] != nil || values[Field.valuePerUnitCents] != nil
        {
            let quantity = (values[Field.quantity] ?? state.value(of: Field.quantity))?.intValue
            let perUnit = (values[Field.valuePerUnitCents] ?? state.value(of: Field.valuePerUnitCents))?.intValue
            if let total = RecordValidator.total(quantity: quantity, centsPerUnit: perUnit) { values[Field.totalCents] = .int(total) }
        }
        problems += RecordCheck.problemsOfFields(kind.schema, values, prefix: prefix)
        if problems.isEmpty {
            var merged = state.fields.compactMapValues { $0.winner?.value }
            for (name, value) in values { merged[name] = value == .null ? nil : value }
            do { try RecordValidator.checkRules(type: kind.schema.type, merged) } catch { problems.append(FieldProblem(error, prefix: prefix)) }
        }
        return (values, problems)
    }
}
