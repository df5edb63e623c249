extension RecordSchema {
    /// The names of the fields that code reads or writes by name (the schemas, the editor, the
    /// pages, the store's indexes), so a name is written once.
    public enum Field {
        /// A record's name (initiatives, offers).
        public static let name = "name"
        /// The CBS municipality code: an initiative's, copied into its sub-records; scopes
        /// who may edit the record.
        public static let municipality = "municipality"
        /// A sub-record's initiative id.
        public static let initiative = "initiative"
        /// An initiative's or a need's status.
        public static let status = "status"
        /// A contribution's, need's or offer's kind.
        public static let kind = "kind"
        /// An initiative's phase.
        public static let phase = "phase"
        /// An initiative's SDG numbers.
        public static let sdgs = "sdgs"
        /// An initiative's themes.
        public static let themes = "themes"
        /// A contribution's catalogue activity.
        public static let activity = "activity"
        /// A contribution's SDG.
        public static let goal = "goal"
        /// A contribution's SDG target.
        public static let target = "target"
        /// A contribution's indicator.
        public static let indicator = "indicator"
        /// A contribution's unit.
        public static let unit = "unit"
        /// The valuation catalogue version a contribution was valued with.
        public static let methodVersion = "method_version"
        /// A contribution's quantity.
        public static let quantity = "quantity"
        /// A contribution's value per unit, in euro cents.
        public static let valuePerUnitCents = "value_per_unit_cents"
        /// A contribution's total, in euro cents.
        public static let totalCents = "total_cents"
        /// A need's amount, in euro cents.
        public static let amountCents = "amount_cents"
        /// When an initiative's profile was last confirmed.
        public static let lastVerified = "last_verified"
        /// Whether an initiative agreed to publication.
        public static let publicationConsent = "publication_consent"
    }
}
