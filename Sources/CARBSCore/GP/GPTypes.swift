/// Hyperparameters of a `GaussianProcess`, in the units of the inputs (unit cube) and of `y` as given.
public struct GPHyperparameters: Codable, Sendable, Equatable {
    /// One Matérn lengthscale per input dimension (ARD), in unit-cube units.
    public var lengthscales: [Double]
    /// Matérn-5/2 amplitude σ².
    public var signalVariance: Double
    /// Observation noise variance.
    public var noiseVariance: Double
    /// Constant prior mean.
    public var mean: Double
    /// Variance of the optional linear term `σ_lin²·(x − ½)·(z − ½)`; `nil` means no linear term.
    public var linearVariance: Double?

    public init(lengthscales: [Double], signalVariance: Double, noiseVariance: Double, mean: Double,
                linearVariance: Double? = nil) {
        self.lengthscales = lengthscales
        self.signalVariance = signalVariance
        self.noiseVariance = noiseVariance
        self.mean = mean
        self.linearVariance = linearVariance
    }

    /// The covariance function these hyperparameters describe (noise excluded).
    public var kernel: Matern52Kernel {
        Matern52Kernel(lengthscales: lengthscales, signalVariance: signalVariance, linearVariance: linearVariance)
    }

    /// Non-nil description of the first invalid value, if any.
    func validationProblem(dimension d: Int) -> String? {
        if lengthscales.count != d { return "expected \(d) lengthscales, got \(lengthscales.count)" }
        if !lengthscales.allSatisfy({ $0 > 0 && $0.isFinite }) { return "lengthscales must be positive and finite" }
        if !(signalVariance >= 0 && signalVariance.isFinite) { return "signal variance must be ≥ 0 and finite" }
        if !(noiseVariance >= 0 && noiseVariance.isFinite) { return "noise variance must be ≥ 0 and finite" }
        if !mean.isFinite { return "mean must be finite" }
        if let lv = linearVariance, !(lv >= 0 && lv.isFinite) { return "linear variance must be ≥ 0 and finite" }
        return nil
    }
}

/// Options for `GaussianProcess.fit`.
public struct GPFitOptions: Sendable {
    /// Number of L-BFGS starts: the first from a deterministic default, the others drawn from the priors.
    public var restarts: Int = 3
    /// Iteration cap per L-BFGS run.
    public var maxIterations: Int = 60
    /// A start of the search stops once its last three steps together gained less than this many nats of log
    /// posterior (0: run to `maxIterations` or the optimizer's own tolerances). 10⁻⁴ keeps the benchmark's
    /// quality (10⁻³ was faster but lost 0.013 HV on ackley5-cat over 200 trials, 17 of 24 seeds; BENCHMARKS.md).
    public var stallTolerance: Double = 1e-4
    /// Fit sets of at least this many points use the deterministic start only: with that much data the log
    /// posterior has one optimum in practice (on the LCBench benchmark log, from 160 points on, a start drawn
    /// from the priors ended within 10⁻³ nats of the default one every time; below, it sometimes found a better
    /// one, so smaller sets keep all `restarts`).
    public var singleStartPoints: Int = 200
    /// Hyperparameters are fitted on an evenly strided deterministic subsample of at most this many points.
    public var maxFitPoints: Int = 256
    /// The posterior conditions on at most this many points: the most recent ones (the last rows).
    public var maxPoints: Int = 2000
    /// Include the linear kernel term.
    public var useLinearTerm: Bool = false
    /// Skip the search and condition on these hyperparameters (in `y` units).
    public var fixed: GPHyperparameters? = nil
    /// Lower bound on the noise variance (in `y` units; see `GaussianProcess.fit`).
    public var noiseFloor: Double = 1e-6

    public init(restarts: Int = 3, maxIterations: Int = 60, maxFitPoints: Int = 256, maxPoints: Int = 2000,
                useLinearTerm: Bool = false, fixed: GPHyperparameters? = nil, noiseFloor: Double = 1e-6,
                stallTolerance: Double = 1e-4, singleStartPoints: Int = 200) {
        self.restarts = restarts
        self.singleStartPoints = singleStartPoints
        self.stallTolerance = stallTolerance
        self.maxIterations = maxIterations
        self.maxFitPoints = maxFitPoints
        self.maxPoints = maxPoints
        self.useLinearTerm = useLinearTerm
        self.fixed = fixed
        self.noiseFloor = noiseFloor
    }
}

/// Errors from GP construction and fitting.
public enum GPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No observations at all.
    case noData
    /// Rows of `x` of differing lengths, or `x`/`y` counts that differ.
    case dimensionMismatch(String)
    /// NaN or infinity in `x` or `y`.
    case nonFinite(String)
    /// Hyperparameters that cannot define a covariance.
    case invalidHyperparameters(String)
    /// The covariance could not be factored even with the largest jitter (should not happen for finite input).
    case numericalFailure(String)

    public var description: String {
        switch self {
        case .noData: return "no observations to fit a Gaussian process"
        case .dimensionMismatch(let m): return "dimension mismatch: \(m)"
        case .nonFinite(let m): return "non-finite value: \(m)"
        case .invalidHyperparameters(let m): return "invalid GP hyperparameters: \(m)"
        case .numericalFailure(let m): return "GP numerical failure: \(m)"
        }
    }
}

/// Validates raw observations and packs the inputs into an n×d matrix.
func validatedInputs(_ x: [[Double]], _ y: [Double]) throws -> Matrix {
    guard !x.isEmpty else { throw GPError.noData }
    guard x.count == y.count else { throw GPError.dimensionMismatch("\(x.count) inputs but \(y.count) targets") }
    let d = x[0].count
    guard x.allSatisfy({ $0.count == d }) else { throw GPError.dimensionMismatch("input rows of differing length") }
    guard x.allSatisfy({ $0.allSatisfy { $0.isFinite } }) else { throw GPError.nonFinite("inputs") }
    guard y.allSatisfy({ $0.isFinite }) else { throw GPError.nonFinite("targets") }
    return Matrix(rowArrays: x, columns: d)
}
