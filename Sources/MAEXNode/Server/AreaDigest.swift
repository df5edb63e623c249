import MAEXCore

/// The state digest of one area: the `RegisterDigest` line format restricted to the live
/// initiatives whose winning `municipality` is in the area, in record order. Pure.
enum AreaDigest {
    /// The digest and the number of initiatives it covers. `records` need not be sorted.
    static func compute(_ records: [(key: RecordKey, state: RecordState)], municipalities: Set<String>) -> (digest: String, count: Int) {
        var digest = RegisterDigest()
        var count = 0
        for record in records.sorted(by: { $0.key < $1.key }) {
            guard record.key.type == RecordSchema.initiative.type, !record.state.isDeleted,
                let municipality = record.state.value(of: "municipality")?.stringValue, municipalities.contains(municipality)
            else { continue }
            digest.add(record.key, record.state)
            count += 1
        }
        return (digest.finalize(), count)
    }
}
