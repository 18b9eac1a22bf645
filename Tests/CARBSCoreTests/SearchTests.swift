import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

@testable import CARBSCore

/// Helpers to build logs in memory.
private func makeLog(_ specs: [String], runs: [(params: [String: JSONValue], score: Double?, cost: Double?, status: RunStatus)] = [],
                     maximize: Bool = true, hash: UInt64 = 1) throws -> SweepLog {
    var log = SweepLog()
    for s in specs { log.space.declare(try CompactSpec.parse(s)) }
    log.objective.maximize = maximize
    for (i, r) in runs.enumerated() {
        log.runs.append(Run(id: "r\(i)", line: i + 1, status: r.status, params: r.params, score: r.score, cost: r.cost))
    }
    log.contentHash = hash
    return log
}

private func number(_ s: Suggestion, _ name: String) -> Double? {
    s.params.first { $0.0 == name }?.1.doubleValue
}

@Suite struct SearchTests {
    static let specs = ["x=linear:0:1", "epochs=log:1:100:int"]

    /// A cost-aware toy: the best x is 0.3, longer runs help, cost = epochs.
    static func toy(_ x: Double, _ epochs: Double) -> Double { -(x - 0.3) * (x - 0.3) * 10 - 1 / epochs }

    static func loop(strategy: Strategy, trials: Int, seed: UInt64) throws -> SweepLog {
        var log = try makeLog(specs)
        for t in 0..<trials {
            var o = SearchOptions()
            o.strategy = strategy
            o.seed = seed
            log.contentHash = UInt64(t) &* 0x9E37_79B9 &+ seed
            let s = try #require(try Suggester.suggest(log: log, options: o).first)
            let x = try #require(number(s, "x")), e = try #require(number(s, "epochs"))
            let params = Dictionary(s.params, uniquingKeysWith: { a, _ in a })
            log.runs.append(Run(id: s.id, line: t + 3, status: .success, params: params, score: toy(x, e), cost: e))
        }
        return log
    }

    @Test func sameLogSameSuggestionLongerLogNewOne() throws {
        let log = try Self.loop(strategy: .ehvi, trials: 8, seed: 3)
        var o = SearchOptions()
        o.seed = 3
        let a = try Suggester.suggest(log: log, options: o).map { $0.record() }
        let b = try Suggester.suggest(log: log, options: o).map { $0.record() }
        #expect(a == b)
        var longer = log
        longer.contentHash &+= 1
        let c = try Suggester.suggest(log: longer, options: o).map { $0.record() }
        #expect(a != c)
    }

    @Test func firstSuggestionIsTheCenterAndInitialPointsAreInsideTheSpace() throws {
        let log = try makeLog(Self.specs)
        var o = SearchOptions()
        o.count = 6
        let s = try Suggester.suggest(log: log, options: o)
        #expect(s.count == 6)
        #expect(number(s[0], "x") == 0.5)
        #expect(number(s[0], "epochs") == 10)
        for x in s {
            let e = try #require(number(x, "epochs"))
            #expect(e == e.rounded() && e >= 1 && e <= 100)
            let v = try #require(number(x, "x"))
            #expect(v >= 0 && v <= 1)
            #expect(x.kind == "initial")
        }
        #expect(Set(s.map { $0.record() }).count == 6)
    }

    @Test func batchAndPendingRunsGiveDistinctPoints() throws {
        var log = try Self.loop(strategy: .ehvi, trials: 10, seed: 1)
        var o = SearchOptions()
        o.count = 4
        let batch = try Suggester.suggest(log: log, options: o)
        #expect(batch.count == 4)
        #expect(batch.allSatisfy { $0.kind == "bo" })
        let points = batch.map { [number($0, "x") ?? -1, number($0, "epochs") ?? -1] }
        #expect(Set(points).count == 4)
        // The single suggestion after adding the batch as pending differs from all of them.
        for (i, s) in batch.enumerated() {
            log.runs.append(Run(id: s.id, line: 100 + i, status: .pending, params: Dictionary(s.params, uniquingKeysWith: { a, _ in a }),
                                score: nil, cost: nil))
        }
        o.count = 1
        let next = try #require(try Suggester.suggest(log: log, options: o).first)
        #expect(!points.contains([number(next, "x") ?? -1, number(next, "epochs") ?? -1]))
    }

