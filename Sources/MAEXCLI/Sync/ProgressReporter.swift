import Foundation
import MAEXNode
import Synchronization

/// Prints a progress line for long transfers: nothing for a round that moves little, then at
/// most one line per second while batches arrive.
final class ProgressReporter: Sendable {
    /// Rounds expected to move fewer change sets than this print no progress.
    static let threshold = 1000

    private let enabled: Bool
    private let state = Mutex<(last: ContinuousClock.Instant?, shown: Bool)>((nil, false))

    init(enabled: Bool) {
        self.enabled = enabled
    }

    /// Called after every batch of a round.
    func report(_ progress: SyncProgress) {
        guard enabled, progress.expected >= Self.threshold else { return }
        let now = ContinuousClock.now
        let due = state.withLock { state -> Bool in
            if let last = state.last, now - last < .seconds(1), progress.done < progress.expected { return false }
            state = (now, true)
            return true
        }
        guard due else { return }
        let percent = progress.expected > 0 ? progress.done * 100 / progress.expected : 100
        let verb = progress.phase == .pull ? "pulling from" : "pushing to"
        Console.progress(
            "\(verb) \(progress.peer): \(progress.done)/\(progress.expected) change sets (\(percent)%), \(Console.bytes(progress.bytes))")
    }

    /// Ends the progress line, if one was shown.
    func finish() {
        if state.withLock({ $0.shown }) { Console.endProgress() }
    }
}
