import Foundation
import MAEXNode

/// One node of the demo network: who it is, where it listens, whom it syncs with.
struct DemoNode: Sendable {
    /// A short key, also the folder name (`vlissingen`).
    let key: String
    /// The node's name.
    let name: String
    /// The kind of partner.
    let role: NodeRole
    /// Its scope codes.
    let scope: [String]
    /// The port on 127.0.0.1.
    let port: Int
    /// The keys of the nodes it syncs with.
    let peers: [String]

    /// The node's base URL.
    var url: String { "http://127.0.0.1:\(port)/" }

    /// The Zeeland network: the hub syncs with the national node; the municipalities and the
    /// fund sync with the hub (the same tree as `nodes/*.toml`).
    static func zeeland(basePort: Int) -> [DemoNode] {
        [
            DemoNode(key: "national", name: "MAEX Nederland", role: .national, scope: ["NL"], port: basePort, peers: []),
            DemoNode(key: "zeeland", name: "Provincie Zeeland", role: .province, scope: ["PV29"], port: basePort + 1, peers: ["national"]),
            DemoNode(
                key: "vlissingen", name: "Gemeente Vlissingen", role: .municipality, scope: ["GM0718"], port: basePort + 2,
                peers: ["zeeland"]),
            DemoNode(key: "tholen", name: "Gemeente Tholen", role: .municipality, scope: ["GM0716"], port: basePort + 3, peers: ["zeeland"]),
            DemoNode(
                key: "fund", name: "Stichting Impulsfonds Zeeland", role: .fund, scope: ["impuls"], port: basePort + 4,
                peers: ["zeeland"]),
        ]
    }
}
