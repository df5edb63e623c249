import Foundation
import MAEXCore

/// The grants and donations a node holds as 360Giving 1.4 data: a JSON package
/// (`{"grants": [...], "version": "1.4"}`) or the standard's flat CSV. Valid grants of every
/// fund (the ledger's, so an `over_budget` grant is not exported) and donations with a date.
public enum GivingExport {
    /// One exported grant.
    struct Grant {
        var id, title, description, awardDate, recipientID, recipientName, funderID, funderName: String
        var amountCents: Int64
        var appliedCents: Int64?
        var paidCents: Int64?
        var programme: (code: String, title: String)?
        var region: String?
    }

    /// The 360Giving identifier prefix of MAEX data.
    public static let prefix = "360G-maex-"

    /// The grants of `held`; `initiatives` are the live initiative records by id.
    static func grants(_ held: ImpulsRecords, initiatives: [String: RecordState]) -> [Grant] {
        var grants: [Grant] = []
        for code in held.fundCodes {
            guard let fund = held.fund(code) else { continue }
            let ledger = held.ledger(of: code)
            let applications = Dictionary(held.applications(to: code).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            for (decision, standing) in ledger.decisions where standing == .valid && decision.isGrant {
                guard let application = applications[decision.application] else { continue }
                let (recipientID, recipientName) = recipient(application.initiative, initiatives[application.initiative])
                grants.append(Grant(
                    id: prefix + decision.order.id, title: "\(fund.terms.name): \(recipientName)",
                    description: application.motivation.isEmpty ? fund.terms.name : application.motivation, awardDate: decision.decided,
                    recipientID: recipientID, recipientName: recipientName, funderID: prefix + "fund-" + code, funderName: fund.terms.name,
                    amountCents: decision.amountCents, appliedCents: application.amountCents,
                    paidCents: ledger.validPayments(of: application.id).reduce(0) { $0 + $1.amountCents }, programme: (code, fund.terms.name),
                    region: Municipalities.named(application.municipality)?.name))
            }
        }
        for (id, state) in held.records(RecordSchema.support.type) {
            guard state.value(of: "kind")?.stringValue == "donatie", let amount = state.value(of: "amount_cents")?.intValue, amount > 0,
                let date = state.value(of: "date")?.stringValue, let initiative = state.value(of: "initiative")?.stringValue,
                let partner = state.value(of: "partner")?.stringValue
            else { continue }
            let (recipientID, recipientName) = recipient(initiative, initiatives[initiative])
            grants.append(Grant(
                id: prefix + id, title: "Donatie van \(partner) aan \(recipientName)", description: state.value(of: "description")?.stringValue ?? "Donatie",
                awardDate: date, recipientID: recipientID, recipientName: recipientName, funderID: prefix + "partner-" + id, funderName: partner,
                amountCents: amount, region: state.value(of: "municipality")?.stringValue.flatMap { Municipalities.named($0)?.name }))
        }
        return grants
    }

    /// The JSON package, keys sorted.
    public static func json(_ held: ImpulsRecords, initiatives: [String: RecordState]) throws -> Data {
        let package: [String: Any] = ["version": "1.4", "grants": grants(held, initiatives: initiatives).map(object)]
        return try JSONSerialization.data(withJSONObject: package, options: [.sortedKeys, .withoutEscapingSlashes])
    }

    /// The flat CSV (the standard's column titles), one grant a row.
    public static func csv(_ held: ImpulsRecords, initiatives: [String: RecordState]) -> String {
        let header = [
            "Identifier", "Title", "Description", "Currency", "Amount Applied For", "Amount Awarded", "Amount Disbursed", "Award Date",
            "Recipient Org:Identifier", "Recipient Org:Name", "Funding Org:Identifier", "Funding Org:Name", "Grant Programme:Code",
            "Grant Programme:Title",
        ]
        let rows = grants(held, initiatives: initiatives).map { grant in
            [
                grant.id, grant.title, grant.description, "EUR", grant.appliedCents.map(euros) ?? "", euros(grant.amountCents),
                grant.paidCents.map(euros) ?? "", grant.awardDate, grant.recipientID, grant.recipientName, grant.funderID, grant.funderName,
                grant.programme?.code ?? "", grant.programme?.title ?? "",
            ]
        }
        return ([header] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    private static func object(_ grant: Grant) -> [String: Any] {
        var recipient: [String: Any] = ["id": grant.recipientID, "name": grant.recipientName]
        if let region = grant.region { recipient["addressLocality"] = region }
        recipient["addressCountry"] = "NL"
        var object: [String: Any] = [
            "id": grant.id, "title": grant.title, "description": grant.description, "currency": "EUR", "amountAwarded": amount(grant.amountCents),
            "awardDate": grant.awardDate, "recipientOrganization": [recipient],
            "fundingOrganization": [["id": grant.funderID, "name": grant.funderName]],
        ]
        if let applied = grant.appliedCents { object["amountAppliedFor"] = amount(applied) }
        if let paid = grant.paidCents { object["amountDisbursed"] = amount(paid) }
        if let programme = grant.programme { object["grantProgramme"] = [["code": programme.code, "title": programme.title]] }
        return object
    }

    private static func recipient(_ id: String, _ state: RecordState?) -> (String, String) {
        let name = state?.value(of: "name")?.stringValue ?? "Initiatief \(id)"
        if let kvk = state?.value(of: "kvk")?.stringValue { return ("NL-KVK-\(kvk)", name) }
        return (prefix + "initiative-" + id, name)
    }

    /// Euros as a JSON number: whole euros as an integer, else with two decimals.
    private static func amount(_ cents: Int64) -> Any {
        cents % 100 == 0 ? NSNumber(value: cents / 100) : NSDecimalNumber(string: euros(cents))
    }

    private static func euros(_ cents: Int64) -> String {
        let rest = abs(cents % 100)
        return "\(cents / 100).\(rest < 10 ? "0" : "")\(rest)"
    }

    private static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
