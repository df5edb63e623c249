import MAEXCore
import XCTest

/// Eligibility of an application against a fund's criteria, with Dutch reasons.
final class ImpulsEligibilityTests: XCTestCase {
    private let terms = FundTerms(
        code: "impuls-zeeland", name: "Impuls Zeeland", areas: ["PV29"], sdgs: [3, 11], themes: ["zorg", "wijk"], minPhase: "start",
        completeProfile: true, grantIntervalMonths: 12, requireAccounted: true, amountMinCents: 50_000, amountMaxCents: 250_000,
        opens: "2026-01-01", closes: "2026-12-31")

    private func fit() -> Applicant {
        Applicant(municipality: "GM0718", sdgs: [11], themes: ["wijk"], phase: "groei")
    }

    func testAFittingApplicationHasNoProblems() {
        XCTAssertEqual(Eligibility.problems(terms: terms, applicant: fit(), amountCents: 150_000, date: "2026-06-01"), [])
        XCTAssertEqual(Eligibility.problems(terms: terms, applicant: fit(), amountCents: 50_000, date: "2026-01-01"), [], "bounds included")
        XCTAssertEqual(Eligibility.problems(terms: terms, applicant: fit(), amountCents: 250_000, date: "2026-12-31"), [], "bounds included")
    }

    func testEveryUnmetCriterionIsReportedWithItsReason() {
        let applicant = Applicant(
            municipality: "GM0363", sdgs: [1], themes: ["sport"], phase: "plan", missingProfileFields: ["email", "description"],
            earlierGrants: [EarlierGrant(decided: "2026-02-01", accounted: false)])
        let problems = Eligibility.problems(terms: terms, applicant: applicant, amountCents: 300_000, date: "2027-01-05")
        XCTAssertEqual(problems, [
            .closed(closes: "2026-12-31"),
            .amountOutOfRange(amount: 300_000, min: 50_000, max: 250_000),
            .outsideArea(municipality: "GM0363", areas: ["PV29"]),
            .noMatchingSDG(required: [3, 11]),
            .noMatchingTheme(required: ["zorg", "wijk"]),
            .phaseTooEarly(phase: "plan", minimum: "start"),
            .incompleteProfile(missing: ["email", "description"]),
            .recentGrant(decided: "2026-02-01", months: 12),
            .notAccounted(decided: "2026-02-01"),
        ])
        XCTAssertEqual(problems[1].description, "het bedrag EUR 3.000,00 ligt niet tussen EUR 500,00 en EUR 2.500,00")
        XCTAssertTrue(problems[2].description.contains("buiten het werkgebied"), problems[2].description)
        XCTAssertEqual(problems[7].description, "het fonds kende op 2026-02-01 al geld toe; dat mag eens per 12 maanden")
    }

    func testTheWindowOpensOnItsFirstDay() {
        XCTAssertEqual(Eligibility.problems(terms: terms, applicant: fit(), amountCents: 100_000, date: "2025-12-31"), [.notOpenYet(opens: "2026-01-01")])
    }

    func testAGrantOlderThanTheIntervalThatWasAccountedForIsNoObstacle() {
        var applicant = fit()
        applicant.earlierGrants = [EarlierGrant(decided: "2025-05-31", accounted: true)]
        XCTAssertEqual(Eligibility.problems(terms: terms, applicant: applicant, amountCents: 100_000, date: "2026-06-01"), [])
        applicant.earlierGrants = [EarlierGrant(decided: "2025-06-02", accounted: true)]
        XCTAssertEqual(
            Eligibility.problems(terms: terms, applicant: applicant, amountCents: 100_000, date: "2026-06-01"),
            [.recentGrant(decided: "2025-06-02", months: 12)])
    }

    func testAMunicipalityNamedDirectlyOrThroughItsProvinceIsInTheArea() {
        XCTAssertTrue(Eligibility.isInArea("GM0718", ["PV29"]))
        XCTAssertTrue(Eligibility.isInArea("GM0363", ["GM0363"]))
        XCTAssertFalse(Eligibility.isInArea("GM0363", ["PV29"]))
    }

    func testAnApplicantReadFromItsProfileKnowsWhatIsMissing() {
        var record = RecordState()
        let write = { (value: JSONValue) in FieldWrite(ref: ChangeRef(author: SigningKey().nodeID, seq: 1), hlc: HLCTimestamp(milliseconds: 1, counter: 0), value: value) }
        record.apply(field: "name", write: write(.string("Repair Café")), pred: [])
        record.apply(field: "municipality", write: write(.string("GM0718")), pred: [])
        record.apply(field: "sdgs", write: write(.array([.int(12)])), pred: [])
        let applicant = Applicant(initiative: record, earlierGrants: [])
        XCTAssertEqual(applicant.municipality, "GM0718")
        XCTAssertEqual(applicant.sdgs, [12])
        XCTAssertEqual(applicant.missingProfileFields, ["description", "legal_form", "email", "phase"])
    }

    func testDayArithmetic() {
        XCTAssertEqual(DayNumber.of("1970-01-01"), 0)
        XCTAssertEqual(DayNumber.days(from: "2026-02-27", to: "2026-03-01"), 2)
        XCTAssertEqual(DayNumber.days(from: "2024-02-28", to: "2024-03-01"), 2, "leap year")
        XCTAssertEqual(DayNumber.monthsBefore("2026-03-31", 12), "2025-03-28")
        XCTAssertEqual(DayNumber.monthsBefore("2026-01-15", 1), "2025-12-15")
        XCTAssertNil(DayNumber.of("2026-13-01"))
        XCTAssertEqual(CalendarDate.iso(milliseconds: (DayNumber.of("2026-12-04") ?? 0) * 86_400_000), "2026-12-04")
    }
}
