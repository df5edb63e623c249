import Hummingbird
import HummingbirdCore

extension NodeServerConfiguration {
    /// HTTP/1.1 as the node serves it, over plain TCP or TLS: the idle timeout, and per
    /// connection a request-head timeout (slowloris) and the close after an early answer.
    public var http1Channel: HTTP1Channel.Configuration {
        let headTimeout = requestHeadTimeout
        return .init(
            additionalChannelHandlers: [
                RequestHeadTimeoutHandler(timeout: .nanoseconds(headTimeout.nanosecondsClamped)),
                EarlyAnswerCloseHandler(),
            ],
            idleTimeout: .nanoseconds(idleTimeout.nanosecondsClamped))
    }
}
