import Foundation

/// Where libcurl's callbacks put one transfer's response; reached from C through `Unmanaged`.
///
/// Lives on the transport's queue for the duration of one `curl_easy_perform`.
final class TransferSink {
    /// The decoded response body received so far.
    private(set) var body = Data()
    /// Header fields of the latest response head (an interim `100 Continue` head is discarded).
    private(set) var headers: [HTTPHeader] = []
    /// Set when the body grew past `limit` and the write callback refused it.
    private(set) var overflowed = false
    /// Bytes of the request head and body written to the connection (from the debug callback).
    var requestBytes = 0
    /// Bytes of response heads and the raw (compressed, chunked) body read from the connection.
    var responseBytes = 0
    /// The largest accepted body.
    let limit: Int
    /// Checked by the progress callback; aborts the transfer when set.
    let cancellation: CancellationFlag

    init(limit: Int, cancellation: CancellationFlag) {
        self.limit = limit
        self.cancellation = cancellation
    }

    /// Appends a body chunk; returns false (abort) when it would pass the limit.
    func append(_ chunk: UnsafeRawBufferPointer) -> Bool {
        guard body.count + chunk.count <= limit else {
            overflowed = true
            return false
        }
        body.append(contentsOf: chunk)
        return true
    }

    /// Records one raw header line (`Name: value\r\n`, a status line or the blank line).
    func addHeaderLine(_ line: UnsafeRawBufferPointer) {
        let text = String(decoding: line, as: UTF8.self)
        if text.hasPrefix("HTTP/") {
            headers.removeAll()  // a new response head starts
            return
        }
        guard let colon = text.firstIndex(of: ":") else { return }
        let name = text[..<colon].trimmingCharacters(in: .whitespaces)
        let value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { return }
        headers.append(HTTPHeader(name: name, value: value))
    }

}
