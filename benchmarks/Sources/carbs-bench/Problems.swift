import CARBSCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The fixed reference box of the `hv_norm_fixed` metric: scores are clipped to [scoreRef, scoreBest] and costs to
/// [costMin, costMax].
struct Reference: Sendable {
    var scoreRef: Double
    var scoreBest: Double
    var costMin: Double
    var costMax: Double
}

/// What one evaluation of a problem returned.
struct Outcome: Sendable {
    /// The score the optimizer sees (noisy on noisy problems); nil for a failed run.
    var observed: Double?
    /// The noise-free score, which the metrics use; nil for a failed run.
    var trueScore: Double?
    /// The cost charged (also for failed runs).
    var cost: Double
    var failed: Bool { observed == nil }
}

/// A cost-aware test problem: a box of named parameters, a score to maximize and a positive cost.
struct Problem: Sendable {
    let name: String
    /// One line: what it is and where the optimum is.
    let summary: String
    /// Compact declarations (`CompactSpec`), in order.
    let specs: [String]
    let reference: Reference
    /// How `reference` was obtained.
    let referenceNote: String
    /// Evaluates a point; `noise` is the only source of randomness.
    let evaluate: @Sendable (_ params: [String: JSONValue], _ noise: inout SeededGenerator) -> Outcome

    func space() throws(SpaceError) -> Space {
        var s = Space()
        for spec in specs { s.declare(try CompactSpec.parse(spec)) }
        return s
    }
}

extension Problem {
    /// The problem with N(0, σ²) added to every observed score, σ = `percent` % of its score range
    /// (score_best − score_ref), named `NAME@noiseP`; the metrics keep the noise-free score.
    func withNoise(percent: Double) -> Problem {
        let sd = percent / 100 * (reference.scoreBest - reference.scoreRef)
        let inner = evaluate
        return Problem(
            name: "\(name)@noise\(JSONWriter.format(percent))", summary: "\(summary); plus N(0, \(JSONWriter.format(sd))²) score noise (\(JSONWriter.format(percent)) % of the score range), metrics on the noise-free score",
            specs: specs, reference: reference, referenceNote: referenceNote,
            evaluate: { p, noise in
                var o = inner(p, &noise)
                if let v = o.observed { o.observed = v + sd * noise.normal() }
                return o
            })
    }
}

enum BenchError: Error, CustomStringConvertible {
    case message(String)
    var description: String {
        switch self { case .message(let m): return m }
    }
}

/// A number from a parameter object; NaN when it is missing (the caller treats a non-finite score as a harness bug).
private func number(_ p: [String: JSONValue], _ key: String) -> Double { p[key]?.doubleValue ?? .nan }

enum Problems {
    /// The problems computed in process (`--problems all`).
    static let builtIn: [Problem] = [braninCost, hartmann6Cost, scaling, braninNoisy, hartmann6Fail, ackley5Cat, hartmann6Noisy]
    /// Every problem: the built-in ones, then the LCBench tasks (`--problems lcbench`; they need python3).
    static var all: [Problem] { builtIn + lcbenchTasks }
    static var names: [String] { all.map(\.name) }
    static func named(_ name: String) -> Problem? {
        if let p = all.first(where: { $0.name == name }) { return p }
        // A noisy variant: NAME@noiseP.
        guard let at = name.range(of: "@noise"), let pct = Double(name[at.upperBound...]),
              let base = all.first(where: { $0.name == String(name[..<at.lowerBound]) }) else { return nil }
        return base.withNoise(percent: pct)
    }

    /// Branin with a training-length knob: more epochs cost more and remove a 10/epochs penalty.
    static let braninCost = Problem(
        name: "branin-cost",
        summary: "score = −(branin(x1,x2) + 10/epochs), cost = epochs; optimum −0.4979 at epochs 100 (cost 100)",
        specs: ["x1=linear:-5:10", "x2=linear:0:15", "epochs=log:1:100:int"],
        reference: Reference(scoreRef: -135.6254, scoreBest: -0.4979, costMin: 1, costMax: 100),
        referenceNote: "from shared/baselines/README.md",
        evaluate: { p, _ in
            let s = -(TestFunctions.branin(number(p, "x1"), number(p, "x2")) + 10 / number(p, "epochs"))
            return Outcome(observed: s, trueScore: s, cost: number(p, "epochs"))
        })

    /// 6-D Hartmann where x0 (exponentially) and x5 drive the cost.
    static let hartmann6Cost = Problem(
        name: "hartmann6-cost",
        summary: "score = −hartmann6(x), cost = exp(2·x0) + x5; optimum 3.32237 at cost 2.151",
        specs: (0..<6).map { "x\($0)=linear:0:1" },
        reference: Reference(scoreRef: 0.005605, scoreBest: 3.322368, costMin: 1, costMax: 8.3891),
        referenceNote: "from shared/baselines/README.md",
        evaluate: { p, _ in
            let x = (0..<6).map { number(p, "x\($0)") }
            let s = -TestFunctions.hartmann6(x)
            return Outcome(observed: s, trueScore: s, cost: exp(2 * x[0]) + x[5])
        })

