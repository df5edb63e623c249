import Foundation
import MAEXCore

/// The collections part of the admin edit form (`/beheer/initiatief/{id}`): the rows of an
/// initiative's activities, needs, offers and partners. A stored record is a row `kind[i].`
/// with a hidden `kind[i].id` and a `kind[i].delete` checkbox; empty rows after them add
/// records. Reading a post diffs each row against the stored record, so one submit becomes
/// one list of `SubRecordChange`s. Pure.
enum EditForm {
    /// The fields of a row per collection, in form order.
    static let fields: [SubRecordKind: [String]] = [
        .contributions: ["activity", "quantity", "year", "kind"],
        .needs: ["kind", "description", "amount_euros", "hours", "status"],
        .offers: ["kind", "name", "description", "price", "social_return"],
        .partners: ["organisation", "role"],
    ]

    /// Empty rows offered for new records, per collection.
    static let newRows: [SubRecordKind: Int] = [.contributions: 2, .needs: 1, .offers: 1, .partners: 1]

    /// The form values of the stored sub-records, numbered in the order given.
    static func prefilled(_ children: [(key: RecordKey, state: RecordState)], into form: inout FormData) {
        for kind in SubRecordKind.allCases {
            let rows = children.filter { $0.key.type == kind.schema.type }
            for (row, child) in rows.enumerated() {
                let prefix = "\(kind.rawValue)[\(row)]."
                form.set(prefix + "id", child.key.id)
                for name in fields[kind] ?? [] {
                    if let text = text(of: name, in: child.state) { form.set(prefix + name, text) }
                }
            }
        }
    }

    /// The form text of a stored field (`amount_euros` from `amount_cents`, `1` for a true
    /// checkbox); `nil` when empty.
    static func text(of name: String, in state: RecordState) -> String? {
        if name == "amount_euros" {
            guard let cents = state.value(of: "amount_cents")?.intValue else { return nil }
            return cents % 100 == 0 ? "\(cents / 100)" : String(format: "%lld,%02lld", cents / 100, cents % 100)
        }
        switch state.value(of: name) {
        case .string(let text): return text
        case .int(let number): return "\(number)"
        case .bool(true): return "1"
        case .array(let items): return items.compactMap(\.stringValue).joined(separator: ", ")
        default: return nil
        }
    }

    /// The row numbers of collection `kind` in `form`, ascending.
    static func rowNumbers(_ kind: SubRecordKind, in form: FormData) -> [Int] {
        let head = "\(kind.rawValue)["
        let rows = form.values.keys.compactMap { name -> Int? in
            guard name.hasPrefix(head), let close = name.firstIndex(of: "]") else { return nil }
            return Int(name[name.index(name.startIndex, offsetBy: head.count)..<close])
        }
        return Array(Set(rows)).filter { $0 >= 0 && $0 < 1000 }.sorted()
    }

    /// The changes a posted form asks for, given the stored sub-records by id, and the problems
    /// found reading typed text.
    static func read(_ form: FormData, stored: [String: RecordState]) -> (changes: [SubRecordChange], problems: [FieldProblem]) {
        var changes: [SubRecordChange] = []
        var problems: [FieldProblem] = []
        for kind in SubRecordKind.allCases {
            for row in rowNumbers(kind, in: form) {
                let prefix = "\(kind.rawValue)[\(row)]."
                let id = form[prefix + "id"]
                if !id.isEmpty, stored[id] == nil {
                    problems.append(FieldProblem(field: prefix + "id", message: "deze regel bestaat niet meer; laad het formulier opnieuw"))
                    continue
                }
                if !id.isEmpty, form.isChecked(prefix + "delete") {
                    changes.append(SubRecordChange(kind, .delete(id: id), prefix: prefix))
                    continue
                }
                let names = fields[kind] ?? []
                if id.isEmpty, !names.contains(where: { !form[prefix + $0].isEmpty }) { continue }
                var values: [String: JSONValue] = [:]
                for name in names {
                    if let value = value(kind, name, form, prefix: prefix, keepEmpty: !id.isEmpty, problems: &problems) {
                        values[name == "amount_euros" ? "amount_cents" : name] = value
                    }
                }
                if id.isEmpty {
                    changes.append(SubRecordChange(kind, .add, fields: values, prefix: prefix))
                    continue
                }
                guard let state = stored[id] else { continue }
                let changed = values.filter { name, value in
                    let old = state.value(of: name) ?? .null
                    return value != old && !(value == .bool(false) && old == .null)
                }
                if !changed.isEmpty { changes.append(SubRecordChange(kind, .update(id: id), fields: changed, prefix: prefix)) }
            }
        }
        return (changes, problems)
    }

    /// One typed value; empty text is `null` when `keepEmpty` (an existing row) and left out
    /// otherwise.
    private static func value(
        _ kind: SubRecordKind, _ name: String, _ form: FormData, prefix: String, keepEmpty: Bool, problems: inout [FieldProblem]
    ) -> JSONValue? {
        let text = form[prefix + name]
        if name == "social_return" { return .bool(form.isChecked(prefix + name)) }
        if text.isEmpty { return keepEmpty ? .null : nil }
        if name == "amount_euros" {
            if let cents = PageFormat.cents(fromEuros: text) { return .int(cents) }
            problems.append(FieldProblem(field: prefix + name, message: "verwacht een bedrag in euro, zoals 1500 of 1.500,50"))
            return nil
        }
        guard let spec = try? kind.schema.field(name) else { return nil }
        do {
            return try spec.parse(text)
        } catch {
            problems.append(FieldProblem(field: prefix + name, message: FieldProblem(error).message))
            return nil
        }
    }
}
