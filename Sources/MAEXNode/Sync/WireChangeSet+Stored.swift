import MAEXStore
import MAEXWire

extension WireChangeSet {
    /// The wire form of a change set from the log: its exact stored bytes, relayed verbatim.
    init(stored: StoredChangeSet) {
        self.init(body: String(decoding: stored.body, as: UTF8.self), sig: Base64.encode(stored.signature))
    }
}
