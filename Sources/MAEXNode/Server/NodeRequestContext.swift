import Hummingbird
import NIOCore

/// The request context of the node's router: Hummingbird's basic context plus the client's
/// address (for the per-address rate limit).
struct NodeRequestContext: RequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    /// The connection's remote address, when the channel has one.
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
