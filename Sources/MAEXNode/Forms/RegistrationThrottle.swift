import NIOCore
import Synchronization

/// Limits how often one client address may submit the public registration form (`POST
/// /aanmelden`): registration is free and needs no account, so a script must not be able to
/// fill the register. Token buckets per address (`TokenBuckets`), bounded memory.
final class RegistrationThrottle: Sendable {
    private let buckets: Mutex<TokenBuckets<String>>

    /// A throttle allowing `rate` submissions per address.
    init(rate: RateLimit) {
        buckets = Mutex(TokenBuckets(rate: rate, capacity: 10_000))
    }

    /// Takes one submission for the client at `address` (its host; all clients without an
    /// address share one bucket) at `now` (monotonic milliseconds).
    func take(_ address: SocketAddress?, now: Int64) -> TokenBuckets<String>.Decision {
        let key = address?.ipAddress ?? "unknown"
        return buckets.withLock { $0.take(key, now: now) }
    }
}