    @Test func maxCostCapsPredictedCost() throws {
        let log = try Self.loop(strategy: .ehvi, trials: 12, seed: 2)
        var o = SearchOptions()
        o.maxCost = 5
        o.count = 3
        for s in try Suggester.suggest(log: log, options: o) {
            let c = try #require(s.predictedCost)
            #expect(c <= 5)
        }
    }

    @Test func impossibleCostCapSuggestsTheCheapestAndSaysSo() throws {
        let log = try Self.loop(strategy: .ehvi, trials: 12, seed: 2)
        var o = SearchOptions()
        o.maxCost = 0.5   // every run costs at least 1 epoch
        let s = try #require(try Suggester.suggest(log: log, options: o).first)
        #expect(s.warnings.first?.contains("--max-cost") == true)
        #expect((s.predictedCost ?? 100) < 3)
    }

    @Test func ehviFindsTheOptimumOfTheToy() throws {
        let log = try Self.loop(strategy: .ehvi, trials: 30, seed: 7)
        let best = log.runs.compactMap(\.score).max() ?? -.infinity
        // Optimum −0.01 (x = 0.3, epochs = 100); random search over 30 trials typically stays below −0.05.
        #expect(best > -0.03)
        // Cost awareness: the cheapest runs are explored too, not only epochs = 100.
        #expect(log.runs.contains { ($0.cost ?? 0) <= 3 })
    }

    @Test(arguments: Strategy.allCases)
    func edgeCasesNeverProduceNaNOrOutOfSpacePoints(strategy: Strategy) throws {
        let p: (Double, Double) -> [String: JSONValue] = { ["x": .number($0), "epochs": .number($1)] }
        let cases: [[(params: [String: JSONValue], score: Double?, cost: Double?, status: RunStatus)]] = [
            [],                                                                         // nothing yet
            (0..<6).map { i in (p(Double(i) / 6, 5), nil, 1.0, .failed) },            // all failed
            (0..<6).map { i in (p(Double(i) / 6, 5), 1.0, 5.0, .success) },           // constant scores
            (0..<6).map { _ in (p(0.5, 10), 0.3, 10.0, .success) },                   // one point, repeated
            [(p(0.2, 3), 0.5, 3.0, .success)],                                          // one observation
            (0..<8).map { i in (p(Double(i) / 8, 1 + Double(i)), Double(i), 1e-6 * pow(10, Double(i) * 2), .success) }, // costs 1e-6…1e8
            (0..<6).map { i in (["x": .number(0.1 * Double(i))], Double(i), 2.0, .success) },  // a parameter added later
            (0..<6).map { i in (p(Double(i) / 6, 500), Double(i), 2.0, .success) },     // old rows outside narrowed bounds
        ]
        for runs in cases {
            let log = try makeLog(Self.specs, runs: runs)
            var o = SearchOptions()
            o.strategy = strategy
            o.count = 2
            o.initialCount = 1
            let out = try Suggester.suggest(log: log, options: o)
            #expect(out.count == 2)
            for s in out {
                let x = try #require(number(s, "x")), e = try #require(number(s, "epochs"))
                #expect(x >= 0 && x <= 1 && e >= 1 && e <= 100 && e == e.rounded())
                for v in [s.predictedScore, s.predictedScoreStd, s.predictedCost, s.pSuccess].compactMap({ $0 }) {
                    #expect(v.isFinite)
                }
                #expect(!s.record().contains("null"))
            }
        }
    }

