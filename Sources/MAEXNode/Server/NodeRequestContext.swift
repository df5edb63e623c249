import Hummingbird
import NIOCore

/// The request context of the node's router: Hummingbird's basic context plus the client's
/// address, for the per-address rate limit and the admin check (admin requests are accepted from
/// loopback only unless configured otherwise). Requests without a channel address (in-process
/// tests) have none.
struct NodeRequestContext: RequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    /// The connected client's address, if known.
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
