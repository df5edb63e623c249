import Foundation
import MAEXCore

/// Who answers for a node's personal data and how to reach them (`[privacy]` in the node's
/// TOML file): what the privacy page (`/privacy`) and the accessibility statement
/// (`/toegankelijkheid`) say. Every key is optional; without one the pages name the node and
/// say that no contact address was configured.
///
/// ```toml
/// [privacy]
/// controller = "Gemeente Vlissingen"          # the controller (verwerkingsverantwoordelijke)
/// contact_email = "privacy@vlissingen.nl"     # where to ask for access, correction, erasure
/// officer_email = "fg@vlissingen.nl"          # the data protection officer (FG), if any
/// retention = "Profielen die twee jaar niet zijn bevestigd, verwijderen we na een herinnering."
/// ```
public struct PrivacyNotice: Sendable, Hashable {
    /// The longest free text accepted (`controller`, `retention`).
    public static let maxTextLength = 1000

    /// The organisation responsible for the data (`nil`: the node's name).
    public var controller: String?
    /// The address for questions and requests about personal data.
    public var contactEmail: String?
    /// The data protection officer's address (functionaris gegevensbescherming).
    public var officerEmail: String?
    /// The controller's own retention rule, in Dutch, shown besides what the software keeps.
    public var retention: String?

    /// A notice; `contactEmail` and `officerEmail` must be e-mail addresses.
    public init(
        controller: String? = nil, contactEmail: String? = nil, officerEmail: String? = nil, retention: String? = nil
    ) throws(NodeConfigurationError) {
        for (key, text) in [("privacy.controller", controller), ("privacy.retention", retention)] {
            guard let text else { continue }
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, text.count <= Self.maxTextLength else {
                throw .invalidValue(key: key, value: text, reason: "expected 1 to \(Self.maxTextLength) characters")
            }
        }
        for (key, address) in [("privacy.contact_email", contactEmail), ("privacy.officer_email", officerEmail)] {
            guard let address else { continue }
            guard CodePattern.email.matches(address) else {
                throw .invalidValue(key: key, value: address, reason: "expected an e-mail address such as privacy@gemeente.nl")
            }
        }
        self.controller = controller
        self.contactEmail = contactEmail
        self.officerEmail = officerEmail
        self.retention = retention
    }
}

extension PrivacyNotice {
    /// No `[privacy]` table: every key unset.
    public static let unset = PrivacyNotice(uncheckedController: nil)

    private init(uncheckedController controller: String?) {
        self.controller = controller
    }
}