    /// Toy "tune as you scale": see `ScalingLaw`.
    static let scaling = Problem(
        name: "scaling",
        summary: "score = −loss(lr, width, steps, wd) (power law + lr/wd penalties, lr* = 3e-3·(256/width)^½, wd* = 3e-7/lr), cost = width·steps/64000; optimum at width 4096, steps 30000, lr 7.5e-4, wd 4e-4",
        specs: ["lr=log:1e-4:1e-1", "width=log:64:4096:int", "steps=log:1000:30000:int", "wd=log:1e-6:1e-1"],
        reference: Reference(scoreRef: Calibrated.scalingScoreRef, scoreBest: Calibrated.scalingScoreBest, costMin: 1, costMax: 1920),
        referenceNote: "score_ref: 10th percentile of 2,000 uniform (unit-cube) random points, seed 20261123; score_best: closed-form optimum (penalties vanish at lr*, wd*; the power law decreases in width and steps), confirmed by a dense 48^4 unit-cube grid that never beats it (`carbs-bench calibrate`)",
        evaluate: { p, _ in
            let width = number(p, "width"), steps = number(p, "steps")
            let s = -ScalingLaw.loss(lr: number(p, "lr"), width: width, steps: steps, wd: number(p, "wd"))
            return Outcome(observed: s, trueScore: s, cost: ScalingLaw.cost(width: width, steps: steps))
        })

    /// branin-cost with Gaussian score noise σ = 1; the metrics use the noise-free score.
    static let braninNoisy = Problem(
        name: "branin-noisy",
        summary: "branin-cost + N(0, 1) score noise; metrics on the noise-free score of the chosen points",
        specs: braninCost.specs,
        reference: braninCost.reference,
        referenceNote: "same as branin-cost",
        evaluate: { p, noise in
            let s = -(TestFunctions.branin(number(p, "x1"), number(p, "x2")) + 10 / number(p, "epochs"))
            return Outcome(observed: s + noise.normal(), trueScore: s, cost: number(p, "epochs"))
        })

    /// hartmann6-cost with Gaussian score noise σ = 0.3 (about 9 % of the score range 0 … 3.32), as in
    /// shared/baselines/README.md; the metrics use the noise-free score.
    static let hartmann6Noisy = Problem(
        name: "hartmann6-noisy",
        summary: "hartmann6-cost + N(0, 0.3²) score noise; metrics on the noise-free score of the chosen points",
        specs: hartmann6Cost.specs,
        reference: hartmann6Cost.reference,
        referenceNote: "same as hartmann6-cost",
        evaluate: { p, noise in
            let x = (0..<6).map { number(p, "x\($0)") }
            let s = -TestFunctions.hartmann6(x)
            return Outcome(observed: s + 0.3 * noise.normal(), trueScore: s, cost: exp(2 * x[0]) + x[5])
        })

    /// hartmann6-cost where x0 + x5 > 1.5 "runs out of memory": a failed run whose cost is still charged.
    static let hartmann6Fail = Problem(
        name: "hartmann6-fail",
        summary: "hartmann6-cost; x0 + x5 > 1.5 fails (out of memory; cost charged). The optimum (x0 + x5 = 0.859) is feasible",
        specs: hartmann6Cost.specs,
        reference: hartmann6Cost.reference,
        referenceNote: "same as hartmann6-cost",
        evaluate: { p, _ in
            let x = (0..<6).map { number(p, "x\($0)") }
            let cost = exp(2 * x[0]) + x[5]
            if x[0] + x[5] > 1.5 { return Outcome(observed: nil, trueScore: nil, cost: cost) }
            let s = -TestFunctions.hartmann6(x)
            return Outcome(observed: s, trueScore: s, cost: cost)
        })

    /// Shift of the Ackley optimum, score offset and cost factor of each value of `variant`.
    static let ackleyVariants: [String: (shift: [Double], offset: Double, costFactor: Double)] = [
        "a": ([-1.2, 0.8, -2.5, 1.4, 0.3], 0.5, 1),
        "b": ([2.1, -1.3, 0.7, 2.6, -1.8], 0, 2),
        "c": ([0.6, 2.2, -0.9, -2.9, 1.7], 1, 0.5),
    ]

    /// 5-D Ackley with a training-length knob and a categorical choice that moves the optimum and scales the cost.
    static let ackley5Cat = Problem(
        name: "ackley5-cat",
        summary: "score = −(ackley(x − shift[variant]) + offset[variant] + 5/steps), cost = steps·factor[variant] (a: +0.5, ×1; b: +0, ×2; c: +1, ×0.5); optimum −0.05 at variant b, steps 100 (cost 200)",
        specs: (0..<5).map { "x\($0)=linear:-5:5" } + ["steps=log:1:100:int", "variant=choice:a,b,c"],
        reference: Reference(scoreRef: Calibrated.ackleyScoreRef, scoreBest: -0.05, costMin: 0.5, costMax: 200),
        referenceNote: "score_ref: 10th percentile of 2,000 uniform random points, seed 20261123; score_best: known optimum (Ackley 0 at the shift of variant b, 5/100 at 100 steps)",
        evaluate: { p, _ in
            let v = ackleyVariants[p["variant"]?.stringValue ?? ""] ?? (Array(repeating: Double.nan, count: 5), Double.nan, Double.nan)
            let x = (0..<5).map { number(p, "x\($0)") - v.shift[$0] }
            let steps = number(p, "steps")
            let s = -(TestFunctions.ackley(x) + v.offset + 5 / steps)
            return Outcome(observed: s, trueScore: s, cost: steps * v.costFactor)
        })
}

/// Reference values computed by `carbs-bench calibrate` (kept as constants so every run uses the same box).
enum Calibrated {
    static let scalingScoreRef = -8.287042
    static let scalingScoreBest = -3.464542
    static let ackleyScoreRef = -15.697313
}
