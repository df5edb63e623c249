import Foundation
import ServiceLifecycle

/// Ends a child node when the process that started it is gone (`serve --exit-with-parent`,
/// used by `demo` and the tests): when the parent process changes, it sends this process
/// SIGTERM, which shuts the service group down gracefully. So children never outlive their
/// launcher, even when it is killed with SIGKILL.
struct ParentWatch: Service {
    /// The parent at start.
    let parent: pid_t

    func run() async throws {
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            if getppid() != parent {
                kill(getpid(), SIGTERM)
                break
            }
            do {
                try await Task.sleep(for: .milliseconds(200))
            } catch {
                return
            }
        }
        try? await gracefulShutdown()
    }
}
