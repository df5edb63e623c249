import MAEXCore

/// An Atom 1.0 feed (RFC 4287) of the initiatives of an area, the most recently changed first
/// (at most `limit`), so a municipality can show new and changed initiatives on its own site.
/// Links are absolute on `base` (`http://host:port`). Pure.
struct AtomFeed: Sendable {
    /// The feed's title, e.g. `Initiatieven in Gemeente Vlissingen`.
    let title: String
    /// The feed's own path, e.g. `/feed/gemeente/GM0718.atom`.
    let path: String
    /// The area page the feed belongs to.
    let areaPath: String
    let base: String
    let author: String
    let licence: String
    var limit = 50

    /// The feed document for `initiatives`.
    func xml(_ initiatives: [OpenDataInitiative]) -> String {
        let entries = initiatives.sorted { ($0.modified, $0.id) > ($1.modified, $1.id) }.prefix(limit)
        let updated = OpenDataTime.iso(milliseconds: entries.first?.modified ?? 0)
        var lines = [
            #"<?xml version="1.0" encoding="utf-8"?>"#, #"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl">"#,
            "<id>urn:uuid:\(StableUUID.make("feed:\(path)"))</id>", "<title>\(Self.escape(title))</title>", "<updated>\(updated)</updated>",
            "<author><name>\(Self.escape(author))</name></author>", "<rights>\(Self.escape(licence))</rights>",
            #"<link rel="self" type="application/atom+xml" href="\#(Self.escape(base + path))"/>"#,
            #"<link rel="alternate" type="text/html" href="\#(Self.escape(base + areaPath))"/>"#,
            #"<generator>maex-node</generator>"#,
        ]
        for initiative in entries { lines += entry(initiative) }
        lines.append("</feed>")
        return lines.joined(separator: "\n") + "\n"
    }

    private func entry(_ initiative: OpenDataInitiative) -> [String] {
        let profile = initiative.profile
        var lines = [
            "<entry>", "<id>urn:uuid:\(profile.id)</id>", "<title>\(Self.escape(profile.name))</title>",
            "<updated>\(OpenDataTime.iso(milliseconds: initiative.modified))</updated>",
            #"<link rel="alternate" type="text/html" href="\#(Self.escape(base + "/initiatief/" + profile.id))"/>"#,
        ]
        let summary = [profile.description, "Gemeente \(Municipalities.name(of: profile.municipality))"].compactMap { $0 }.joined(separator: " · ")
        lines.append(#"<summary type="text">\#(Self.escape(summary))</summary>"#)
        for goal in profile.sdgs.compactMap(SDG.number) {
            lines.append(#"<category scheme="https://sdgs.un.org/goals" term="\#(goal.code)" label="\#(Self.escape(goal.name))"/>"#)
        }
        lines.append("</entry>")
        return lines
    }

    /// Text for XML content and attributes; characters XML 1.0 forbids are dropped.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20, scalar.value != 0xFFFE, scalar.value != 0xFFFF { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }
}
