import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

@testable import CARBSCore

private func p(_ score: Double, _ cost: Double, _ index: Int) -> ParetoPoint {
    ParetoPoint(score: score, cost: cost, index: index)
}

@Suite struct ParetoTests {
    @Test func frontHandlesTiesEqualCostsAndDuplicates() {
        let points = [
            p(1, 1, 0), p(1, 1, 1),   // exact duplicates, both beaten by index 2 (same cost, higher score)
            p(2, 1, 2),               // front
            p(2, 3, 3),               // same score as 2 but dearer: dominated
            p(3, 2, 4),               // front
            p(5, 10, 5),              // front
            p(.nan, 1, 6), p(10, .infinity, 7), p(-.infinity, 1, 10),  // ignored
            p(4, 5, 9), p(4, 5, 8),   // duplicates on the front: keep the lower index 8
        ]
        let f = Pareto.front(points)
        #expect(f.map(\.index) == [2, 4, 8, 5])
        #expect(f.map(\.cost) == [1, 2, 5, 10])
        #expect(f.map(\.score) == [2, 3, 4, 5])
    }

    @Test func frontOfEmptyAndSingleton() {
        #expect(Pareto.front([]).isEmpty)
        #expect(Pareto.front([p(1, 1, 3)]) == [p(1, 1, 3)])
        // All costs equal: only the best score survives.
        #expect(Pareto.front([p(1, 7, 0), p(3, 7, 1), p(2, 7, 2)]).map(\.index) == [1])
        // All scores equal: only the cheapest survives.
        #expect(Pareto.front([p(1, 7, 0), p(1, 3, 1), p(1, 9, 2)]).map(\.index) == [1])
    }

    @Test func bestWithinBudget() {
        let points = [p(1, 1, 0), p(3, 5, 1), p(3, 4, 2), p(3, 4, 3), p(9, 100, 4), p(.nan, 2, 5)]
        #expect(Pareto.best(points, budget: 0.5) == nil)
        #expect(Pareto.best(points, budget: 1)?.index == 0)
        #expect(Pareto.best(points, budget: 3.9)?.index == 0)
        // Score 3 at costs 4, 4, 5: the cheaper wins, then the lower index.
        #expect(Pareto.best(points, budget: 10)?.index == 2)
        #expect(Pareto.best(points, budget: .infinity)?.index == 4)
        #expect(Pareto.best([], budget: 1) == nil)
    }

