import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

@testable import CARBSCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Numerical edge cases of the search and the models: whatever the runs, no NaN reaches the output and every
/// suggestion lies inside the space.
@Suite struct RobustSearchTests {
    typealias RunSpec = (params: [String: JSONValue], score: Double?, cost: Double?, status: RunStatus)

    static func makeLog(_ specs: [String], _ runs: [RunSpec], hash: UInt64 = 7) throws -> SweepLog {
        var log = SweepLog()
        for s in specs { log.space.declare(try CompactSpec.parse(s)) }
        for (i, r) in runs.enumerated() {
            log.runs.append(Run(id: "r\(i)", line: i + 1, status: r.status, params: r.params, score: r.score, cost: r.cost))
        }
        log.contentHash = hash
        return log
    }

    /// A deterministic stream in [0, 1) for building runs.
    struct Stream {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
    }

    /// Checks every suggestion: all parameters present, inside their bounds, on their step, among their choices;
    /// predictions finite; the record free of `null` (non-finite numbers are written as null).
    static func expectValid(_ suggestions: [Suggestion], _ space: Space, count: Int, _ label: String,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(suggestions.count == count, "\(label): count", sourceLocation: sourceLocation)
        for s in suggestions {
            let record = s.record()
            #expect(!record.contains("null"), "\(label): \(record)", sourceLocation: sourceLocation)
            for v in [s.predictedScore, s.predictedScoreStd, s.predictedCost, s.pSuccess, s.acquisition] {
                if let v { #expect(v.isFinite, "\(label): non-finite prediction in \(record)", sourceLocation: sourceLocation) }
            }
            let params = Dictionary(s.params, uniquingKeysWith: { a, _ in a })
            #expect(params.count == space.parameters.count, "\(label): \(record)", sourceLocation: sourceLocation)
            #expect(space.problems(with: params).isEmpty, "\(label): \(space.problems(with: params)) in \(record)",
                    sourceLocation: sourceLocation)
        }
    }

    static func suggest(_ log: SweepLog, count: Int = 3, initial: Int? = nil, _ label: String,
                        sourceLocation: SourceLocation = #_sourceLocation) throws -> [Suggestion] {
        var o = SearchOptions()
        o.count = count
        o.initialCount = initial
        let s = try Suggester.suggest(log: log, options: o)
        expectValid(s, log.space, count: count, label, sourceLocation: sourceLocation)
        return s
    }

    /// carbs-fit through the library: the models fit and their records hold finite numbers only.
    static func expectFits(_ log: SweepLog, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let data = Dataset(log: log)
        var rng = SeededGenerator(seed: 1)
        let models = try Surrogates.fit(data, options: Surrogates.Options(), rng: &rng)
        let report = FitReport(space: log.space, data: data, surrogates: models)
        #expect(!report.models.isEmpty, "\(label)", sourceLocation: sourceLocation)
        for m in report.models {
            #expect(!m.record.contains("null"), "\(label): \(m.record)", sourceLocation: sourceLocation)
        }
        let text = FitText.render(report)
        #expect(!text.lowercased().contains("nan") && !text.contains("inf"), "\(label): \(text)", sourceLocation: sourceLocation)
    }

    static let specs3 = ["x=linear:0:1", "n=log:1:64:int", "opt=choice:adam,sgd,lion"]

    static func runs(_ count: Int, seed: UInt64 = 1, score: (Double, Double, Double) -> Double = { x, n, _ in -(x - 0.3) * (x - 0.3) - 1 / n },
                     cost: (Double, Double) -> Double = { _, n in n }) -> [RunSpec] {
        var r = Stream(state: seed)
        let opts = ["adam", "sgd", "lion"]
        return (0..<count).map { _ in
            let x = r.next(), n = (pow(64, r.next())).rounded(), k = Int(r.next() * 3) % 3
            return (["x": .number(x), "n": .number(n), "opt": .string(opts[k])], score(x, n, Double(k)), cost(x, n), .success)
        }
    }

