/// Typed reads of a record's winning field values, for the domain views. Pure.
struct RecordValues {
    let state: RecordState

    func string(_ field: String) -> String? {
        guard let text = state.value(of: field)?.stringValue, !text.isEmpty else { return nil }
        return text
    }

    func int(_ field: String) -> Int64? { state.value(of: field)?.intValue }

    func bool(_ field: String) -> Bool? {
        if case .bool(let flag) = state.value(of: field) { return flag }
        return nil
    }

    func strings(_ field: String) -> [String] { state.value(of: field)?.arrayValue?.compactMap(\.stringValue) ?? [] }

    func ints(_ field: String) -> [Int] { state.value(of: field)?.arrayValue?.compactMap(\.intValue).map { Int($0) } ?? [] }
}
