/// Settings of one `carbs-suggest` call.
public struct SearchOptions: Sendable {
    public var strategy: Strategy = .ehvi
    /// Number of suggestions.
    public var count = 1
    public var seed: UInt64 = 0
    /// Successes needed before the model is used (nil = strategy default: max(4, ⌈d/2⌉+2); CARBS 4).
    public var initialCount: Int?
    /// Search radius: σ of the local perturbations, in units of each parameter's `scale`.
    public var radius: Double?
    /// Candidates scored per suggestion (nil = max(1000, 100·d)).
    public var candidates: Int?
    /// Share of candidates drawn uniformly over the whole space (so no region is unreachable).
    public var globalShare = 0.2
    /// Hard cap on predicted cost.
    public var maxCost: Double?
    /// Re-run the least-sampled Pareto point every K successes (0 = never; nil = strategy default).
    public var resampleEvery: Int?
    /// Kernel hyperparameters to use instead of fitting (warm start from `carbs-fit`).
    public var scoreModel: GPHyperparameters?
    public var costModel: GPHyperparameters?
    /// Collect a human-readable account of each choice.
    public var explain = false
    /// Pending runs to re-issue first, unchanged (their agents died): each becomes a `retry` suggestion.
    public var retries: [Run] = []
    /// Whether the front holds the runs' checkpoints (progress records) besides their results. The assumption:
    /// a checkpoint of a long run stands for a short run (true for most schedules, not for a learning-rate
    /// schedule tied to the run's length).
    public var checkpoints = true

    public init() {}

    /// The strategy resolved into everything that differs between strategies.
    var plan: StrategyPlan { strategy.plan }
    var effectiveRadius: Double { radius ?? plan.radius }
    var effectiveResampleEvery: Int { resampleEvery ?? plan.resampleEvery }
    func effectiveInitialCount(dimension d: Int) -> Int {
        if let initialCount { return max(1, initialCount) }
        return plan.initialCount.count(dimension: d)
    }
    /// The most candidate coordinates held at once (candidates × encoded dimension, 8 bytes each: 160 MB), so
    /// that a space with thousands of one-hot columns (a choice of 10,000 values) scores fewer candidates
    /// instead of exhausting the memory.
    static let maxCandidateCells = 20_000_000

    func effectiveCandidates(dimension d: Int) -> Int {
        let wanted = candidates ?? max(1000, 100 * d)
        return max(1, min(wanted, Self.maxCandidateCells / max(1, d)))
    }
}

/// One suggestion: parameter values in declaration order plus what the models predicted.
public struct Suggestion: Sendable {
    public var id: String
    public var params: [(String, JSONValue)]
    public var kind: String
    public var predictedScore: Double?
    public var predictedScoreStd: Double?
    public var predictedCost: Double?
    public var pSuccess: Double?
    public var acquisition: Double?
    public var explanation: [String] = []
    /// Problems the user should hear about even without --explain (e.g. nothing fits under --max-cost).
    public var warnings: [String] = []
    /// The pending run this suggestion re-issues.
    public var retryOf: String?
}
