import Dispatch
import Hummingbird

/// Counts every request by route template, method and status, and records its duration.
/// Route labels are templates (`/v1/initiatives/{id}`) or `NotFound`, and unusual methods are
/// counted as `OTHER`, so a client cannot create unbounded label values.
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics

    private static var knownMethods: Set<HTTPRequest.Method> { [.get, .post, .put, .delete, .head, .options, .patch] }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        let method = Self.knownMethods.contains(request.method) ? request.method.rawValue : "OTHER"
        do {
            let response = try await next(request, context)
            record(context: context, method: method, status: response.status.code, start: start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            record(context: context, method: method, status: status, start: start)
            throw error
        }
    }

    private func record(context: Context, method: String, status: Int, start: UInt64) {
        let elapsed = DispatchTime.now().uptimeNanoseconds &- start
        let route = context.endpointPath.map { Self.template($0) } ?? "NotFound"
        metrics.requestCompleted(route: route, method: method, status: status, nanoseconds: elapsed)
    }

    /// Hummingbird writes path parameters as `{id}` or `:id`; the catalog's form is `{id}`.
    private static func template(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
            .joined(separator: "/")
    }
}
