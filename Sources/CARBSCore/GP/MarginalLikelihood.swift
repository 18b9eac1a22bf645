#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The negative log posterior (−log marginal likelihood − log prior) of GP hyperparameters and its analytic
/// gradient, over the unconstrained-ish vector
///
///     θ = (log ℓ₁ … log ℓ_d, log σ², log σ_n², m, [log σ_lin²])
///
/// evaluated on targets that the caller has already centred and scaled (`GaussianProcess.fit` standardizes y,
/// so the priors below are in units of var(y)):
/// - log ℓ ~ N(log 0.5, 1²) (unit-cube inputs),
/// - log σ² ~ N(0, 1²) (signal variance around var(y)),
/// - log σ_n² ~ N(log 0.01, 1.5²) (noise around 1% of var(y), as in HEBO/CARBS but wider),
/// - m ~ N(0, 1²),
/// - log σ_lin² ~ N(log 0.5, 1.5²).
///
/// Gradient: ∂log p(y|θ)/∂θⱼ = ½·tr((ααᵀ − K⁻¹)·∂K/∂θⱼ), with K⁻¹ from `dpotri`; ∂/∂m = 1ᵀα.
struct GPObjective: Sendable {
    let x: Matrix
    let y: [Double]
    let useLinear: Bool
    let lower: [Double]
    let upper: [Double]

    static let lengthscalePrior = (mean: log(0.5), sd: 1.0)
    static let signalPrior = (mean: 0.0, sd: 1.0)
    static let noisePrior = (mean: log(0.01), sd: 1.5)
    static let meanPrior = (mean: 0.0, sd: 1.0)
    static let linearPrior = (mean: log(0.5), sd: 1.5)

    /// - Parameter noiseLowerBound: smallest noise variance allowed (standardized units).
    init(x: Matrix, y: [Double], useLinear: Bool, noiseLowerBound: Double) {
        self.x = x
        self.y = y
        self.useLinear = useLinear
        let d = x.cols
        var lo = [Double](repeating: log(1e-2), count: d)
        var hi = [Double](repeating: log(1e2), count: d)
        lo += [log(1e-4), log(max(noiseLowerBound, 1e-12)), -5]
        hi += [log(1e2), max(log(10.0), log(max(noiseLowerBound, 1e-12)) + 1), 5]
        if useLinear { lo.append(log(1e-4)); hi.append(log(1e2)) }
        lower = lo
        upper = hi
    }

    var dimension: Int { x.cols }
    var parameterCount: Int { x.cols + 3 + (useLinear ? 1 : 0) }

    /// The deterministic default start: ℓ = 0.5, σ² = 1, σ_n² = 0.01, m = 0, σ_lin² = 0.5 (clamped to bounds).
    var defaultStart: [Double] {
        var t = [Double](repeating: log(0.5), count: dimension) + [0, log(0.01), 0]
        if useLinear { t.append(log(0.5)) }
        return clamp(t)
    }

    /// A start drawn from the priors (clamped to bounds).
    func randomStart(_ rng: inout SeededGenerator) -> [Double] {
        var t = (0..<dimension).map { _ in Self.lengthscalePrior.mean + Self.lengthscalePrior.sd * rng.normal() }
        t.append(Self.signalPrior.mean + Self.signalPrior.sd * rng.normal())
        t.append(Self.noisePrior.mean + Self.noisePrior.sd * rng.normal())
        t.append(Self.meanPrior.mean + 0.5 * Self.meanPrior.sd * rng.normal())
        if useLinear { t.append(Self.linearPrior.mean + Self.linearPrior.sd * rng.normal()) }
        return clamp(t)
    }

    func clamp(_ t: [Double]) -> [Double] { t.indices.map { min(max(t[$0], lower[$0]), upper[$0]) } }

    /// Hyperparameters (standardized units) for a parameter vector.
    func hyperparameters(_ t: [Double]) -> GPHyperparameters {
        let d = dimension
        return GPHyperparameters(lengthscales: t[0..<d].map { exp($0) }, signalVariance: exp(t[d]),
                                 noiseVariance: exp(t[d + 1]), mean: t[d + 2],
                                 linearVariance: useLinear ? exp(t[d + 3]) : nil)
    }

    /// Log prior density (up to a constant) and its gradient.
    func logPrior(_ t: [Double]) -> (value: Double, gradient: [Double]) {
        let d = dimension
        var v = 0.0
        var g = [Double](repeating: 0, count: t.count)
        func add(_ i: Int, _ p: (mean: Double, sd: Double)) {
            let z = (t[i] - p.mean) / p.sd
            v -= 0.5 * z * z
            g[i] = -z / p.sd
        }
        for i in 0..<d { add(i, Self.lengthscalePrior) }
        add(d, Self.signalPrior)
        add(d + 1, Self.noisePrior)
        add(d + 2, Self.meanPrior)
        if useLinear { add(d + 3, Self.linearPrior) }
        return (v, g)
    }

    /// Log marginal likelihood and its gradient with respect to θ (no prior).
    /// Returns `nil` if the covariance cannot be factored.
    func logMarginalLikelihood(_ t: [Double]) -> (value: Double, gradient: [Double])? {
        let h = hyperparameters(t)
        let kernel = h.kernel
        let n = x.rows, d = dimension
        let parts = kernel.gramParts(x)
        var k = parts.matern
        if let kl = parts.linear { for i in k.storage.indices { k.storage[i] += kl.storage[i] } }
        for i in 0..<n { k[i, i] += h.noiseVariance }
        guard let chol = try? CholeskyFactor.factor(k) else { return nil }
        let r = y.map { $0 - h.mean }
        let alpha = chol.solve(r)
        var quad = 0.0
        for i in 0..<n { quad += r[i] * alpha[i] }
        let lml = -0.5 * quad - 0.5 * chol.logDeterminant - 0.5 * Double(n) * log(2 * Double.pi)
        guard lml.isFinite, var w = chol.inverse() else { return nil }
        // W = ααᵀ − K⁻¹
        w.storage.withUnsafeMutableBufferPointer { p in
            for j in 0..<n { for i in 0..<n { p[i + j * n] = alpha[i] * alpha[j] - p[i + j * n] } }
        }
        let kg = kernel.contractedGradient(w, points: x, parts: parts)
        var g = [Double](repeating: 0, count: parameterCount)
        for i in 0..<d { g[i] = 0.5 * kg[i] }
        g[d] = 0.5 * kg[d]
        var traceW = 0.0
        for i in 0..<n { traceW += w[i, i] }
        g[d + 1] = 0.5 * h.noiseVariance * traceW
        g[d + 2] = alpha.reduce(0, +)
        if useLinear { g[d + 3] = 0.5 * kg[d + 1] }
        return (lml, g)
    }

    /// Negative log posterior and gradient (what the optimizer minimizes); +∞ when the covariance fails.
    func evaluate(_ t: [Double]) -> (value: Double, gradient: [Double]) {
        guard let (lml, g) = logMarginalLikelihood(t), g.allSatisfy({ $0.isFinite }) else {
            return (.infinity, [Double](repeating: 0, count: t.count))
        }
        let prior = logPrior(t)
        return (-(lml + prior.value), t.indices.map { -(g[$0] + prior.gradient[$0]) })
    }
}
