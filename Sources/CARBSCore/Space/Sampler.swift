/// How `carbs-space sample` draws points.
public enum SamplingMethod: String, Sendable, CaseIterable {
    case center, random, sobol, lhs, grid
}

/// Draws parameter points from a space: the search center, uniform random, scrambled Sobol, Latin hypercube or a
/// full grid. All randomness comes from the seed.
public enum Sampler {
    /// `levels` applies to `grid` (points per numeric parameter; choices use all their values). For `grid`, `count`
    /// nil means the whole grid.
    public static func sample(_ space: Space, method: SamplingMethod, count: Int?, seed: UInt64, levels: Int = 5) throws(SpaceError)
        -> [[(String, JSONValue)]]
    {
        let d = space.coordinateCount
        var rng = SeededGenerator(seed: seed)
        switch method {
        case .center:
            return Array(repeating: space.center, count: count ?? 1)
        case .random:
            return (0..<(count ?? 1)).map { _ in space.values(fromCoordinates: (0..<d).map { _ in rng.uniform() }) }
        case .sobol:
            var g: SeededGenerator? = rng
            var sobol = try SobolSequence(dimension: d, scramble: &g)
            return (0..<(count ?? 1)).map { _ in space.values(fromCoordinates: sobol.next()) }
        case .lhs:
            let n = count ?? 1
            var columns: [[Double]] = []
            for _ in 0..<d {
                var cells = Array(0..<n)
                cells.shuffle(using: &rng)
                columns.append(cells.map { (Double($0) + rng.uniform()) / Double(n) })
            }
            return (0..<n).map { i in space.values(fromCoordinates: columns.map { $0[i] }) }
        case .grid:
            guard levels >= 1 else { throw SpaceError("--levels must be at least 1") }
            var axes: [[Double]] = []
            for p in space.parameters where p.type != .fixed {
                if p.type == .choice {
                    let k = p.values.count
                    axes.append((0..<k).map { (Double($0) + 0.5) / Double(k) })
                } else if p.integer {
                    // Distinct integer values only.
                    var seen = Set<Double>()
                    var us: [Double] = []
                    for i in 0..<levels {
                        let u = levels == 1 ? 0.5 : Double(i) / Double(levels - 1)
                        if seen.insert(p.value(unit: u)).inserted { us.append(u) }
                    }
                    axes.append(us)
                } else {
                    axes.append((0..<levels).map { levels == 1 ? 0.5 : Double($0) / Double(levels - 1) })
                }
            }
            let total = axes.reduce(1.0) { $0 * Double($1.count) }
            guard total <= 10_000_000 || count != nil else {
                throw SpaceError("the full grid has \(JSONWriter.format(total)) points; give -n or fewer --levels")
            }
            let n = count.map { Swift.min($0, Int(Swift.min(total, 1e15))) } ?? Int(total)
            var out: [[(String, JSONValue)]] = []
            out.reserveCapacity(n)
            var idx = [Int](repeating: 0, count: axes.count)
            for _ in 0..<n {
                out.append(space.values(fromCoordinates: zip(axes, idx).map { $0[$1] }))
                // Odometer increment, last parameter fastest.
                var j = axes.count - 1
                while j >= 0 {
                    idx[j] += 1
                    if idx[j] < axes[j].count { break }
                    idx[j] = 0
                    j -= 1
                }
            }
            return out
        }
    }
}
