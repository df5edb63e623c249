import Foundation
import MAEXCore

/// Issue 2: signing and verifying change sets, and applying field operations in memory.
enum CoreBench {
    static func run(_ report: BenchReport) {
        report.section("Core: signatures and the in-memory register (one core)")
        let key = SigningKey()
        let message = [UInt8](repeating: 0x61, count: 200)
        let signature = key.sign(message)
        let verifyCount = 20_000
        let bareVerify = median(runs: 3) {
            for _ in 0..<verifyCount { _ = key.nodeID.verify(signature: signature, over: message) }
        }
        let bareRate = Double(verifyCount) / bareVerify
        report.line("- bare Ed25519 verify, 200 B: \(rate(verifyCount, bareVerify)) (baseline)")

        let sets = Fixtures.changeSets(key: key, count: 200, opsPerSet: 100)
        var signed: [SignedChangeSet] = []
        let signTime = measure { signed = sets.map { $0.signed(with: key) } }
        report.line("- sign change sets of 100 ops (encode + sign): \(rate(sets.count, signTime))")

        var opened = 0
        let openTime = median(runs: 3) {
            opened = 0
            for item in signed {
                if (try? SignedChangeSet.open(body: item.body, signature: item.signature, realm: Fixtures.realm)) != nil { opened += 1 }
            }
        }
        precondition(opened == signed.count, "benchmark change sets must verify")
        report.line("- open change sets of 100 ops (parse + decode + verify): \(rate(signed.count, openTime))")

        let opsTotal = 1_000_000
        let applySets = Fixtures.changeSets(key: key, count: opsTotal / 100, opsPerSet: 100)
        var register = Register()
        let applyTime = measure {
            for changeSet in applySets { register.apply(changeSet) }
        }
        let opsRate = Double(opsTotal) / applyTime
        report.line("- apply field operations to the in-memory register: \(rate(opsTotal, applyTime)) (goal >= 1,000,000/s: \(opsRate >= 1_000_000 ? "met" : "NOT met"))")

        let perSetVerify = 1 / bareRate
        let perSetApply = applyTime / Double(applySets.count)
        let perSetOpen = openTime / Double(signed.count)
        report.line(String(format: "- per 100-op change set: verify %.1f us, full open %.1f us, apply %.1f us; verification share of open+apply %.0f%%",
            perSetVerify * 1e6, perSetOpen * 1e6, perSetApply * 1e6, 100 * perSetVerify / (perSetOpen + perSetApply)))
    }
}
