/// A group of observations of (nearly) the same input, summarised for CARBS' Pareto-group selection.
///
/// Higher scores are better. `index` is the caller's identifier for the group.
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
