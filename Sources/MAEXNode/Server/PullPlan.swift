import Hummingbird
import MAEXCore
import MAEXWire

/// A checked pull request: the caller's vector as node ids, the author filter and the limits
/// capped by the server's. Pure.
struct PullPlan: Equatable, Sendable {
    /// The most authors a vector or filter may name.
    static let maxAuthors = 100_000

    /// What the caller holds.
    var vector: [NodeID: Int64]
    /// Only these authors, when given.
    var authors: Set<NodeID>?
    /// The most change sets to answer.
    var maxCount: Int
    /// About the most change-set bytes to answer.
    var maxBytes: Int
    /// The forks the caller knows (author to first retracted sequence).
    var knownForks: [NodeID: Int64] = [:]

    /// Checks `request` against the server's limits.
    init(_ request: PullRequest, maxCount serverCount: Int, maxBytes serverBytes: Int) throws {
        guard request.vector.count <= Self.maxAuthors else {
            throw APIError(.badRequest, code: "invalid_vector", message: "the vector names more than \(Self.maxAuthors) authors")
        }
        var vector: [NodeID: Int64] = [:]
        for (author, seq) in request.vector {
            guard let id = try? NodeID(hex: author) else {
                throw APIError(
                    .badRequest, code: "invalid_vector",
                    message: "vector key \"\(author.prefix(80))\" is not a node id (64 lowercase hex characters)")
            }
            guard seq >= 0 else {
                throw APIError(.badRequest, code: "invalid_vector", message: "vector entry for \(author) is negative")
            }
            vector[id] = seq
        }
        self.vector = vector
        if let authors = request.authors {
            guard authors.count <= Self.maxAuthors else {
                throw APIError(.badRequest, code: "invalid_author", message: "authors names more than \(Self.maxAuthors) authors")
            }
            var filter = Set<NodeID>()
            for author in authors {
                guard let id = try? NodeID(hex: author) else {
                    throw APIError(.badRequest, code: "invalid_author", message: "author \"\(author.prefix(80))\" is not a node id")
                }
                filter.insert(id)
            }
            self.authors = filter
        }
        knownForks = try Self.forks(request.forks ?? [:])
        maxCount = try Self.limit(request.maxCount, name: "maxCount", cap: serverCount)
        maxBytes = try Self.limit(request.maxBytes, name: "maxBytes", cap: serverBytes)
    }

    private static func forks(_ wire: [String: Int64]) throws -> [NodeID: Int64] {
        guard wire.count <= maxAuthors else {
            throw APIError(.badRequest, code: "invalid_forks", message: "forks names more than \(maxAuthors) authors")
        }
        var forks: [NodeID: Int64] = [:]
        for (author, seq) in wire {
            guard let id = try? NodeID(hex: author), seq >= 1 else {
                throw APIError(
                    .badRequest, code: "invalid_forks",
                    message: "forks entry \"\(author.prefix(80))\": \(seq) is not a node id with a sequence of at least 1")
            }
            forks[id] = seq
        }
        return forks
    }

    private static func limit(_ asked: Int?, name: String, cap: Int) throws -> Int {
        guard let asked else { return cap }
        guard asked >= 1 else { throw APIError(.badRequest, code: "invalid_limit", message: "\(name) must be at least 1") }
        return min(asked, cap)
    }
}
