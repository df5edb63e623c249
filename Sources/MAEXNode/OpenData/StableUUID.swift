import MAEXCore

/// Name-based UUIDs for the open-data exports: the same name always gives the same id, on every
/// node and in every release, so HSDS consumers can keep them. RFC 9562 version 8 ("custom")
/// built from SHA-256 as its appendix B.2 shows: the first 16 bytes of SHA-256 of
/// `"maex:" + name`, with the version nibble set to 8 and the variant bits to `10`. Pure.
enum StableUUID {
    /// The lowercase UUID for `name`, e.g. `make("sdg:3")`.
    static func make(_ name: String) -> String {
        var bytes = Array(SHA256Hash.digest(Array("maex:\(name)".utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { byte in String(byte, radix: 16).leftPadded(to: 2) }.joined()
        let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
            String(hex.dropFirst(range.lowerBound).prefix(range.count))
        }
        return parts.joined(separator: "-")
    }
}

extension String {
    /// The string with leading zeros up to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