    @Test func choicesAndFixedParametersAreSearchedAndPassedThrough() throws {
        var log = try makeLog(["x=linear:0:1", "opt=choice:adam,sgd,lion", "seed=fixed:42"])
        for i in 0..<12 {
            let opt = ["adam", "sgd", "lion"][i % 3]
            let x = Double(i) / 12
            let score = (opt == "lion" ? 1.0 : 0) - (x - 0.7) * (x - 0.7)
            log.runs.append(Run(id: "r\(i)", line: i, status: .success, params: ["x": .number(x), "opt": .string(opt), "seed": 42],
                                score: score, cost: 1))
        }
        var o = SearchOptions()
        o.count = 3
        for s in try Suggester.suggest(log: log, options: o) {
            let d = Dictionary(s.params, uniquingKeysWith: { a, _ in a })
            #expect(d["seed"] == 42)
            #expect(["adam", "sgd", "lion"].contains(d["opt"]?.stringValue ?? ""))
        }
        // The model should prefer lion.
        o.count = 1
        let best = try #require(try Suggester.suggest(log: log, options: o).first)
        #expect(Dictionary(best.params, uniquingKeysWith: { a, _ in a })["opt"] == "lion")
    }

    @Test func resamplingRepeatsAFrontPoint() throws {
        let log = try Self.loop(strategy: .ehvi, trials: 10, seed: 5)
        var o = SearchOptions()
        o.resampleEvery = 5
        let s = try #require(try Suggester.suggest(log: log, options: o).first)
        #expect(s.kind == "resample")
        let d = Dictionary(s.params, uniquingKeysWith: { a, _ in a })
        #expect(log.runs.contains { $0.params == d })
    }

    @Test func stepFrontHypervolumeImprovementMatchesHandComputation() {
        // Front: cost e^0 → level 0, cost e^1 → level 1; floor −1; upper log cost 2.
        let front = StepFront(groups: [(0, 1), (1, exp(1)), (0.5, exp(1.5))], floor: -1)
        #expect(front.members == [0, 1])
        #expect(front.level(at: -0.5) == -1)
        #expect(front.level(at: 0.5) == 0)
        #expect(front.level(at: 1.7) == 1)
        // A certain point of utility 2 at log cost 0.5 gains (2−0)·0.5 + (2−1)·1 = 2.
        #expect(abs(front.expectedHypervolumeImprovement(mean: 2, sd: 0, logCost: 0.5, upper: 2) - 2) < 1e-12)
        // At log cost −1: (2−(−1))·1 + 2·1 + 1·1 = 6.
        #expect(abs(front.expectedHypervolumeImprovement(mean: 2, sd: 0, logCost: -1, upper: 2) - 6) < 1e-12)
        // Uncertain: equals Σ width·EI(level).
        let e = front.expectedHypervolumeImprovement(mean: 0.5, sd: 1, logCost: 0.5, upper: 2)
        let manual = 0.5 * Normal.expectedImprovement(mean: 0.5, sd: 1, best: 0) + 1 * Normal.expectedImprovement(mean: 0.5, sd: 1, best: 1)
        #expect(abs(e - manual) < 1e-12)
    }
}

@Suite struct CheapFirstTests {
    @Test func costDrivingParametersStartInTheirCheapestQuarter() throws {
        var log = SweepLog()
        log.space.declare(try CompactSpec.parse("lr=log:1e-5:1e-1"))
        log.space.declare(try CompactSpec.parse("epochs=log:1:100:int:cost"))
        #expect(log.space["epochs"]?.drivesCost == true)
        // The flag survives printing and reading the declaration back.
        let printed = JSONValue.object(Dictionary(uniqueKeysWithValues: log.space.parameters[1].declarationPairs))
        #expect(try Parameter(declaration: printed.objectValue ?? [:]).drivesCost)
        var o = SearchOptions()
        o.count = 8
        o.initialCount = 8
        let initial = try Suggester.suggest(log: log, options: o).dropFirst()   // the first is the declared center
        // The cheapest quarter of [1, 100] on the log scale is [1, 100^0.25 ≈ 3.16].
        for s in initial {
            let e = try #require(s.params.first { $0.0 == "epochs" }?.1.doubleValue)
            #expect(e <= 3.17, "epochs \(e)")
        }
        // Without the flag the same design spans the range.
        log.space.declare(try CompactSpec.parse("epochs=log:1:100:int"))
        let spread = try Suggester.suggest(log: log, options: o).compactMap { s in s.params.first { $0.0 == "epochs" }?.1.doubleValue }
        #expect((spread.max() ?? 0) > 10)
    }
}

