#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Exact Gaussian-process regression with a Matérn-5/2 ARD kernel (+ optional linear term), constant mean and
/// Gaussian noise.
///
/// Scale robustness: `fit` standardizes `y` internally (centre by the mean, divide by the standard deviation,
/// or by 1 when y is constant), searches the hyperparameters against priors expressed in those units, and
/// converts the result back, so `hyperparameters` are always in the units of `y` as given.
///
/// Size limits: hyperparameters are searched on at most `GPFitOptions.maxFitPoints` points (an evenly strided,
/// deterministic subsample), and the posterior conditions on the **most recent** `maxPoints` observations
/// (the last rows of `x`).
public struct GaussianProcess: Sendable {
    /// The hyperparameters the posterior conditions on (in `y` units).
    public let hyperparameters: GPHyperparameters
    /// log p(y | X, θ) of the conditioned data under `hyperparameters` (jitter included).
    public let logMarginalLikelihood: Double
    /// Diagonal jitter that had to be added to K + σ_n²I to factor it (0 if none).
    public let jitter: Double
    /// The cap on conditioned points used by `adding`.
    public let maxPoints: Int

    let x: Matrix
    let y: [Double]
    let kernel: Matern52Kernel
    let factor: CholeskyFactor
    let alpha: [Double]

    /// Number of observations the posterior conditions on (after any subsampling).
    public var pointsUsed: Int { x.rows }
    /// Input dimension.
    public var dimension: Int { x.cols }

    /// Conditions on data with given hyperparameters (no search). Keeps the last `maxPoints` observations.
    /// - Throws: `GPError` for empty, mismatched or non-finite data and invalid hyperparameters.
    public init(x: [[Double]], y: [Double], hyperparameters: GPHyperparameters, maxPoints: Int = 2000) throws {
        let m = try validatedInputs(x, y)
        try self.init(matrix: m, y: y, hyperparameters: hyperparameters, maxPoints: maxPoints)
    }

    init(matrix fullX: Matrix, y fullY: [Double], hyperparameters h: GPHyperparameters, maxPoints: Int) throws {
        if let problem = h.validationProblem(dimension: fullX.cols) { throw GPError.invalidHyperparameters(problem) }
        let cap = max(1, maxPoints)
        var xm = fullX, yv = fullY
        if fullX.rows > cap {
            let keep = Array((fullX.rows - cap)..<fullX.rows)
            xm = fullX.selectingRows(keep)
            yv = Array(fullY[(fullY.count - cap)...])
        }
        let kernel = h.kernel
        var k = kernel.gram(xm)
        let n = xm.rows
        for i in 0..<n { k[i, i] += h.noiseVariance }
        let chol: CholeskyFactor
        do {
            chol = try CholeskyFactor.factor(k)
        } catch {
            throw GPError.numericalFailure("\(error)")
        }
        self.init(conditioned: xm, y: yv, hyperparameters: h, kernel: kernel, factor: chol, maxPoints: cap)
    }

    /// Fits hyperparameters by MAP (log marginal likelihood + weak log-priors, see `GPObjective`) with a
    /// multi-start bounded L-BFGS in log space, then conditions on the data. A start stops once three steps in
    /// a row gained less than `GPFitOptions.stallTolerance` nats of log posterior together. Fit sets of at least
    /// `GPFitOptions.singleStartPoints` points get the deterministic start only.
    ///
    /// Bounds (standardized units): ℓ ∈ [0.01, 100], σ² ∈ [1e-4, 100], σ_n² ∈ [max(noiseFloor/var(y), 1e-12), 10],
    /// m ∈ [−5, 5], σ_lin² ∈ [1e-4, 100]. Degenerate data (n = 1, duplicate points, constant y) fits fine; only
    /// n = 0 throws (`GPError.noData`). If no start gives a finite objective, the default start is used.
    public static func fit(x: [[Double]], y: [Double], options: GPFitOptions = GPFitOptions(),
                           rng: inout SeededGenerator) throws -> GaussianProcess {
        let xm = try validatedInputs(x, y)
        if let fixed = options.fixed {
            return try GaussianProcess(matrix: xm, y: y, hyperparameters: fixed, maxPoints: options.maxPoints)
        }
        let n = xm.rows
        let fitCount = max(1, min(n, options.maxFitPoints))
        let indices = fitCount == n ? Array(0..<n) : (0..<fitCount).map { ($0 * n) / fitCount }
        let xf = fitCount == n ? xm : xm.selectingRows(indices)
        let yf = indices.map { y[$0] }
        let centre = yf.reduce(0, +) / Double(yf.count)
        var variance = 0.0
        for v in yf { variance += (v - centre) * (v - centre) }
        variance /= Double(max(1, yf.count))
        let sd = variance.squareRoot()
        let scale = sd > 1e-12 * max(1, abs(centre)) ? sd : 1
        let ys = yf.map { ($0 - centre) / scale }
        let objective = GPObjective(x: xf, y: ys, useLinear: options.useLinearTerm,
                                    noiseLowerBound: max(options.noiseFloor, 0) / (scale * scale))
        var optimizer = BoundedLBFGS(maxIterations: max(1, options.maxIterations))
        optimizer.stallTolerance = options.stallTolerance
        let count = fitCount >= options.singleStartPoints ? 1 : max(1, options.restarts)
        // The starts are drawn in order from `rng` (the optimizer draws nothing), then run side by side on the
        // cores the process may use; the best is taken in start order, so the result is the sequential one.
        let starts = (0..<count).map { $0 == 0 ? objective.defaultStart : objective.randomStart(&rng) }
        let search = optimizer
        let results = concurrentMap(count) { k in
            search.minimize(start: starts[k], lower: objective.lower, upper: objective.upper, objective.evaluate)
        }
        var best: (x: [Double], value: Double)? = nil
        for result in results where result.value.isFinite && result.value < (best?.value ?? .infinity) {
            best = (result.x, result.value)
        }
        let theta = best?.x ?? objective.defaultStart
        let hs = objective.hyperparameters(theta)
        let h = GPHyperparameters(lengthscales: hs.lengthscales, signalVariance: hs.signalVariance * scale * scale,
                                  noiseVariance: max(hs.noiseVariance * scale * scale, options.noiseFloor),
                                  mean: centre + scale * hs.mean,
                                  linearVariance: hs.linearVariance.map { $0 * scale * scale })
        return try GaussianProcess(matrix: xm, y: y, hyperparameters: h, maxPoints: options.maxPoints)
    }

