import Synchronization

/// The mutable state of peer authentication, shared by all requests: the rate-limit buckets,
/// the nonces seen and the port the server is bound to. Each part behind its own lock; the
/// decisions themselves are the pure `TokenBuckets` and `NonceCache`.
final class PeerAuthState: Sendable {
    private let addresses: Mutex<TokenBuckets<String>>
    private let nodes: Mutex<TokenBuckets<String>>
    private let nonces: Mutex<NonceCache>
    private let port: Mutex<Int?>

    init(_ configuration: PeerAuthConfiguration, boundPort: Int?) {
        addresses = Mutex(TokenBuckets(rate: configuration.perAddress, capacity: configuration.trackedClients))
        nodes = Mutex(TokenBuckets(rate: configuration.perNode, capacity: configuration.trackedClients))
        nonces = Mutex(NonceCache(capacity: configuration.nonceCapacity))
        port = Mutex(boundPort.flatMap { $0 > 0 ? $0 : nil })
    }

    /// The port the server listens on, once known.
    var boundPort: Int? {
        get { port.withLock { $0 } }
        set { port.withLock { $0 = newValue } }
    }

    func takeAddress(_ address: String, now: Int64) -> TokenBuckets<String>.Decision {
        addresses.withLock { $0.take(address, now: now) }
    }

    func takeNode(_ node: String, now: Int64) -> TokenBuckets<String>.Decision {
        nodes.withLock { $0.take(node, now: now) }
    }

    func useNonce(_ nonce: String, signer: String, forgetAt: Int64, now: Int64) -> NonceCache.Decision {
        nonces.withLock { $0.use(nonce, signer: signer, forgetAt: forgetAt, now: now) }
    }
}
