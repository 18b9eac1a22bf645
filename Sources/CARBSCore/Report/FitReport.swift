#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What `carbs-fit` prints: one record per model with its hyperparameters in parameter names, a relevance ranking
/// and leave-one-out quality.
public struct FitReport: Sendable {
    public struct ModelSummary: Sendable {
        public var model: String
        public var observations: Int
        public var pointsUsed: Int
        public var transform: String?
        public var hyperparameters: GPHyperparameters?
        public var lengthscales: [(String, Double)] = []
        public var relevance: [(String, Double)] = []
        public var looR2: Double?
        public var looMSLL: Double?
        public var logMarginalLikelihood: Double?
        public var failures: Int?
    }

    public var models: [ModelSummary] = []

    public init(space: Space, data: Dataset, surrogates: Surrogates) {
        let names = space.encodedNames
        func summary(_ name: String, _ gp: GaussianProcess, _ y: [Double], transform: String?) -> ModelSummary {
            var m = ModelSummary(model: name, observations: data.successes.count, pointsUsed: gp.pointsUsed)
            m.transform = transform
            m.hyperparameters = gp.hyperparameters
            m.lengthscales = Array(zip(names, gp.hyperparameters.lengthscales))
            m.relevance = Self.relevance(space: space, lengthscales: gp.hyperparameters.lengthscales)
            let loo = gp.leaveOneOut()
            (m.looR2, m.looMSLL) = Self.quality(y: y, mean: loo.mean, variance: loo.variance)
            m.logMarginalLikelihood = gp.logMarginalLikelihood
            return m
        }
        models.append(summary("score", surrogates.score, surrogates.ys, transform: surrogates.scoreTransform.kind.rawValue))
        let zc = surrogates.logCosts.map { surrogates.costTransform.forward($0) }
        models.append(summary("cost", surrogates.cost, zc, transform: "log+standardize"))
        if surrogates.success != nil {
            var m = ModelSummary(model: "success", observations: data.successes.count + data.failures.count,
                                 pointsUsed: data.successes.count + data.failures.count)
            m.failures = data.failures.count
            m.transform = "classifier"
            models.append(m)
        }
    }

    /// Relevance per parameter from ARD lengthscales: 1/ℓ (the largest over a choice's one-hot columns),
    /// normalized to sum to 1, most relevant first.
    public static func relevance(space: Space, lengthscales: [Double]) -> [(String, Double)] {
        var out: [(String, Double)] = []
        var i = 0
        for p in space.parameters where p.encodedWidth > 0 {
            let w = p.encodedWidth
            let inv = (i..<min(i + w, lengthscales.count)).map { lengthscales[$0] > 0 ? 1 / lengthscales[$0] : 0 }.max() ?? 0
            out.append((p.name, inv))
            i += w
        }
        let total = out.reduce(0) { $0 + $1.1 }
        if total > 0 { out = out.map { ($0.0, $0.1 / total) } }
        return out.sorted { ($0.1, $1.0) > ($1.1, $0.0) }
    }

    /// Leave-one-out R² and mean standardized log loss (negative = better than predicting the mean).
    public static func quality(y: [Double], mean: [Double], variance: [Double]) -> (Double?, Double?) {
        let n = y.count
        guard n >= 2, mean.count == n, variance.count == n else { return (nil, nil) }
        let ybar = y.reduce(0, +) / Double(n)
        let vy = y.reduce(0) { $0 + ($1 - ybar) * ($1 - ybar) } / Double(n)
        var sse = 0.0, msll = 0.0
        for i in 0..<n {
            let e = y[i] - mean[i]
            sse += e * e
            let v = max(variance[i], 1e-12)
            let loss = 0.5 * log(2 * Double.pi * v) + e * e / (2 * v)
            let trivial = vy > 0 ? 0.5 * log(2 * Double.pi * vy) + (y[i] - ybar) * (y[i] - ybar) / (2 * vy) : loss
            msll += loss - trivial
        }
        let r2: Double? = vy > 0 ? 1 - sse / (vy * Double(n)) : nil
        return (r2, msll / Double(n))
    }
}
