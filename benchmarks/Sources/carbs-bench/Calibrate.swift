import CARBSCore

/// Recomputes the fixed references of the problems that have no published one, and checks the published ones
/// against the same procedure.
enum Calibrate {
    static let seed: UInt64 = 20_261_123

    /// The 10th percentile of the (noise-free) scores of 2,000 uniform points of the unit cube of the space (log
    /// parameters log-uniform, integers rounded, choices uniform). Failed points are skipped.
    static func scoreRef(_ problem: Problem, points: Int = 2000) throws -> Double {
        let space = try problem.space()
        var rng = SeededGenerator(seed: seed)
        var noise = SeededGenerator(seed: seed ^ 0xABCD)
        var scores: [Double] = []
        for _ in 0..<points {
            let c = (0..<space.coordinateCount).map { _ in rng.uniform() }
            let params = Dictionary(space.values(fromCoordinates: c), uniquingKeysWith: { a, _ in a })
            if let s = problem.evaluate(params, &noise).trueScore { scores.append(s) }
        }
        return Stats.quantile(scores, 0.1) ?? .nan
    }

    /// Dense grid search of the scaling problem: `k` points per axis of the unit cube (k^4 evaluations).
    static func scalingDenseBest(k: Int = 48) throws -> (score: Double, params: [(String, JSONValue)]) {
        let space = try Problems.scaling.space()
        var best = -Double.infinity
        var bestParams: [(String, JSONValue)] = []
        var noise = SeededGenerator(seed: 0)
        let axis = (0..<k).map { Double($0) / Double(k - 1) * 0.999_999 }
        for a in axis { for b in axis { for c in axis { for d in axis {
            let values = space.values(fromCoordinates: [a, b, c, d])
            let params = Dictionary(values, uniquingKeysWith: { x, _ in x })
            if let s = Problems.scaling.evaluate(params, &noise).trueScore, s > best {
                best = s
                bestParams = values
            }
        } } } }
        return (best, bestParams)
    }

    static func scalingAnalyticBest() -> Double {
        -ScalingLaw.baseLoss(width: 4096, steps: 30000)
    }

    static func report() throws -> [String] {
        var out: [String] = []
        for p in Problems.builtIn {
            let r = try scoreRef(p)
            out.append("\(p.name): score_ref by 2,000 uniform points (seed \(seed)) = \(JSONWriter.format(r)); in use \(JSONWriter.format(p.reference.scoreRef))")
        }
        let dense = try scalingDenseBest()
        out.append("scaling: analytic best = \(JSONWriter.format(scalingAnalyticBest())); dense 48^4 grid best = \(JSONWriter.format(dense.score)) at \(JSONWriter.line(dense.params)); in use \(JSONWriter.format(Problems.scaling.reference.scoreBest))")
        return out
    }
}
