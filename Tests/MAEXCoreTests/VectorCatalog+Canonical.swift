import MAEXCore

extension VectorCatalog {
    /// Canonical JSON: values with their only accepted encoding, and byte strings the parser
    /// refuses, with the reason.
    static func canonicalJSON() -> JSONValue {
        let valid = validCanonical.map { name, value -> JSONValue in
            .object([
                "name": .string(name),
                "value": value,
                "canonical": .string(value.canonicalString),
                "canonical_hex": .string(Hex.encode(value.canonicalBytes)),
            ])
        }
        let invalid = invalidCanonical.map { name, bytes -> JSONValue in
            var members: [String: JSONValue] = ["name": .string(name), "bytes_hex": .string(Hex.encode(bytes))]
            if let text = String(validating: bytes, as: UTF8.self) { members["text"] = .string(text) }
            do {
                _ = try JSONValue(canonicalBytes: bytes)
                members["error"] = .string("ACCEPTED (generator bug)")
            } catch let error as JSONError {
                members["error"] = .string(VectorDescription.name(error))
            } catch {
                members["error"] = .string("UNEXPECTED \(error)")
            }
            return .object(members)
        }
        return document(
            "Canonical JSON. 'valid': the value (as ordinary JSON in this file) and its one accepted encoding "
                + "('canonical' as text, 'canonical_hex' as bytes); decoding those bytes and encoding again gives the same "
                + "bytes. 'invalid': byte strings that MUST be refused; 'error' names the reference parser's JSONError case "
                + "(informative: an implementation only has to refuse).",
            ["valid": .array(valid), "invalid": .array(invalid)],
            cases: [])
    }

    /// `depth` arrays nested around `inner`.
    static func nested(_ depth: Int, _ inner: JSONValue) -> JSONValue {
        (0..<depth).reduce(inner) { value, _ in .array([value]) }
    }

    static var validCanonical: [(String, JSONValue)] {
        [
            ("null", .null),
            ("true", .bool(true)),
            ("false", .bool(false)),
            ("zero", .int(0)),
            ("negative", .int(-42)),
            ("max-safe-integer", .int(JSONValue.maxSafeInteger)),
            ("min-safe-integer", .int(-JSONValue.maxSafeInteger)),
            ("empty-string", .string("")),
            ("quote-and-backslash", .string("a\"b\\c")),
            ("short-escapes", .string("line\nreturn\rtab\t")),
            ("other-controls-as-u00xx", .string("\u{0}\u{1}\u{8}\u{C}\u{1B}\u{1F}")),
            ("delete-and-slash-raw", .string("\u{7F}/</script>")),
            ("non-ascii-raw-utf8", .string("Zeeuwse café, Ærø, Ελλάδα, 日本, 😀")),
            ("line-separator-raw", .string("a\u{2028}b\u{2029}c")),
            ("nfc-and-nfd-kept-as-written", .array([.string("caf\u{E9}"), .string("cafe\u{301}")])),
            ("empty-array", .array([])),
            ("empty-object", .object([:])),
            ("array-order-kept", .array([.int(3), .int(1), .int(2), .null, .bool(false), .string("x")])),
            (
                "keys-sorted-by-utf8-bytes",
                .object([
                    "b": .int(1), "a": .int(2), "A": .int(3), "aa": .int(4), "": .int(5), "_": .int(6), "é": .int(7), "z": .int(8),
                ])
            ),
            // U+FF61 sorts before U+1F600 by UTF-8 bytes (EF.. < F0..) but after it by UTF-16 code units.
            ("keys-utf8-order-not-utf16", .object(["\u{FF61}": .int(1), "😀": .int(2)])),
            (
                "nested",
                .object([
                    "ops": .array([.object(["value": .object(["z": .array([]), "a": .object([:])]), "op": .string("set")])]),
                    "hlc": .array([.int(1_767_225_600_000), .int(0)]),
                ])
            ),
            // The example of PROTOCOL.md section 3.2.
            ("protocol-md-example", .object(["b": .array([.int(1), .string("x\ny")]), "a": .null, "é": .bool(true)])),
            ("depth-16-scalar", nested(16, .int(0))),
            // 17 arrays: the innermost, empty one has 16 enclosing containers.
            ("depth-17-arrays-innermost-empty", nested(16, .array([]))),
        ]
    }