/// Issue 12: the cost-aware start without hints (`LogCostTrend`, `InitialDesign.sobol(cheapestOf:)`).
@Suite struct CostAwareStartTests {
    static func point(_ x: [Double], logCost: Double) -> Dataset.Point {
        Dataset.Point(x: x, utility: 0, cost: exp(logCost), runIndex: 0)
    }

    @Test func trendRecoversAnExactLogLinearCost() throws {
        // log cost = 1 + 2·x0 − x2 at 6 points of a 3-D space: more runs than inputs, so the trend is the plane.
        let truth: ([Double]) -> Double = { 1 + 2 * $0[0] - $0[2] }
        let xs: [[Double]] = [[0.1, 0.2, 0.3], [0.9, 0.1, 0.5], [0.4, 0.8, 0.2], [0.6, 0.5, 0.9], [0.2, 0.7, 0.7], [0.8, 0.3, 0.1]]
        let trend = try #require(LogCostTrend(xs.map { Self.point($0, logCost: truth($0)) }))
        for z in [[0.0, 0.0, 0.0], [1.0, 1.0, 1.0], [0.3, 0.9, 0.6]] {
            #expect(abs(trend.logCost(at: z) - truth(z)) < 1e-4, "at \(z)")
        }
    }

    @Test func twoRunsGiveTheSlopeAlongTheirDifferenceOnly() throws {
        let a = [0.5, 0.5], b = [0.5, 0.9]
        let trend = try #require(LogCostTrend([Self.point(a, logCost: 2), Self.point(b, logCost: 3)]))
        // Along b − a the log cost moves 1 per 0.4; across it (x0) it does not move.
        #expect(abs(trend.logCost(at: [0.5, 0.1]) - 1) < 1e-4)
        #expect(abs(trend.logCost(at: [0.0, 0.9]) - 3) < 1e-4)
        #expect(LogCostTrend([Self.point(a, logCost: 2)]) == nil)
        #expect(LogCostTrend([Self.point(a, logCost: 2), Self.point(b, logCost: 2)]) == nil)
    }

    /// Two runs that differ only in epochs (cost = epochs, 10 and 30): the trend prices a point by its epochs alone,
    /// and the median run costs √300 ≈ 17.3. A Sobol point above that is replaced by the cheapest of it and three
    /// uniform draws, so a suggestion costlier than the median run needs all four above it (chance 0.38⁴·… ≈ 2 %
    /// per seed); the plain Sobol design of `ei` lands there about 38 % of the time (log-uniform epochs in [1, 100]).
    @Test func theInitialDesignLearnsWhatCostsFromTheFirstRuns() throws {
        func aboveMedianRun(_ strategy: Strategy) throws -> Int {
            var count = 0
            for seed in UInt64(0)..<20 {
                let log = try makeLog(["x1=linear:0:1", "x2=linear:0:1", "epochs=log:1:100:int"], runs: [
                    (["x1": .number(0.5), "x2": .number(0.5), "epochs": .number(10)], 1, 10, .success),
                    (["x1": .number(0.5), "x2": .number(0.5), "epochs": .number(30)], 2, 30, .success),
                ], hash: seed + 7)
                var o = SearchOptions()
                o.strategy = strategy
                o.seed = seed
                o.explain = true
                let s = try #require(Suggester.suggest(log: log, options: o).first)
                #expect(s.kind == "initial")
                #expect(s.explanation.first?.contains("trend of log cost fitted to 2 runs") == (strategy == .ehvi))
                if try #require(number(s, "epochs")) > 300.0.squareRoot() { count += 1 }
            }
            return count
        }
        #expect(try aboveMedianRun(.ehvi) <= 1)
        #expect(try aboveMedianRun(.ei) >= 4)
    }