    @Test func allScoresEqual() throws {
        let log = try Self.makeLog(Self.specs3, Self.runs(15, score: { _, _, _ in 0.5 }))
        _ = try Self.suggest(log, "all scores equal")
        try Self.expectFits(log, "all scores equal")
    }

    @Test func allRunsFailed() throws {
        let failed = Self.runs(12).map { r -> RunSpec in (r.params, nil, r.cost, .failed) }
        let log = try Self.makeLog(Self.specs3, failed)
        _ = try Self.suggest(log, "all failed")
        _ = try Self.suggest(log, initial: 0, "all failed, model forced")
        #expect(Dataset(log: log).successes.isEmpty)
    }

    @Test func oneRun() throws {
        let log = try Self.makeLog(Self.specs3, Self.runs(1))
        _ = try Self.suggest(log, "one run")
        _ = try Self.suggest(log, initial: 1, "one run, model forced")
        try Self.expectFits(log, "one run")
    }

    @Test func twoRunsAtTheSamePoint() throws {
        let p: [String: JSONValue] = ["x": 0.5, "n": 8, "opt": "adam"]
        for scores in [(0.5, 0.5), (0.1, 0.9)] {
            let log = try Self.makeLog(Self.specs3, [(p, scores.0, 10, .success), (p, scores.1, 10, .success)])
            _ = try Self.suggest(log, initial: 1, "two runs at one point, scores \(scores)")
            try Self.expectFits(log, "two runs at one point, scores \(scores)")
        }
    }

    @Test func costsSpanningFifteenDecades() throws {
        var r = Self.runs(24)
        for i in r.indices { r[i].cost = pow(10, -6 + 15 * Double(i) / Double(r.count - 1)) }
        let log = try Self.makeLog(Self.specs3, r)
        #expect(log.runs.first?.cost == 1e-6 && log.runs.last?.cost == 1e9)
        _ = try Self.suggest(log, count: 4, "costs 1e-6…1e9")
        try Self.expectFits(log, "costs 1e-6…1e9")
    }

    @Test func aParameterThatNeverVaries() throws {
        var r = Self.runs(15)
        for i in r.indices { r[i].params["y"] = 0.5 }
        let log = try Self.makeLog(Self.specs3 + ["y=linear:0:1"], r)
        _ = try Self.suggest(log, "y never varies")
        try Self.expectFits(log, "y never varies")
    }

    @Test func oneDimension() throws {
        var r = Stream(state: 3)
        let runs: [RunSpec] = (0..<10).map { _ in
            let x = 2 * r.next() - 1
            return (["x": .number(x)], sin(3 * x), 2 + x, .success)
        }
        let log = try Self.makeLog(["x=linear:-1:1"], runs)
        _ = try Self.suggest(log, count: 4, "d = 1")
        try Self.expectFits(log, "d = 1")
    }

    @Test func thirtyTwoDimensions() throws {
        let specs = (0..<32).map { "p\($0)=\($0 % 2 == 0 ? "linear:0:1" : "log:0.001:10")" }
        var r = Stream(state: 5)
        let runs: [RunSpec] = (0..<40).map { _ in
            var params: [String: JSONValue] = [:]
            var s = 0.0
            for i in 0..<32 {
                let u = r.next()
                params["p\(i)"] = .number(i % 2 == 0 ? u : pow(10, -3 + 4 * u))
                s -= (u - 0.5) * (u - 0.5)
            }
            return (params, s, 1 + r.next(), .success)
        }
        let log = try Self.makeLog(specs, runs)
        _ = try Self.suggest(log, count: 2, "d = 32")
        try Self.expectFits(log, "d = 32")
    }