    static var invalidCanonical: [(String, [UInt8])] {
        let text: [(String, String)] = [
            ("empty-input", ""),
            ("space-after-colon", "{\"a\": 1}"),
            ("space-after-comma", "[1, 2]"),
            ("leading-space", " 1"),
            ("trailing-newline", "{}\n"),
            ("trailing-value", "[1]2"),
            ("keys-not-sorted", "{\"b\":1,\"a\":2}"),
            ("keys-sorted-by-utf16-not-utf8", "{\"😀\":2,\"\u{FF61}\":1}"),
            ("duplicate-key", "{\"a\":1,\"a\":2}"),
            ("float", "1.0"),
            ("exponent", "1e3"),
            ("exponent-upper", "1E3"),
            ("negative-zero", "-0"),
            ("leading-zero", "01"),
            ("plus-sign", "+1"),
            ("minus-alone", "-"),
            ("beyond-max-safe-integer", "9007199254740992"),
            ("beyond-min-safe-integer", "-9007199254740992"),
            ("escaped-slash", "\"\\/\""),
            ("escaped-backspace", "\"\\b\""),
            ("escaped-formfeed", "\"\\f\""),
            ("u-escape-of-printable", "\"\\u0041\""),
            ("u-escape-of-newline", "\"\\u000a\""),
            ("u-escape-uppercase-hex", "\"\\u001F\""),
            ("u-escape-of-non-ascii", "\"\\u00e9\""),
            ("u-escape-surrogate-pair", "\"\\ud83d\\ude00\""),
            ("unknown-escape", "\"\\x\""),
            ("raw-newline-in-string", "\"a\nb\""),
            ("raw-tab-in-string", "\"a\tb\""),
            ("literal-wrong-case", "True"),
            ("literal-truncated", "nul"),
            ("trailing-comma-array", "[1,]"),
            ("trailing-comma-object", "{\"a\":1,}"),
            ("unterminated-array", "[1"),
            ("unterminated-string", "\"abc"),
            ("single-quotes", "'a'"),
            ("nan", "NaN"),
            ("depth-17-scalar", nested(17, .int(0)).canonicalString),
            ("depth-18-arrays-innermost-empty", nested(17, .array([])).canonicalString),
        ]
        let bytes: [(String, [UInt8])] = [
            ("byte-order-mark", [0xEF, 0xBB, 0xBF] + Array("{}".utf8)),
            ("raw-control-0x01-in-string", [0x22, 0x01, 0x22]),
            ("invalid-utf8-continuation", [0x22, 0xC3, 0x28, 0x22]),
            ("invalid-utf8-overlong", [0x22, 0xC0, 0xAF, 0x22]),
            ("invalid-utf8-surrogate", [0x22, 0xED, 0xA0, 0x80, 0x22]),
            ("invalid-utf8-beyond-u10ffff", [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22]),
            ("invalid-utf8-byte-ff", [0x22, 0xFF, 0x22]),
            // "é" decomposed (65 CC 81) and precomposed (C3 A9): bytewise sorted and distinct, but
            // canonically equivalent Unicode: refused as one key written twice.
            ("keys-canonically-equivalent-adjacent", Array("{\"e\u{301}\":1,\"\u{E9}\":2}".utf8)),
            ("keys-canonically-equivalent-apart", Array("{\"e\u{301}\":1,\"f\":2,\"\u{E9}\":3}".utf8)),
        ]
        return text.map { ($0.0, Array($0.1.utf8)) } + bytes
    }
}