    /// A batch and pending runs in the cost-aware design: the design's picks and the model's are all distinct, and
    /// with the batch pending (as parallel agents leave it) the next point (still of the design: it ends at four
    /// successes) is none of them.
    @Test func batchesAndPendingRunsStillSpreadInTheCostAwareDesign() throws {
        let specs = ["x1=linear:0:1", "x2=linear:0:1", "epochs=log:1:100:int"]
        var runs: [(params: [String: JSONValue], score: Double?, cost: Double?, status: RunStatus)] = [
            (["x1": .number(0.5), "x2": .number(0.5), "epochs": .number(10)], 1, 10, .success),
            (["x1": .number(0.2), "x2": .number(0.7), "epochs": .number(30)], 2, 30, .success),
        ]
        var o = SearchOptions()
        o.count = 3
        let batch = try Suggester.suggest(log: makeLog(specs, runs: runs, hash: 3), options: o)
        #expect(batch.map(\.kind) == ["initial", "initial", "bo"])
        #expect(Set(batch.map { JSONWriter.line($0.params) }).count == 3)
        for s in batch { runs.append((Dictionary(uniqueKeysWithValues: s.params), nil, nil, .pending)) }
        o.count = 1
        let next = try #require(Suggester.suggest(log: makeLog(specs, runs: runs, hash: 4), options: o).first)
        #expect(next.kind == "initial")
        #expect(!batch.map { JSONWriter.line($0.params) }.contains(JSONWriter.line(next.params)))
    }
}

@Suite struct CandidateBudgetTests {
    @Test func candidatesShrinkWithTheEncodedDimension() {
        let o = SearchOptions()
        #expect(o.effectiveCandidates(dimension: 8) == 1000)
        #expect(o.effectiveCandidates(dimension: 100) == 10_000)
        #expect(o.effectiveCandidates(dimension: 10_001) == SearchOptions.maxCandidateCells / 10_001)
        #expect(o.effectiveCandidates(dimension: 10_001) * 10_001 <= SearchOptions.maxCandidateCells)
        var asked = SearchOptions()
        asked.candidates = 1_000_000
        #expect(asked.effectiveCandidates(dimension: 50) == 400_000, "--candidates is capped the same way")
        #expect(asked.effectiveCandidates(dimension: 100_000_000) == 1)
    }
}

