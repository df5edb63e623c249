import MAEXCore
import MAEXStore

extension NodeStore {
    /// The MAEX Impuls records this store holds (every live record of the Impuls types).
    public func impulsRecords() throws -> ImpulsRecords {
        var all: [(key: RecordKey, state: RecordState)] = []
        for schema in RecordSchema.impulsTypes { all += try records(type: schema.type) }
        return ImpulsRecords(all)
    }
}
