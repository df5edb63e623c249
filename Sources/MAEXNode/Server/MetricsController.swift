import Foundation
import Hummingbird
import MAEXStore

/// `GET /metrics`: the Prometheus text format; the store's size is read at each scrape.
struct MetricsController: Sendable {
    let dependencies: ServerDependencies

    func addRoutes(to router: Router<some RequestContext>) {
        router.on(RouteCatalog.metrics) { _, _ in try await metrics() }
    }

    func metrics() async throws -> Response {
        let (changeSets, pending, forked) = try await dependencies.withStore { store in
            (try store.changeSetCount(), try store.pendingCount(), try store.forkedAuthors().count)
        }
        let path = dependencies.node.store.path
        let fileBytes = [path, path + "-wal"].reduce(Int64(0)) { total, file in
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.int64Value ?? 0
            return total + size
        }
        dependencies.metrics.storeSize(changeSets: changeSets, pending: pending, fileBytes: fileBytes)
        dependencies.metrics.health(forkedAuthors: forked, sync: dependencies.node.syncStatus?.snapshot())
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: dependencies.metrics.render())))
    }
}