/// Issue 12: the front of posterior means when the scores are noisy, and of observed values when they are not.
@Suite struct NoiseAwareFrontTests {
    /// 30 runs of a smooth 2-D score, with Gaussian noise of `sd` (seeded), costs from x.
    static func log(noise sd: Double) throws -> SweepLog {
        var lines = [#"{"param":"x","space":"linear","min":0,"max":1}"#, #"{"param":"y","space":"linear","min":0,"max":1}"#]
        var rng = SeededGenerator(seed: 7)
        for i in 0..<30 {
            let x = rng.uniform(), y = rng.uniform()
            let score = -((x - 0.3) * (x - 0.3) + (y - 0.6) * (y - 0.6)) + sd * rng.normal()
            lines.append(#"{"id":"r\#(i)","params":{"x":\#(x),"y":\#(y)},"score":\#(score),"cost":\#(1 + 9 * x)}"#)
        }
        return try SweepLog.parse(lines.joined(separator: "\n") + "\n")
    }

    static func explanation(_ log: SweepLog) throws -> String {
        var o = SearchOptions()
        o.explain = true
        return try Suggester.suggest(log: log, options: o).first?.explanation.joined(separator: "\n") ?? ""
    }

    @Test func noisyScoresGetAFrontOfPosteriorMeans() throws {
        #expect(try Self.explanation(Self.log(noise: 0.3)).contains("the front scores the model's posterior mean at each point"))
    }

    @Test func batchesAndPendingRunsStillSpreadOnANoisyFront() throws {
        var o = SearchOptions()
        o.count = 4
        let log = try Self.log(noise: 0.3)
        let batch = try Suggester.suggest(log: log, options: o)
        #expect(batch.count == 4 && Set(batch.map { JSONWriter.line($0.params) }).count == 4)
        // The batch's points as pending runs: the next suggestion is none of them.
        var text = (log.runs.map { r in Records.result(id: r.id ?? "", failed: false, params: Records.ordered(r.params, space: log.space), fields: ["score": .number(r.score ?? 0), "cost": .number(r.cost ?? 1)]) })
        text += batch.map { $0.record() }
        let withPending = try SweepLog.parse(([#"{"param":"x","space":"linear","min":0,"max":1}"#, #"{"param":"y","space":"linear","min":0,"max":1}"#] + text).joined(separator: "\n") + "\n")
        #expect(withPending.pending.count == 4)
        var one = SearchOptions()
        one.seed = 3
        let next = try Suggester.suggest(log: withPending, options: one)
        #expect(next.count == 1 && !batch.map { JSONWriter.line($0.params) }.contains(JSONWriter.line(next[0].params)))
    }

    /// Under noise each call draws a cost floor in the runs' cost range and picks a candidate predicted to cost at
    /// least that; the floors differ from seed to seed, and deterministic scores draw none.
    /// 60 runs of a 1-D score under noise of sd 0.5 (its signal spans 0.5): the noise share is far above 20 %.
    static func mostlyNoise() throws -> SweepLog {
        var lines = [#"{"param":"x","space":"linear","min":0,"max":1}"#]
        var rng = SeededGenerator(seed: 11)
        for i in 0..<60 {
            let x = rng.uniform()
            lines.append(#"{"id":"r\#(i)","params":{"x":\#(x)},"score":\#(-(x - 0.3) * (x - 0.3) + 0.5 * rng.normal()),"cost":\#(1 + 9 * x)}"#)
        }
        return try SweepLog.parse(lines.joined(separator: "\n") + "\n")
    }

    /// The cost floor a pick's --explain names.
    static func floor(named s: Suggestion) throws -> Double {
        let line = try #require(s.explanation.first { $0.contains("this pick costs at least ") }, "\(s.explanation)")
        let after = try #require(line.range(of: "this pick costs at least ")).upperBound
        return try #require(Double(line[after...].prefix { $0 != "," }))
    }

    /// --max-cost below the floor: the floor gives way (no candidate is both), never the cap, and no warning.
    @Test func theNoisyFloorGivesWayToMaxCost() throws {
        for seed in UInt64(0)..<8 {
            var o = SearchOptions()
            o.seed = seed
            o.maxCost = 2
            let s = try #require(Suggester.suggest(log: Self.mostlyNoise(), options: o).first)
            #expect(try #require(s.predictedCost) <= 2 * (1 + 1e-9))
            #expect(s.warnings.isEmpty, "\(s.warnings)")
        }
    }

    /// A batch under the floor: eight distinct picks, each predicted to cost at least the floor it names.
    @Test func aNoisyBatchSpreadsAboveItsFloor() throws {
        var o = SearchOptions()
        o.count = 8
        o.explain = true
        o.seed = 5
        let batch = try Suggester.suggest(log: Self.mostlyNoise(), options: o)
        #expect(batch.count == 8 && Set(batch.map { JSONWriter.line($0.params) }).count == 8)
        for s in batch {
            let floor = try Self.floor(named: s)
            #expect(try #require(s.predictedCost) >= floor * (1 - 1e-9))
        }
    }

    @Test func noisyPicksCostAtLeastARandomFloorInTheRunsRange() throws {
        let log = try Self.mostlyNoise()
        let costs = log.runs.compactMap(\.cost)
        let (lo, hi) = (try #require(costs.min()), try #require(costs.max()))
        var floors: [Double] = []
        for seed in UInt64(0)..<8 {
            var o = SearchOptions()
            o.explain = true
            o.seed = seed
            let s = try #require(Suggester.suggest(log: log, options: o).first)
            let floor = try Self.floor(named: s)
            #expect(floor >= lo * (1 - 1e-9) && floor <= hi * (1 + 1e-9))
            #expect(try #require(s.predictedCost) >= floor * (1 - 1e-9), "seed \(seed)")
            floors.append(floor)
        }
        #expect(Set(floors).count >= 6)
        #expect(try !Self.explanation(Self.log(noise: 0)).contains("costs at least"))
    }

    @Test func deterministicScoresKeepTheObservedFront() throws {
        #expect(try !Self.explanation(Self.log(noise: 0)).contains("posterior mean"))
        // ei, carbs and protein keep the observed front whatever the noise (their plans say .observed).
        var o = SearchOptions()
        o.explain = true
        o.strategy = .ei
        let ei = try Suggester.suggest(log: Self.log(noise: 0.3), options: o).first?.explanation.joined(separator: "\n") ?? ""
        #expect(!ei.contains("posterior mean"))
    }
}

/// Issue 12: the hypervolume improvement over the cost model's uncertainty, and the local polish of the
/// acquisition.
@Suite struct CostUncertainHypervolumeTests {
    static let front = StepFront(groups: [(0, 1), (1, exp(1)), (0.5, exp(1.5))], floor: -1)

    /// The closed form against a direct quadrature of E_c[∫_c^upper EI(level(t)) dt] over c ~ N(lc, s²)
    /// (midpoint rule on both integrals; independent of the ψ-function algebra).
    @Test(arguments: [(0.5, 0.3), (0.5, 1.0), (-1.5, 0.5), (1.8, 0.7)])
    func closedFormMatchesQuadrature(lc: Double, s: Double) {
        let f = Self.front, upper = 2.0, lower = -3.0
        let mean = 0.7, sd = 0.8
        func inner(_ c: Double) -> Double {
            // ∫_max(c, lower)^upper EI(level(t)) dt by a fine midpoint rule.
            let a = max(c, lower)
            guard a < upper else { return 0 }
            let n = 4000
            let h = (upper - a) / Double(n)
            var total = 0.0
            for k in 0..<n {
                let t = a + (Double(k) + 0.5) * h
                total += h * Normal.expectedImprovement(mean: mean, sd: sd, best: f.level(at: t))
            }
            return total
        }
        var quad = 0.0
        let m = 2000
        let lo = lc - 8 * s, hi = lc + 8 * s
        let h = (hi - lo) / Double(m)
        for k in 0..<m {
            let c = lo + (Double(k) + 0.5) * h
            quad += h * Normal.pdf((c - lc) / s) / s * inner(c)
        }
        let closed = f.expectedHypervolumeImprovement(mean: mean, sd: sd, logCost: lc, logCostSD: s, lower: lower, upper: upper)
        #expect(abs(closed - quad) < 2e-3 * max(1, quad), "closed \(closed) quadrature \(quad)")
    }

    @Test func certainCostIsThePlainImprovement() {
        let f = Self.front
        for lc in [-1.0, 0.2, 0.5, 1.5] {
            let plain = f.expectedHypervolumeImprovement(mean: 1.3, sd: 0.4, logCost: lc, upper: 2)
            let tiny = f.expectedHypervolumeImprovement(mean: 1.3, sd: 0.4, logCost: lc, logCostSD: 1e-6, upper: 2)
            #expect(abs(plain - tiny) < 1e-5, "lc \(lc): \(plain) vs \(tiny)")
        }
    }

    /// An uncertain cost is worth more than a certain one at the front's costly end (it may be cheaper), and
    /// nothing is credited below `lower`.
    @Test func uncertaintyCreditsThePossiblyCheaperAndRespectsLower() {
        let f = Self.front
        let certain = f.expectedHypervolumeImprovement(mean: 1.5, sd: 0.1, logCost: 1.9, upper: 2)
        let unsure = f.expectedHypervolumeImprovement(mean: 1.5, sd: 0.1, logCost: 1.9, logCostSD: 0.5, upper: 2)
        #expect(unsure > certain)
        let bounded = f.expectedHypervolumeImprovement(mean: 1.5, sd: 0.1, logCost: -5, logCostSD: 0.5, lower: 0, upper: 2)
        let fromZero = f.expectedHypervolumeImprovement(mean: 1.5, sd: 0.1, logCost: 0, upper: 2)
        #expect(abs(bounded - fromZero) < 1e-9, "a point surely below lower counts from lower on")
    }
}

@Suite struct PolishTests {
    @Test func joinedPredictionsEqualPredictionsOfTheJoinedList() throws {
        var rng = SeededGenerator(seed: 11)
        let x = (0..<20).map { _ in [rng.uniform(), rng.uniform()] }
        let gp = try GaussianProcess.fit(x: x, y: x.map { cos(3 * $0[0]) - $0[1] }, rng: &rng)
        let a = (0..<7).map { _ in [rng.uniform(), rng.uniform()] }, b = (0..<5).map { _ in [rng.uniform(), rng.uniform()] }
        var joined = gp.batchPredictions(a).appending(gp.batchPredictions(b))
        var direct = gp.batchPredictions(a + b)
        #expect(joined.mean == direct.mean && joined.variance == direct.variance)
        // Beliefs work the same on the joined predictions.
        gp.believe(9, in: &joined)
        gp.believe(9, in: &direct)
        for i in 0..<12 { #expect(abs(joined.variance[i] - direct.variance[i]) < 1e-12) }
    }

    /// On a log whose best region is a corner of the box, the polish moves the best candidates there: the
    /// suggestion's acquisition is at least the best of the drawn candidates', and --explain says it polished.
    @Test func polishImprovesOnTheDrawnCandidates() throws {
        var lines = [#"{"param":"x","space":"linear","min":0,"max":1}"#, #"{"param":"y","space":"linear","min":0,"max":1}"#,
                     #"{"param":"z","space":"linear","min":0,"max":1}"#]
        var rng = SeededGenerator(seed: 5)
        for i in 0..<24 {
            let x = rng.uniform(), y = rng.uniform(), z = rng.uniform()
            lines.append(#"{"id":"r\#(i)","params":{"x":\#(x),"y":\#(y),"z":\#(z)},"score":\#(x + y - z),"cost":\#(1 + z)}"#)
        }
        let log = try SweepLog.parse(lines.joined(separator: "\n") + "\n")
        var o = SearchOptions()
        o.explain = true
        o.candidates = 50
        let s = try #require(try Suggester.suggest(log: log, options: o).first)
        #expect(s.explanation.contains { $0.hasPrefix("polish:") }, "\(s.explanation)")
        // The same search with the polish removed from the plan scores at most as well.
        let context = Suggester(log: log, options: o)
        var plain = context.plan
        plain.polish = .none
        var search = ModelSearch(context: context, plan: plain)
        var stream = SeededGenerator(seed: RunID.streamSeed(seed: o.seed, logHash: log.contentHash))
        let unpolished = try #require(search.suggest(count: 1, startIndex: 0, rng: &stream).first)
        #expect(unpolished.explanation.allSatisfy { !$0.hasPrefix("polish:") })
        let a = try #require(s.acquisition), b = try #require(unpolished.acquisition)
        #expect(a >= b * (1 - 1e-12), "polished \(a), drawn only \(b)")
    }
}
