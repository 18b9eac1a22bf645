/// A group of observations of (nearly) the same input, summarised for CARBS' Pareto-group selection.
///
/// Higher scores are better. `index` is the caller's identifier for the group.
///
/// One of three group types, each at a different layer: this one is plain numbers, the input of
/// `Pareto.carbsFront`. `Dataset.Group` (Search) groups the successes by identical encoded inputs in model units
/// (utility, with the runs it came from) and is reduced to `ParetoGroup`s for the search. `RunGroup` (Report) groups
/// a log's successes by identical parameters as written, in the log's own units, for `carbs-pareto`'s output.
public struct ParetoGroup: Sendable, Equatable {
    /// Mean score of the group's members.
    public var meanScore: Double
    /// Mean cost of the group's members.
    public var meanCost: Double
    /// Best (highest) individual score in the group.
    public var maxScore: Double
    /// Number of observations in the group (at least 1).
    public var count: Int
    /// The caller's identifier for this group.
    public var index: Int

    /// Creates a group summary.
    public init(meanScore: Double, meanCost: Double, maxScore: Double, count: Int, index: Int) {
        self.meanScore = meanScore
        self.meanCost = meanCost
        self.maxScore = maxScore
        self.count = count
        self.index = index
    }
}
