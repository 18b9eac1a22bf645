#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The three models of a sweep, fitted on a `Dataset`: score (oriented, transformed), log cost (standardized) and
/// P(success). Shared by `carbs-fit` and `carbs-suggest`.
public struct Surrogates: Sendable {
    public var score: GaussianProcess
    public var cost: GaussianProcess
    public var success: SuccessModel?
    public var scoreTransform: FittedTransform
    public var costTransform: FittedTransform
    /// Transformed targets the models were fitted on.
    public var ys: [Double]
    public var logCosts: [Double]

    public struct Options: Sendable {
        public var transform: OutputTransform = .standardize
        /// Two L-BFGS starts (a deterministic one and one drawn from the priors), the deterministic one alone on
        /// fit sets of `GPFitOptions.singleStartPoints` or more; each start costs about a fifth of a suggestion's
        /// time at n = 100.
        public var score = GPFitOptions(restarts: 2)
        /// Log cost is usually a smooth, near-additive function of the parameters: one L-BFGS start on at most 128
        /// of the points is enough (held-out log-cost error on the LCBench benchmark log the same as with 256;
        /// BENCHMARKS.md). The posterior still conditions on every point the score model sees.
        public var cost = GPFitOptions(restarts: 1, maxFitPoints: 128)
        /// Most successes (and failures) the models are conditioned on; see `Dataset.capped(to:)`.
        public var maxPoints = 1000
        public init() {}
    }

    /// Fits all models. Throws when there are no successes or the GP cannot be conditioned.
    public static func fit(_ all: Dataset, options: Options, rng: inout SeededGenerator) throws -> Surrogates {
        let data = all.capped(to: max(1, options.maxPoints))
        let xs = data.successes.map(\.x)
        let utilities = data.successes.map(\.utility)
        let st = FittedTransform.fit(utilities, kind: options.transform)
        let ys = utilities.map { st.forward($0) }
        let logCosts = data.successes.map { log($0.cost) }
        let ct = FittedTransform.fit(logCosts, kind: .standardize)
        let costTargets = logCosts.map { ct.forward($0) }
        let score: GaussianProcess, cost: GaussianProcess
        if options.cost.fixed != nil || options.cost.restarts <= 1 {
            // The cost fit draws nothing from `rng` (one deterministic start), so it can run beside the score fit.
            let costOptions = options.cost
            let (costFit, scoreFit) = alongside({
                var unused = SeededGenerator(seed: 0)
                return Result { try GaussianProcess.fit(x: xs, y: costTargets, options: costOptions, rng: &unused) }
            }, { Result { try GaussianProcess.fit(x: xs, y: ys, options: options.score, rng: &rng) } })
            score = try scoreFit.get()
            cost = try costFit.get()
        } else {
            score = try GaussianProcess.fit(x: xs, y: ys, options: options.score, rng: &rng)
            cost = try GaussianProcess.fit(x: xs, y: costTargets, options: options.cost, rng: &rng)
        }
        var success: SuccessModel?
        if !data.failures.isEmpty {
            let labels = Array(repeating: true, count: xs.count) + Array(repeating: false, count: data.failures.count)
            success = try? SuccessModel.fit(x: xs + data.failures, success: labels, lengthscales: score.hyperparameters.lengthscales)
        }
        return Surrogates(score: score, cost: cost, success: success, scoreTransform: st, costTransform: ct, ys: ys, logCosts: logCosts)
    }

    /// Predicted log cost (natural log) at each point.
    public func predictLogCost(_ xs: [[Double]]) -> [Double] {
        cost.predictMean(xs).map { costTransform.inverse($0) }
    }

    /// Predicted log cost (natural log) at each point with its predictive standard deviation (the cost GP's
    /// latent ±1 sd band mapped back through the cost transform, half its width).
    public func predictLogCostDistribution(_ xs: [[Double]]) -> (mean: [Double], sd: [Double]) {
        let p = cost.predict(xs)
        var mean = [Double](repeating: 0, count: xs.count), sd = mean
        for i in xs.indices {
            let m = p.mean[i], s = max(0, p.variance[i]).squareRoot()
            mean[i] = costTransform.inverse(m)
            sd[i] = abs(costTransform.inverse(m + s) - costTransform.inverse(m - s)) / 2
        }
        return (mean, sd)
    }

    /// The score model's output N(mean, sd²) (transformed, oriented units) as a predicted score in the log's own
    /// units and orientation: `score = ±T⁻¹(mean)` and `std = |T⁻¹(mean + sd) − T⁻¹(mean − sd)| / 2`, the half-width
    /// of the ±1 sd band mapped back through the (possibly non-linear) output transform T.
    public func predictedScore(mean: Double, sd: Double, maximize: Bool) -> (score: Double, std: Double) {
        let u = scoreTransform.inverse(mean)
        let std = abs(scoreTransform.inverse(mean + sd) / 2 - scoreTransform.inverse(mean - sd) / 2)
        return (maximize ? u : -u, std)
    }

    /// P(success) at each point (1 when no run has failed).
    public func pSuccess(_ xs: [[Double]]) -> [Double] {
        success?.probability(xs) ?? Array(repeating: 1, count: xs.count)
    }
}
