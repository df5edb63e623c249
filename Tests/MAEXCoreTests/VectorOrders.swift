import MAEXCore

/// Delivery orders for the merge scenarios.
enum VectorOrders {
    /// Every permutation of `0..<count` (count is small: at most 7 in the vectors).
    static func permutations(_ count: Int) -> [[Int]] {
        guard count > 0 else { return [[]] }
        var result: [[Int]] = []
        for rest in permutations(count - 1) {
            for position in 0...rest.count {
                var order = rest
                order.insert(count - 1, at: position)
                result.append(order)
            }
        }
        return result
    }

    /// Whether applying in `order` puts every change set after its predecessor and its deps.
    static func isCausal(_ order: [Int], _ changeSets: [ChangeSet]) -> Bool {
        var held = Set<ChangeRef>()
        for index in order {
            let changeSet = changeSets[index]
            guard changeSet.requirements.allSatisfy(held.contains) else { return false }
            held.insert(changeSet.ref)
        }
        return true
    }

    /// The causally valid orders among all permutations.
    static func causalOrders(_ changeSets: [ChangeSet]) -> [[Int]] {
        permutations(changeSets.count).filter { isCausal($0, changeSets) }
    }
}
