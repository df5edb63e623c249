import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Closes a connection whose answer was sent before the request body ended (an early refusal:
/// 401 unsigned push, 413 too large, 415, 429, ...).
///
/// Without it the server read and discarded the rest of such a body for as long as the client
/// kept sending, and a client that did not read while writing learnt nothing until it stopped.
/// Now the answer carries `Connection: close`, the server shuts its output once the answer is
/// written (the client reads the answer and then end of stream), and reads on for at most
/// `lingerTime` or `lingerBytes` of body before it closes the connection (a lingering close, so
/// the answer is not destroyed by a reset while the client is still sending).
final class EarlyAnswerCloseHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// How long the rest of a refused body is read before the connection closes.
    let lingerTime: TimeAmount
    /// How many bytes of a refused body are read before the connection closes.
    let lingerBytes: Int

    private var decision = EarlyAnswerDecision()
    private var lingerTask: Scheduled<Void>?

    init(lingerTime: TimeAmount = .seconds(3), lingerBytes: Int = 16 << 20) {
        self.lingerTime = lingerTime
        self.lingerBytes = lingerBytes
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        switch decision.read(part, lingerBytes: lingerBytes) {
        case .pass: context.fireChannelRead(data)
        case .close: closeNow(context)
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let part = unwrapOutboundIn(data)
        switch decision.write(part) {
        case .pass:
            context.write(data, promise: promise)
        case .markClose(var head):
            head.headerFields[.connection] = "close"
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .closeAfterWrite(let lingering):
            let written = context.eventLoop.makePromise(of: Void.self)
            written.futureResult.cascade(to: promise)
            context.write(data, promise: written)
            written.futureResult.assumeIsolated().whenComplete { [self] _ in
                lingering ? startLingering(context) : closeNow(context)
            }
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        lingerTask?.cancel()
        lingerTask = nil
    }

    private func startLingering(_ context: ChannelHandlerContext) {
        guard context.channel.isActive else { return }
        context.flush()
        context.close(mode: .output, promise: nil)
        lingerTask = context.eventLoop.assumeIsolated().scheduleTask(in: lingerTime) { [self] in closeNow(context) }
    }

    private func closeNow(_ context: ChannelHandlerContext) {
        lingerTask?.cancel()
        lingerTask = nil
        guard context.channel.isActive else { return }
        context.close(mode: .all, promise: nil)
    }
}

/// The pure decisions of `EarlyAnswerCloseHandler`, per connection.
struct EarlyAnswerDecision {
    /// What to do with an inbound part.
    enum ReadAction: Equatable { case pass, close }
    /// What to do with an outbound part.
    enum WriteAction: Equatable {
        case pass
        /// Send this head instead, marked `Connection: close`.
        case markClose(HTTPResponse)
        /// Send the part, then close: at once, or after lingering when the body still streams in.
        case closeAfterWrite(lingering: Bool)
    }

    /// A request head arrived and its end did not yet.
    private(set) var requestOpen = false
    /// The answer being written was marked `Connection: close`.
    private(set) var closing = false
    /// The answer was written, the body still streams in.
    private(set) var lingering = false
    private var lingeredBytes = 0

    mutating func read(_ part: HTTPRequestPart, lingerBytes: Int) -> ReadAction {
        switch part {
        case .head:
            requestOpen = true
            return lingering ? .close : .pass
        case .body(let buffer):
            guard lingering else { return .pass }
            lingeredBytes += buffer.readableBytes
            return lingeredBytes > lingerBytes ? .close : .pass
        case .end:
            requestOpen = false
            return lingering ? .close : .pass
        }
    }

    mutating func write(_ part: HTTPResponsePart) -> WriteAction {
        switch part {
        case .head(let head):
            // An informational answer (100 Continue) is not the answer.
            guard head.status.kind != .informational, requestOpen else { return .pass }
            closing = true
            return .markClose(head)
        case .body:
            return .pass
        case .end:
            guard closing else { return .pass }
            closing = false
            lingering = requestOpen
            return .closeAfterWrite(lingering: requestOpen)
        }
    }
}
