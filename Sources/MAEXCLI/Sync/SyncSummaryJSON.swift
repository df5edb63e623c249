import MAEXClient
import MAEXCore
import MAEXNode

/// The `--json` form of a sync round: one canonical JSON object per peer on one line.
struct SyncSummaryJSON {
    let value: JSONValue

    init(_ summary: SyncSummary) {
        let milliseconds = summary.duration.wholeMilliseconds
        value = .object([
            "peer": .string(summary.peer), "ok": .bool(true),
            "pulled": .int(Int64(summary.pulled)), "stored": .int(Int64(summary.stored)),
            "duplicate": .int(Int64(summary.duplicate)), "pending": .int(Int64(summary.pending)),
            "rejected": .int(Int64(summary.rejected + summary.forks)), "forks": .int(Int64(summary.forks)),
            "pushed": .int(Int64(summary.pushed)), "push_stored": .int(Int64(summary.pushStored)),
            "push_duplicate": .int(Int64(summary.pushDuplicate)), "push_pending": .int(Int64(summary.pushPending)),
            "push_rejected": .int(Int64(summary.pushRejected)),
            "requests": .int(Int64(summary.traffic.requests)), "pull_requests": .int(Int64(summary.pullRequests)),
            "push_requests": .int(Int64(summary.pushRequests)),
            "bytes_out": .int(Int64(summary.traffic.requestBytes)), "bytes_in": .int(Int64(summary.traffic.responseBytes)),
            "fork_proofs": .int(Int64(summary.forkProofs)), "proofs_pushed": .int(Int64(summary.proofsPushed)),
            "pull_passes": .int(Int64(summary.pullPasses)), "still_pending": .int(Int64(summary.stillPending)),
            "milliseconds": .int(milliseconds), "rejections": .array(summary.rejections.map(JSONValue.string)),
        ])
    }

    init(failed peer: String, error: any Error) {
        value = .object(["peer": .string(peer), "ok": .bool(false), "error": .string("\(error)")])
    }

    /// The object on one line.
    var line: String { value.canonicalString }
}
