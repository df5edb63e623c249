import ArgumentParser
import Foundation
import MAEXCore
import MAEXNode

/// Opening a node for an Impuls command, and what the commands share.
enum ImpulsSession {
    /// A desk on the node of `options`, opened for writing.
    static func desk(_ options: NodeOptions) throws -> ImpulsDesk {
        let session = try NodeSession.openForWriting(options)
        return ImpulsDesk(store: session.store, author: session.author)
    }

    /// A desk on the node of `options`, for reading.
    static func reader(_ options: NodeOptions) throws -> ImpulsDesk {
        let session = try NodeSession.open(options)
        return ImpulsDesk(store: session.store, author: session.author)
    }

    /// `date` checked, or today (UTC).
    static func day(_ date: String?) throws -> String {
        guard let date else { return CalendarDate.iso(milliseconds: LocalAuthor.systemMilliseconds()) }
        return try ImpulsInput.date(date)
    }

    /// Prints what was recorded and the new record's id as the last line.
    static func report(_ change: AuthoredChange) {
        print("recorded \(change.record.type) (change set \(change.signed.id.hex.prefix(12))…)")
        print(change.record.id)
    }
}
