import Hummingbird
import NIOCore

/// The request context of the node's router: Hummingbird's basic context plus the peer's
/// address, which the admin check needs (admin requests are accepted from loopback only unless
/// configured otherwise). Requests without a channel address (in-process tests) have none.
struct NodeRequestContext: RequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    /// The connected peer's address, if known.
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
