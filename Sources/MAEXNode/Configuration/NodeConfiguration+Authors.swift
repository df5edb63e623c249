import MAEXCore

extension NodeConfiguration {
    /// Parses an author filter: every text must be a node id (64 lowercase hex characters of
    /// a valid Ed25519 public key), and the list must not be empty.
    ///
    /// - Parameters:
    ///   - texts: the ids as written.
    ///   - key: what the list is called where it was written (`sync.authors`, `--author`),
    ///     named in the error.
    /// - Returns: the set of authors whose change sets the node pulls.
    /// - Throws: `NodeConfigurationError.invalidValue` naming `key` and the id at fault.
    public static func parseAuthors(_ texts: [String], key: String) throws(NodeConfigurationError) -> Set<NodeID> {
        guard !texts.isEmpty else {
            throw .invalidValue(
                key: key, value: "[]",
                reason: "an empty list would pull no other node's change sets; leave it out to pull every author")
        }
        var authors: Set<NodeID> = []
        for text in texts {
            do {
                authors.insert(try NodeID(hex: text))
            } catch {
                throw .invalidValue(key: key, value: text, reason: "not a node id (64 lowercase hex characters): \(error)")
            }
        }
        return authors
    }
}
