import Hummingbird
import MAEXCore
import MAEXStore
import MAEXWire

/// `GET /v1/conflicts` and `GET /v1/quarantine`: what the node keeps visible.
struct InspectionController: Sendable {
    let dependencies: ServerDependencies

    /// The most bytes of a refused body shown.
    static let excerptBytes = 256

    func addRoutes(to router: Router<some RequestContext>) {
        router.on(RouteCatalog.conflicts) { _, _ in try await conflicts() }
        router.on(RouteCatalog.quarantine) { request, _ in try await quarantine(request) }
    }

    func conflicts() async throws -> Response {
        let conflicts = try await dependencies.withStore { try $0.conflicts() }
        return try JSONResponse.make(ConflictsResponse(conflicts: conflicts.map { WireConflict($0) }))
    }

    func quarantine(_ request: Request) async throws -> Response {
        let limit = try QueryParameters(request.uri.query).integer("limit", in: 1...1000, default: 100)
        let (entries, forks) = try await dependencies.withStore { store in (try store.quarantine(limit: limit), try store.forks()) }
        return try JSONResponse.make(
            QuarantineResponse(
                entries: entries.map { entry in
                    WireQuarantineEntry(
                        id: entry.id.hex, reason: entry.reason, receivedAt: entry.receivedAtMilliseconds,
                        timesReceived: entry.timesReceived, size: entry.body.count,
                        excerpt: String(decoding: entry.body.prefix(Self.excerptBytes), as: UTF8.self))
                },
                forks: forks.map { fork in
                    WireFork(
                        author: fork.author.hex, seq: fork.seq, held: WireChangeSet(fork.held), other: WireChangeSet(fork.other),
                        detectedAt: fork.detectedAtMilliseconds)
                }))
    }
}
