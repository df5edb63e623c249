import Dispatch
import Foundation
import Logging
import MAEXCore
import MAEXWire

/// The HTTP connection to one peer over libcurl.
///
/// One easy handle is reused for every request, so the TCP connection stays alive between them.
/// The handle is confined to a private serial dispatch queue: `curl_easy_perform` blocks that
/// queue's thread, never a thread of Swift's cooperative pool. Concurrent `send` calls are
/// queued and run one at a time.
///
/// Transient failures (connection refused, timeouts, lost connections, 429/502/503/504) are
/// retried according to `configuration.retry`, with exponential back-off and full jitter. Other
/// statuses (including redirects, which are not followed) are returned as they are: call
/// `HTTPResponseData.requireSuccess()` to turn a non-2xx answer into a `ClientError`.
public final class HTTPTransport: @unchecked Sendable {
    // @unchecked: `connection` is only touched on `queue`; everything else is immutable.

    /// The peer this transport talks to.
    public let peer: PeerURL
    /// Timeouts, limits and retry policy.
    public let configuration: HTTPTransportConfiguration
    /// Signs every request as the calling node (RFC 9421), freshly for each attempt; `nil`
    /// sends requests unsigned.
    public let signer: RequestSigner?
    private let connection: CurlConnection
    private let queue: DispatchQueue
    private let logger: Logger
    private let random: @Sendable () -> Double
    private let sleep: @Sendable (Duration) async throws -> Void

    /// Creates the transport and its curl handle (no connection is made until the first request).
    ///
    /// - Parameters:
    ///   - peer: The peer's base URL.
    ///   - configuration: Timeouts, response cap and retry policy.
    ///   - logger: Where retries and failures are logged; `peer.url` is added to its metadata.
    ///   - random: A uniform random number in `[0, 1)` for the back-off jitter (injectable for tests).
    ///   - sleep: Waits between attempts (injectable for tests); throwing ends the retries as cancelled.
    ///   - signer: Signs every request as the calling node (a new nonce and time per attempt).
    public init(
        peer: PeerURL,
        configuration: HTTPTransportConfiguration = HTTPTransportConfiguration(),
        logger: Logger,
        signer: RequestSigner? = nil,
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) throws(ClientError) {
        self.peer = peer
        self.configuration = configuration
        self.signer = signer
        self.connection = try CurlConnection(peer: peer, configuration: configuration)
        self.queue = DispatchQueue(label: "maex.http.\(peer.description)")
        var logger = logger
        logger[metadataKey: "peer.url"] = "\(peer.description)"
        self.logger = logger
        self.random = random
        self.sleep = sleep
    }

    /// Sends `request`, retrying transient failures, and returns the peer's final answer.
    ///
    /// Cancelling the calling task aborts a running transfer within about a second and ends the
    /// retries with `ClientError.cancelled`.
    /// - Throws: `ClientError` when no answer could be obtained (after the allowed attempts), or
    ///   the response exceeded `configuration.maxResponseBytes`.
    public func send(_ request: HTTPRequestSpec) async throws(ClientError) -> HTTPResponseData {
        let policy = configuration.retry
        var attempt = 1
        while true {
            let outcome = await performOnQueue(signedForAttempt(request))
            let delay: Duration
            switch outcome {
            case .success(let response):
                guard let wait = retryDelay(for: response, request: request, attempt: attempt, policy: policy) else {
                    return response.withAttempts(attempt)
                }
                delay = wait
                logger.debug(
                    "Peer answered \(response.status); retrying",
                    metadata: retryMetadata(request, attempt: attempt, delay: delay, reason: "status \(response.status)")
                )
            case .failure(let error):
                guard let wait = retryDelay(for: error, request: request, attempt: attempt, policy: policy) else {
                    if error.isTransient {
                        logger.debug(
                            "Giving up on request",
                            metadata: ["http.method": "\(request.method.rawValue)", "http.path": "\(request.path)",
                                       "retry.attempts": "\(attempt)", "error": "\(error)"]
                        )
                    }
                    throw error
                }
                delay = wait
                logger.debug(
                    "Request failed; retrying",
                    metadata: retryMetadata(request, attempt: attempt, delay: delay, reason: "\(error)")
                )
            }
            do {
                try await sleep(delay)
            } catch {
                throw .cancelled(peer: peer.description)
            }
            attempt += 1
        }
    }

    /// Sends `request` once, blocking the calling thread until the answer arrives; no retries.
    ///
    /// For command-line tools and benchmarks. Never call it from Swift concurrency (it blocks a
    /// cooperative thread) nor from inside another transport callback.
    public func sendOnce(_ request: HTTPRequestSpec) throws(ClientError) -> HTTPResponseData {
        let flag = CancellationFlag()
        let signed = signedForAttempt(request)
        return try queue.sync { connection.perform(signed, cancellation: flag) }.get()
    }

    // MARK: Attempts

    private func performOnQueue(_ request: HTTPRequestSpec) async -> Result<HTTPResponseData, ClientError> {
        let flag = CancellationFlag()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Result<HTTPResponseData, ClientError>, Never>) in
                queue.async {
                    continuation.resume(returning: self.connection.perform(request, cancellation: flag))
                }
            }
        } onCancel: {
            flag.cancel()
        }
    }

    /// The wait before retrying after `error`, or nil to give up.
    private func retryDelay(for error: ClientError, request: HTTPRequestSpec, attempt: Int, policy: RetryPolicy) -> Duration? {
        guard attempt < policy.maxAttempts, error.isTransient else { return nil }
        // Without a connection the peer cannot have acted on the request: always safe to repeat.
        let neverReachedPeer: Bool
        switch error {
        case .connectionRefused, .connectionFailed, .hostNotFound: neverReachedPeer = true
        default: neverReachedPeer = false
        }
        guard neverReachedPeer || request.isIdempotent else { return nil }
        return policy.delay(beforeRetry: attempt, unit: random())
    }

    /// The wait before retrying after `response`, or nil to return it.
    private func retryDelay(for response: HTTPResponseData, request: HTTPRequestSpec, attempt: Int, policy: RetryPolicy) -> Duration? {
        guard attempt < policy.maxAttempts, policy.retryableStatuses.contains(response.status) else { return nil }
        // 429 means the peer refused to act; a 5xx may have come after it acted.
        guard response.status == 429 || request.isIdempotent else { return nil }
        return policy.delay(beforeRetry: attempt, unit: random(), retryAfter: response.retryAfter)
    }

    private func retryMetadata(_ request: HTTPRequestSpec, attempt: Int, delay: Duration, reason: String) -> Logger.Metadata {
        [
            "http.method": "\(request.method.rawValue)",
            "http.path": "\(request.path)",
            "retry.attempt": "\(attempt)",
            "retry.delay_ms": "\(delay.wholeMillisecondsRoundedUp)",
            "retry.reason": "\(reason)",
        ]
    }
}