    /// Packs query points, checking the dimension (a mismatch is a programmer error).
    func queryMatrix(_ xs: [[Double]]) -> Matrix {
        precondition(xs.allSatisfy { $0.count == dimension }, "query points must have the GP's input dimension")
        return Matrix(rowArrays: xs, columns: dimension)
    }

    /// Posterior mean and latent-function variance (noise excluded) at many points at once.
    ///
    /// K* comes from dgemm distances, the mean is K*ᵀα (dgemv) and the variance k** − ‖L⁻¹K*‖²_col (dtrsm),
    /// clamped at 0.
    public func predict(_ xs: [[Double]]) -> (mean: [Double], variance: [Double]) {
        if xs.isEmpty { return ([], []) }
        let p = batchPredictions(xs)
        return (p.mean, p.variance)
    }

    /// Posterior mean only: skips the O(n²m) triangular solve that the variance needs.
    public func predictMean(_ xs: [[Double]]) -> [Double] {
        if xs.isEmpty { return [] }
        return crossAndMean(queryMatrix(xs)).mean
    }

    /// K(x, q) (n×m) and the posterior mean K*ᵀα at the query points.
    func crossAndMean(_ q: Matrix) -> (ks: Matrix, mean: [Double]) {
        let ks = kernel.cross(x, q)
        var mean = [Double](repeating: hyperparameters.mean, count: q.rows)
        LAPACK.gemv(.transpose, ks, alpha, alpha: 1, beta: 1, into: &mean)
        return (ks, mean)
    }

    /// Closed-form leave-one-out predictions for every conditioned point (same hyperparameters):
    /// μ₋ᵢ = yᵢ − αᵢ/[K⁻¹]ᵢᵢ and latent variance 1/[K⁻¹]ᵢᵢ − (σ_n² + jitter), clamped at 0.
    public func leaveOneOut() -> (mean: [Double], variance: [Double]) {
        guard let kinv = factor.inverse() else {
            return (y.map { _ in hyperparameters.mean }, kernel.diagonal(x))
        }
        let n = x.rows
        var means = [Double](repeating: 0, count: n), vars = [Double](repeating: 0, count: n)
        let noise = hyperparameters.noiseVariance + jitter
        for i in 0..<n {
            let d = kinv[i, i]
            means[i] = y[i] - alpha[i] / d
            vars[i] = max(0, 1 / d - noise)
        }
        return (means, vars)
    }

    /// The same GP (same hyperparameters and point cap) conditioned on extra observations, e.g. fantasies.
    public func adding(x newX: [[Double]], y newY: [Double]) throws -> GaussianProcess {
        if newX.isEmpty && newY.isEmpty { return self }
        let extra = try validatedInputs(newX, newY)
        guard extra.cols == dimension else {
            throw GPError.dimensionMismatch("new points have \(extra.cols) dimensions, expected \(dimension)")
        }
        let total = x.rows + extra.rows
        var combined = Matrix(rows: total, cols: dimension)
        for j in 0..<dimension {
            for i in 0..<x.rows { combined[i, j] = x[i, j] }
            for i in 0..<extra.rows { combined[x.rows + i, j] = extra[i, j] }
        }
        let allY = y + newY
        // Within the cap, extend the existing factor (O(n²k)) instead of refactoring (O((n+k)³)).
        if total <= maxPoints {
            var corner = kernel.gram(extra)
            for i in 0..<extra.rows { corner[i, i] += hyperparameters.noiseVariance }
            if let grown = try? factor.extended(cross: kernel.cross(x, extra), corner: corner) {
                return GaussianProcess(conditioned: combined, y: allY, hyperparameters: hyperparameters, kernel: kernel,
                                       factor: grown, maxPoints: maxPoints)
            }
        }
        return try GaussianProcess(matrix: combined, y: allY, hyperparameters: hyperparameters, maxPoints: maxPoints)
    }

    /// A posterior from an existing factor of K(x, x) + σ_n²I (+ its jitter).
    init(conditioned xm: Matrix, y yv: [Double], hyperparameters h: GPHyperparameters, kernel: Matern52Kernel,
         factor chol: CholeskyFactor, maxPoints: Int) {
        let r = yv.map { $0 - h.mean }
        let alpha = chol.solve(r)
        var quad = 0.0
        for i in 0..<r.count { quad += r[i] * alpha[i] }
        self.hyperparameters = h
        self.maxPoints = maxPoints
        self.x = xm
        self.y = yv
        self.kernel = kernel
        self.factor = chol
        self.alpha = alpha
        self.jitter = chol.jitter
        self.logMarginalLikelihood = -0.5 * quad - 0.5 * chol.logDeterminant - 0.5 * Double(r.count) * log(2 * Double.pi)
    }
}
