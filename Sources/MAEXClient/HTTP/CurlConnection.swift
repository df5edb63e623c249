import CCurl
import Foundation
import MAEXCore

/// One libcurl easy handle to one peer, reused for every request so the TCP connection is kept
/// alive.
///
/// Not `Sendable` and not thread-safe: `HTTPTransport` confines it to its serial queue.
final class CurlConnection {
    /// The peer every request goes to.
    let peer: PeerURL
    private let configuration: HTTPTransportConfiguration
    private let handle: UnsafeMutableRawPointer
    /// Where libcurl writes the specific message of a failure (`CURLOPT_ERRORBUFFER`).
    let errorBuffer: UnsafeMutablePointer<CChar>
    private let errorBufferSize = Int(CURL_ERROR_SIZE)

    /// Creates the handle and sets the options shared by all requests.
    init(peer: PeerURL, configuration: HTTPTransportConfiguration) throws(ClientError) {
        guard curlGlobalInitResult == CURLE_OK.rawValue else {
            throw .transport(peer: peer.description, detail: "curl_global_init failed (code \(curlGlobalInitResult))")
        }
        guard let handle = curl_easy_init() else {
            throw .transport(peer: peer.description, detail: "curl_easy_init failed")
        }
        self.peer = peer
        self.configuration = configuration
        self.handle = handle
        self.errorBuffer = .allocate(capacity: errorBufferSize)
        errorBuffer.initialize(repeating: 0, count: errorBufferSize)
        try configureSharedOptions()
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    // MARK: Options

    private func configureSharedOptions() throws(ClientError) {
        let config = configuration
        try check(maex_setopt_long(handle, CURLOPT_NOSIGNAL, 1), "CURLOPT_NOSIGNAL")
        try check(maex_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer), "CURLOPT_ERRORBUFFER")
        try check(maex_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https"), "CURLOPT_PROTOCOLS_STR")
        try check(maex_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0), "CURLOPT_FOLLOWLOCATION")
        try check(maex_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "gzip"), "CURLOPT_ACCEPT_ENCODING")
        try check(maex_setopt_long(handle, CURLOPT_TCP_KEEPALIVE, 1), "CURLOPT_TCP_KEEPALIVE")
        try check(maex_setopt_string(handle, CURLOPT_USERAGENT, config.userAgent), "CURLOPT_USERAGENT")
        try check(
            maex_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, max(1, Int(config.connectTimeout.wholeMillisecondsRoundedUp))),
            "CURLOPT_CONNECTTIMEOUT_MS"
        )
        try check(maex_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, max(0, config.lowSpeedLimit)), "CURLOPT_LOW_SPEED_LIMIT")
        try check(
            maex_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, max(1, Int(config.lowSpeedTime.wholeSecondsRoundedUp))),
            "CURLOPT_LOW_SPEED_TIME"
        )
        try configureTLS(config.tls)
        // Callbacks: closures that capture nothing become C function pointers; each reaches the
        // current transfer's sink through the user-data pointer set per request.
        try check(
            maex_setopt_write_function(handle) { data, size, count, userData in
                guard let data, let userData else { return 0 }
                let sink = Unmanaged<TransferSink>.fromOpaque(userData).takeUnretainedValue()
                let length = size * count
                return sink.append(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
            },
            "CURLOPT_WRITEFUNCTION"
        )
        try check(
            maex_setopt_header_function(handle) { data, size, count, userData in
                guard let data, let userData else { return 0 }
                let sink = Unmanaged<TransferSink>.fromOpaque(userData).takeUnretainedValue()
                let length = size * count
                sink.addHeaderLine(UnsafeRawBufferPointer(start: data, count: length))
                return length
            },
            "CURLOPT_HEADERFUNCTION"
        )
        try check(
            maex_setopt_xferinfo_function(handle) { userData, _, _, _, _ in
                guard let userData else { return 0 }
                let sink = Unmanaged<TransferSink>.fromOpaque(userData).takeUnretainedValue()
                return sink.cancellation.isCancelled ? 1 : 0
            },
            "CURLOPT_XFERINFOFUNCTION"
        )
        try check(maex_setopt_long(handle, CURLOPT_NOPROGRESS, 0), "CURLOPT_NOPROGRESS")
        // The debug callback is the one exact view of the bytes on the wire: request head and
        // body as sent, response heads and body before de-chunking and gzip decoding.
        try check(
            maex_setopt_debug_function(handle) { _, type, _, size, userData in
                guard let userData else { return 0 }
                let sink = Unmanaged<TransferSink>.fromOpaque(userData).takeUnretainedValue()
                switch type {
                case CURLINFO_HEADER_OUT, CURLINFO_DATA_OUT: sink.requestBytes += size
                case CURLINFO_HEADER_IN, CURLINFO_DATA_IN: sink.responseBytes += size
                default: break
                }
                return 0
            },
            "CURLOPT_DEBUGFUNCTION"
        )
        try check(maex_setopt_long(handle, CURLOPT_VERBOSE, 1), "CURLOPT_VERBOSE")
    }

    /// Certificate checks for `https://` peers: always on; against a CA file or the system
    /// store, and the pinned public key when one is set.
    private func configureTLS(_ tls: PeerTLS) throws(ClientError) {
        try check(maex_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1), "CURLOPT_SSL_VERIFYPEER")
        try check(maex_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2), "CURLOPT_SSL_VERIFYHOST")
        if let caFile = tls.caFile { try check(maex_setopt_string(handle, CURLOPT_CAINFO, caFile), "CURLOPT_CAINFO") }
        if let pin = tls.pinnedPublicKey {
            try check(maex_setopt_string(handle, CURLOPT_PINNEDPUBLICKEY, pin), "CURLOPT_PINNEDPUBLICKEY")
        }
    }

    /// Sets the method and body options for `request` (the handle keeps options between
    /// requests, so every request sets all of them).
    private func configureMethod(_ request: HTTPRequestSpec) throws(ClientError) {
        let body = request.body
        if request.method == .get || (request.method == .delete && body == nil) {
            if body != nil {
                throw .invalidRequest(peer: peer.description, reason: "a GET request cannot carry a body")
            }
            try check(maex_setopt_long(handle, CURLOPT_HTTPGET, 1), "CURLOPT_HTTPGET")
        } else {
            let bytes = body ?? Data()
            try check(maex_setopt_long(handle, CURLOPT_POST, 1), "CURLOPT_POST")
            // The size must be set before CURLOPT_COPYPOSTFIELDS, which then copies that many bytes
            // (the body may contain NUL bytes). curl owns the copy: nothing has to outlive this call.
            try check(maex_setopt_off(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(bytes.count)), "CURLOPT_POSTFIELDSIZE_LARGE")
            let code: CURLcode = bytes.withUnsafeBytes { raw in
                if let base = raw.baseAddress, raw.count > 0 {
                    return maex_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: base))
                }
                return maex_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, "")
            }
            try check(code, "CURLOPT_COPYPOSTFIELDS")
        }
        let custom: String? = (request.method == .get || request.method == .post) ? nil : request.method.rawValue
        try check(maex_setopt_string(handle, CURLOPT_CUSTOMREQUEST, custom), "CURLOPT_CUSTOMREQUEST")
    }

    /// Builds the request header list; the caller frees it with `curl_slist_free_all`.
    private func makeHeaderList(_ request: HTTPRequestSpec) throws(ClientError) -> UnsafeMutablePointer<curl_slist>? {
        var lines = ["Expect:"]  // no 100-continue round trip before a body
        let sendsBody = request.method != .get && !(request.method == .delete && request.body == nil)
        if sendsBody || request.contentType != nil {
            let contentType = request.contentType ?? "application/octet-stream"
            guard !Self.containsLineBreak(contentType) else {
                throw .invalidRequest(peer: peer.description, reason: "the content type contains a line break")
            }
            lines.append("Content-Type: \(contentType)")
        }
        for header in request.headers {
            guard Self.isValidHeaderName(header.name) else {
                throw .invalidRequest(peer: peer.description, reason: "header name \"\(header.name)\" is not a valid token")
            }
            guard !Self.containsLineBreak(header.value) else {
                throw .invalidRequest(peer: peer.description, reason: "value of header \(header.name) contains a line break")
            }
            // "Name:" would remove a header in curl; "Name;" sends it with an empty value.
            lines.append(header.value.isEmpty ? "\(header.name);" : "\(header.name): \(header.value)")
        }
        var list: UnsafeMutablePointer<curl_slist>?
        for line in lines {
            guard let extended = curl_slist_append(list, line) else {
                curl_slist_free_all(list)
                throw .transport(peer: peer.description, detail: "out of memory building request headers")
            }
            list = extended
        }
        return list
    }

    private static let headerNameSeparators = Set("()<>@,;:\\\"/[]?={} \t".unicodeScalars)

    /// An RFC 9110 token: visible ASCII without separators.
    private static func isValidHeaderName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { scalar in
            scalar.value > 32 && scalar.value < 127 && !headerNameSeparators.contains(scalar)
        }
    }

    /// Checks scalars, not Characters: "\r\n" is one Character equal to neither "\r" nor "\n".
    private static func containsLineBreak(_ value: String) -> Bool {
        value.unicodeScalars.contains { $0 == "\r" || $0 == "\n" || $0 == "\0" }
    }

    private func check(_ code: CURLcode, _ option: String) throws(ClientError) {
        guard code != CURLE_OK else { return }
        throw .transport(peer: peer.description, detail: "setting \(option) failed: \(Self.message(for: code))")
    }

    // MARK: Perform

    /// Sends `request` once and waits for the whole response (blocking the calling thread).
    func perform(_ request: HTTPRequestSpec, cancellation: CancellationFlag) -> Result<HTTPResponseData, ClientError> {
        guard !cancellation.isCancelled else { return .failure(.cancelled(peer: peer.description)) }
        let headerList: UnsafeMutablePointer<curl_slist>?
        do {
            try configureMethod(request)
            headerList = try makeHeaderList(request)
        } catch {
            return .failure(error)
        }
        defer {
            _ = maex_setopt_slist(handle, CURLOPT_HTTPHEADER, nil)
            curl_slist_free_all(headerList)
        }
        let sink = TransferSink(limit: configuration.maxResponseBytes, cancellation: cancellation)
        let sinkPointer = Unmanaged.passUnretained(sink).toOpaque()
        let timeout = request.timeout ?? configuration.totalTimeout
        do {
            try check(maex_setopt_string(handle, CURLOPT_URL, peer.url(forPath: request.path)), "CURLOPT_URL")
            try check(maex_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList), "CURLOPT_HTTPHEADER")
            try check(maex_setopt_long(handle, CURLOPT_TIMEOUT_MS, max(1, Int(timeout.wholeMillisecondsRoundedUp))), "CURLOPT_TIMEOUT_MS")
            try check(maex_setopt_pointer(handle, CURLOPT_WRITEDATA, sinkPointer), "CURLOPT_WRITEDATA")
            try check(maex_setopt_pointer(handle, CURLOPT_HEADERDATA, sinkPointer), "CURLOPT_HEADERDATA")
            try check(maex_setopt_pointer(handle, CURLOPT_XFERINFODATA, sinkPointer), "CURLOPT_XFERINFODATA")
            try check(maex_setopt_pointer(handle, CURLOPT_DEBUGDATA, sinkPointer), "CURLOPT_DEBUGDATA")
        } catch {
            return .failure(error)
        }
        errorBuffer[0] = 0
        let code = withExtendedLifetime(sink) { curl_easy_perform(handle) }
        // The sink dies with this call: no callback may reach it afterwards.
        _ = maex_setopt_pointer(handle, CURLOPT_WRITEDATA, nil)
        _ = maex_setopt_pointer(handle, CURLOPT_HEADERDATA, nil)
        _ = maex_setopt_pointer(handle, CURLOPT_XFERINFODATA, nil)
        _ = maex_setopt_pointer(handle, CURLOPT_DEBUGDATA, nil)
        guard code == CURLE_OK else {
            return .failure(error(for: code, sink: sink))
        }
        return .success(
            HTTPResponseData(
                peer: peer, method: request.method, path: request.path, status: infoLong(CURLINFO_RESPONSE_CODE),
                headers: sink.headers, body: sink.body, requestBytes: sink.requestBytes,
                responseBytes: sink.responseBytes, newConnections: infoLong(CURLINFO_NUM_CONNECTS)
            )
        )
    }

    /// A `long` item of `curl_easy_getinfo` about the last transfer (0 if unavailable).
    func infoLong(_ info: CURLINFO) -> Int {
        var value = 0
        return maex_getinfo_long(handle, info, &value) == CURLE_OK ? value : 0
    }
}
