import Foundation
import Logging
import MAEXCore
import MAEXStore

extension NodeDirectory {
    /// Opens (creating on first use) the node's store, `maex.sqlite`, for the node's realm and
    /// network root: certificates are checked on everything it receives.
    public func openStore(logger: Logger) throws(StoreError) -> NodeStore {
        try NodeStore(path: storeURL.path, realm: info.realm, authority: .network(root: info.root), logger: logger)
    }

    /// An author signing with this node's key, limited to its scope, holding the node's
    /// authoring lock while it writes, and refusing while the folder is marked restored.
    public func makeAuthor(
        store: any AuthoringStore, logger: Logger,
        wallClock: @escaping @Sendable () -> Int64 = LocalAuthor.systemMilliseconds
    ) -> LocalAuthor {
        LocalAuthor(
            store: store, key: signingKey, realm: info.realm, municipalities: info.authoringMunicipalities,
            lock: authoringLock, wallClock: wallClock, logger: logger,
            ownHeadCheck: { try checkOwnHeadConfirmed() })
    }
}
