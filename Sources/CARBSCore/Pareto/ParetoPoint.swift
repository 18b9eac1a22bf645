/// One observed run reduced to the two numbers the Pareto code needs.
///
/// Higher `score` is better and lower `cost` is better. `index` is the caller's identifier (for example the run's
/// line number in the log); it is carried through unchanged and breaks ties deterministically.
public struct ParetoPoint: Sendable, Equatable {
    /// The objective; higher is better.
    public var score: Double
    /// What the run cost (seconds, GPU-hours…); lower is better.
    public var cost: Double
    /// The caller's identifier for this point.
    public var index: Int

    /// Creates a point.
    public init(score: Double, cost: Double, index: Int) {
        self.score = score
        self.cost = cost
        self.index = index
    }

    /// Both coordinates are finite numbers.
    var isFinite: Bool { score.isFinite && cost.isFinite }
}
