import CCurl
import Foundation

/// Mapping libcurl result codes to `ClientError`.
extension CurlConnection {
    /// The `ClientError` for a failed `curl_easy_perform`.
    func error(for code: CURLcode, sink: TransferSink) -> ClientError {
        let name = peer.description
        let detail = curlDetail(code)
        if sink.overflowed { return .responseTooLarge(peer: name, limit: sink.limit) }
        if sink.cancellation.isCancelled { return .cancelled(peer: name) }
        switch code {
        case CURLE_COULDNT_CONNECT:
            return infoLong(CURLINFO_OS_ERRNO) == Int(ECONNREFUSED)
                ? .connectionRefused(peer: name)
                : .connectionFailed(peer: name, detail: detail)
        case CURLE_COULDNT_RESOLVE_HOST:
            return .hostNotFound(peer: name)
        case CURLE_OPERATION_TIMEDOUT:
            return .timedOut(peer: name, detail: detail)
        case CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE:
            return .connectionLost(peer: name, detail: detail)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
             CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH:
            return .tlsFailure(peer: name, detail: detail)
        case CURLE_BAD_CONTENT_ENCODING:
            return .transport(peer: name, detail: "the compressed response could not be decoded (\(detail))")
        default:
            return .transport(peer: name, detail: detail)
        }
    }

    /// libcurl's specific message for the last failure, else the generic one for `code`.
    func curlDetail(_ code: CURLcode) -> String {
        let specific = String(cString: errorBuffer)
        let text = specific.isEmpty ? Self.message(for: code) : specific
        return "\(text) (curl error \(code.rawValue))"
    }

    /// libcurl's generic text for `code`.
    static func message(for code: CURLcode) -> String {
        curl_easy_strerror(code).map { String(cString: $0) } ?? "curl error \(code.rawValue)"
    }
}
