/// An HSDS 3.0 `organization`: an initiative. Absent values are left out (HSDS allows no nulls).
struct HSDSOrganization: Encodable, Sendable, Equatable {
    let id: String
    let name: String
    var alternate_name: String?
    /// Required by HSDS; empty when the initiative gave none.
    let description: String
    var email: String?
    var website: String?
    /// `ANBI` for a public benefit organisation (algemeen nut beogende instelling).
    var tax_status: String?
    var year_incorporated: Int64?
    /// The legal form: `stichting`, `vereniging`, `cooperatie`, `bv` or `informeel`.
    var legal_status: String?
    var organization_identifiers: [HSDSOrganizationIdentifier]?
    /// The organisation's services (on `/organizations/{id}` only).
    var services: [HSDSService]?
}

/// An HSDS 3.0 `organization_identifier`: the KvK number (scheme `NL-KVK`).
struct HSDSOrganizationIdentifier: Encodable, Sendable, Equatable {
    let id: String
    let organization_id: String
    let identifier_scheme: String
    let identifier_type: String
    let identifier: String
}