    /// n = 5,000: the GP fits its hyperparameters on a subsample and conditions on the most recent points, so the
    /// time stays bounded. The time is measured and printed, not asserted (the machine is shared).
    @Test func fiveThousandRuns() throws {
        let log = try Self.makeLog(Self.specs3, Self.runs(5000, seed: 11))
        let clock = ContinuousClock()
        var suggestions: [Suggestion] = []
        let elapsed = try clock.measure { suggestions = try Self.suggest(log, count: 1, "n = 5000") }
        let fitTime = try clock.measure { try Self.expectFits(log, "n = 5000") }
        print("RobustSearchTests: n = 5000: suggest \(elapsed), fit \(fitTime) (debug build)")
        #expect(suggestions.count == 1)
    }

    /// Kernels that are singular without jitter: many exact repeats, and given hyperparameters with zero noise
    /// (what carbs-suggest --model does with a model record whose noise is 0).
    @Test func singularKernels() throws {
        let points: [[String: JSONValue]] = [["x": 0.2, "n": 4, "opt": "adam"], ["x": 0.8, "n": 32, "opt": "sgd"], ["x": 0.5, "n": 8, "opt": "lion"]]
        var runs: [RunSpec] = []
        for i in 0..<30 { runs.append((points[i % 3], Double(i % 3), 5, .success)) }
        let log = try Self.makeLog(Self.specs3, runs)
        _ = try Self.suggest(log, "30 repeats of 3 points")
        try Self.expectFits(log, "30 repeats of 3 points")

        // Two runs at one point with different scores and no noise: K has two equal rows, exactly singular.
        let near: [RunSpec] = Self.runs(8) + [
            (["x": 0.4, "n": 8, "opt": "adam"], 0, 3, .success), (["x": 0.4, "n": 8, "opt": "adam"], 1, 3, .success),
        ]
        let nearLog = try Self.makeLog(Self.specs3, near)
        var o = SearchOptions()
        o.count = 3
        o.scoreModel = GPHyperparameters(lengthscales: Array(repeating: 0.5, count: 5), signalVariance: 1, noiseVariance: 0, mean: 0)
        o.costModel = GPHyperparameters(lengthscales: Array(repeating: 0.5, count: 5), signalVariance: 1, noiseVariance: 0, mean: 0)
        Self.expectValid(try Suggester.suggest(log: nearLog, options: o), nearLog.space, count: 3, "zero noise, duplicate points")

        let data = Dataset(log: nearLog)
        let gp = try GaussianProcess(x: data.successes.map(\.x), y: data.successes.map(\.utility),
                                     hyperparameters: GPHyperparameters(lengthscales: Array(repeating: 0.5, count: 5), signalVariance: 1, noiseVariance: 0, mean: 0))
        // LAPACK may factor the exactly singular matrix with a rounding-sized pivot (no jitter) or need jitter;
        // either way the posterior must stay finite.
        #expect(gp.jitter >= 0 && gp.jitter.isFinite)
        let p = gp.predict([[0.4, 0.5, 1, 0, 0], [0.9, 0.1, 0, 1, 0]])
        #expect(p.mean.allSatisfy(\.isFinite) && p.variance.allSatisfy { $0.isFinite && $0 >= 0 })
    }

    /// Scores of ±1e308 are finite and valid, but their spread overflows a double.
    @Test
    func hugeScores() throws {
        var r = Self.runs(10)
        r[3].score = 1e308
        r[6].score = -1e308
        let log = try Self.makeLog(Self.specs3, r)
        _ = try Self.suggest(log, count: 3, initial: 1, "scores ±1e308")
        try Self.expectFits(log, "scores ±1e308")
    }

    /// The same, with the scores a sweep would more plausibly log: ±1e150 (their squares overflow).
    @Test func largeButNotExtremeScores() throws {
        var r = Self.runs(10)
        r[3].score = 1e150
        r[6].score = -1e150
        let log = try Self.makeLog(Self.specs3, r)
        _ = try Self.suggest(log, count: 3, initial: 1, "scores ±1e150")
    }
}