    @Test func hypervolumeHandComputed() {
        // Scores 0.5, 0.8, 1.0 at costs 1, 10, 100 (log10: 0, 1, 2); reference (0, log10 1000 = 3).
        // HV = 0.5·(1−0) + 0.8·(2−1) + 1.0·(3−2) = 2.3
        let pts = [p(0.5, 1, 0), p(0.8, 10, 1), p(1.0, 100, 2)]
        let hv = Pareto.hypervolume(pts, scoreRef: 0, scoreBest: nil, costMin: 1, costMax: 1000)
        #expect(abs(hv - 2.3) < 1e-12)
        // Clip scores at 0.9: 0.5 + 0.8 + 0.9 = 2.2; normalized by 0.9·log10(1000) = 2.7 → 0.814814…
        let hvClip = Pareto.hypervolume(pts, scoreRef: 0, scoreBest: 0.9, costMin: 1, costMax: 1000)
        #expect(abs(hvClip - 2.2) < 1e-12)
        let n = Pareto.normalizedHypervolume(pts, scoreRef: 0, scoreBest: 0.9, costMin: 1, costMax: 1000)
        #expect(abs(n - 2.2 / 2.7) < 1e-12)
        // A run cheaper than costMin is clipped to costMin: 0.6 at cost 0.1 → cost 1 replaces 0.5:
        // 0.6 + 0.8 + 1.0 = 2.4. A run dearer than costMax adds nothing; a score below the reference adds nothing.
        let more = pts + [p(0.6, 0.1, 3), p(5, 2000, 4), p(-3, 1, 5)]
        let hv2 = Pareto.hypervolume(more, scoreRef: 0, scoreBest: nil, costMin: 1, costMax: 1000)
        #expect(abs(hv2 - 2.4) < 1e-12)
        // Scores relative to a negative reference: scores −2 and −1 at costs 1 and 10, ref −3, costs 1..100:
        // (−2+3)·1 + (−1+3)·1 = 3; the box is (0+3)·2 = 6 with scoreBest 0 → 0.5.
        let neg = [p(-2, 1, 0), p(-1, 10, 1)]
        #expect(abs(Pareto.normalizedHypervolume(neg, scoreRef: -3, scoreBest: 0, costMin: 1, costMax: 100) - 0.5)
            < 1e-12)
    }

    @Test func hypervolumeMatchesPeersReference() {
        // peers.md §4: F = [[1,.9],[2,.5],[4,.3],[8,.25],[3,.6]] in (cost, loss) minimisation, ref (10, 1), HV 5.4.
        // Our convention integrates over log10 cost with higher scores better, so map cost c → 10^c (log10 gives c
        // back), loss l → score −l, reference (score −1, cost 10^10), costMin 10^0 (below every point).
        // Front by cost: (1,.9) (2,.5) (4,.3) (8,.25); (3,.6) is dominated by (2,.5).
        // HV = (2−1)(1−.9) + (4−2)(1−.5) + (8−4)(1−.3) + (10−8)(1−.25) = 0.1 + 1.0 + 2.8 + 1.5 = 5.4
        let f: [(Double, Double)] = [(1, 0.9), (2, 0.5), (4, 0.3), (8, 0.25), (3, 0.6)]
        let pts = f.enumerated().map { p(-$0.element.1, pow(10, $0.element.0), $0.offset) }
        let hv = Pareto.hypervolume(pts, scoreRef: -1, scoreBest: nil, costMin: 1, costMax: 1e10)
        #expect(abs(hv - 5.4) < 1e-12)
        #expect(Pareto.front(pts).map(\.index) == [0, 1, 2, 3])
    }

    @Test func hypervolumeDegenerate() {
        #expect(Pareto.hypervolume([], scoreRef: 0, scoreBest: 1, costMin: 1, costMax: 10) == 0)
        #expect(Pareto.hypervolume([p(1, 1, 0)], scoreRef: 0, scoreBest: 1, costMin: 10, costMax: 10) == 0)
        #expect(Pareto.hypervolume([p(1, 1, 0)], scoreRef: 0, scoreBest: 1, costMin: 0, costMax: 10) == 0)
        #expect(Pareto.normalizedHypervolume([p(1, 1, 0)], scoreRef: 1, scoreBest: 1, costMin: 1, costMax: 10) == 0)
        // One point at costMin scoring scoreBest fills the whole box.
        #expect(Pareto.normalizedHypervolume([p(7, 1, 0)], scoreRef: 0, scoreBest: 2, costMin: 1, costMax: 10) == 1)
    }

    /// The example from CARBS' `get_pareto_groups_conservative` docstring.
    /// A: outputs (0, 1) at cost 1 → mean 0.5, max 1;  B: 0.6 at cost 2;  C: (0.55, 0.75) at cost 3 → mean 0.65,
    /// max 0.75;  D: 0.8 at cost 4.
    private let groups = [
        ParetoGroup(meanScore: 0.5, meanCost: 1, maxScore: 1, count: 2, index: 0),
        ParetoGroup(meanScore: 0.6, meanCost: 2, maxScore: 0.6, count: 1, index: 1),
        ParetoGroup(meanScore: 0.65, meanCost: 3, maxScore: 0.75, count: 2, index: 2),
        ParetoGroup(meanScore: 0.8, meanCost: 4, maxScore: 0.8, count: 1, index: 3),
    ]

    @Test func carbsFrontConservativeHandExample() {
        // cMin = quantile of [1,1,2,3,3,4] at 0 = 1. First member: A (only cheap group).
        // Plain: B .6 > .5, C .65 > .6, D .8 > .65 → A B C D.
        #expect(Pareto.carbsFront(groups, minCostFraction: 0, conservative: false).map(\.index) == [0, 1, 2, 3])
        // Conservative: B is a singleton and must beat A's max 1 → no; C (pair) .65 > .5 → yes; D .8 > C's max .75.
        #expect(Pareto.carbsFront(groups, minCostFraction: 0, conservative: true).map(\.index) == [0, 2, 3])
    }

    @Test func carbsFrontMinCostFraction() {
        // cMin = quantile([1,1,2,3,3,4], 0.5): position 2.5 → 2 + 0.5·(3−2) = 2.5, so A and B are "cheap".
        #expect(abs(Pareto.quantile([1, 1, 2, 3, 3, 4], 0.5) - 2.5) < 1e-12)
        // Plain: best cheap mean is B (.6); then C .65, D .8.
        #expect(Pareto.carbsFront(groups, minCostFraction: 0.5, conservative: false).map(\.index) == [1, 2, 3])
        // Conservative: only the resampled cheap group A counts; C .65 > .5; D .8 > .75.
        #expect(Pareto.carbsFront(groups, minCostFraction: 0.5, conservative: true).map(\.index) == [0, 2, 3])
        #expect(Pareto.carbsFront([], minCostFraction: 0.5, conservative: true).isEmpty)
        // Ties keep input order (Python's max and stable sort); non-finite or empty groups are ignored.
        let tied = [
            ParetoGroup(meanScore: 1, meanCost: 1, maxScore: 1, count: 1, index: 7),
            ParetoGroup(meanScore: 1, meanCost: 1, maxScore: 1, count: 1, index: 3),
            ParetoGroup(meanScore: 2, meanCost: 5, maxScore: 2, count: 1, index: 9),
            ParetoGroup(meanScore: 2, meanCost: 5, maxScore: 2, count: 1, index: 4),
            ParetoGroup(meanScore: .nan, meanCost: 2, maxScore: 9, count: 1, index: 5),
            ParetoGroup(meanScore: 9, meanCost: 2, maxScore: 9, count: 0, index: 6),
        ]
        #expect(Pareto.carbsFront(tied, minCostFraction: 0, conservative: false).map(\.index) == [7, 9])
        // Everything cheap (fraction 1): just the best group.
        #expect(Pareto.carbsFront(groups, minCostFraction: 1, conservative: false).map(\.index) == [3])
    }
}
