/// An application as a fund's view shows it.
public struct ApplicationEntry: Hashable, Sendable {
    /// The application record's id.
    public var id: String
    /// The applying initiative.
    public var initiative: String
    /// Its municipality.
    public var municipality: String
    /// The fund applied to.
    public var fundCode: String
    /// The amount asked, in euro cents.
    public var amountCents: Int64
    /// The day submitted.
    public var submitted: String
    /// Why.
    public var motivation: String
    /// The impact the initiative wants to make.
    public var impact: String

    /// The entry of a live `application` record, `nil` when it lacks what an entry needs.
    public init?(id: String, record: RecordState) {
        guard !record.isDeleted else { return nil }
        let values = RecordValues(state: record)
        guard let initiative = values.string("initiative"), let municipality = values.string("municipality"),
            let fund = values.string("fund_code"), let amount = values.int("amount_cents"), let submitted = values.string("submitted")
        else { return nil }
        self.id = id
        self.initiative = initiative
        self.municipality = municipality
        self.fundCode = fund
        self.amountCents = amount
        self.submitted = submitted
        self.motivation = values.string("motivation") ?? ""
        self.impact = values.string("impact") ?? ""
    }
}
