import MAEXCore

/// An initiative as the open data publishes it: its profile, the fields the pages do not show
/// (KvK number, ANBI, working area, paid staff) and when its record was last changed.
struct OpenDataInitiative: Sendable, Equatable {
    let profile: InitiativeProfile
    /// The KvK number.
    let kvk: String?
    /// Whether the initiative has ANBI status.
    let anbi: Bool?
    /// Municipality and province codes served.
    let workingArea: [String]
    /// Paid staff.
    let paidStaff: Int64?
    /// The latest clock among the record's current writes, in milliseconds since 1970.
    let modified: Int64

    /// Reads a live `initiative` record; `nil` when deleted or incomplete.
    init?(id: String, state: RecordState) {
        guard let profile = InitiativeProfile(id: id, state: state) else { return nil }
        self.profile = profile
        kvk = state.value(of: "kvk")?.stringValue
        if case .bool(let flag)? = state.value(of: "anbi") { anbi = flag } else { anbi = nil }
        workingArea = state.value(of: "working_area")?.arrayValue?.compactMap(\.stringValue) ?? []
        paidStaff = state.value(of: "paid_staff")?.intValue
        modified = state.lastModified
    }

    var id: String { profile.id }
}

extension RecordState {
    /// The latest clock among the current writes, in milliseconds (0 without writes).
    var lastModified: Int64 { fields.values.flatMap { $0.writes.map(\.hlc.milliseconds) }.max() ?? 0 }
}
