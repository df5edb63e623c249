/// Every ordering of `items` (n! of them; meant for n <= 7).
func allPermutations<T>(_ items: [T]) -> [[T]] {
    guard items.count > 1 else { return [items] }
    var result: [[T]] = []
    for (index, item) in items.enumerated() {
        var rest = items
        rest.remove(at: index)
        for tail in allPermutations(rest) {
            result.append([item] + tail)
        }
    }
    return result
}
