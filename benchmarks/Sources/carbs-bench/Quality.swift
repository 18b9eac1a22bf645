import CARBSCore
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The quality runner: for each problem × strategy × seed, T sequential trials through the same code path as
/// `carbs-suggest` (suggest 1 → evaluate → append the run to the log), one summary line per finished cell.
struct QualityRunner {
    var problems: [Problem]
    var strategies: [Strategy]
    var seeds: [Int]
    var trials: Int
    /// Directory holding `quality.jsonl` and `raw/`.
    var outDirectory: String
    /// Run only cells with index % count == index (several processes share the work).
    var shard: (index: Int, count: Int) = (0, 1)
    /// Free-form label stored in each summary (e.g. the commit of the code measured).
    var tag: String = ""
    var verbose = true
    /// Changes to the search options of every call (experiments; the default leaves carbs-suggest's defaults).
    var configure: @Sendable (inout SearchOptions) -> Void = { _ in }

    /// Trial counts at which the summary reports metrics.
    static let checkpoints = [20, 40, 60, 100]

    var summaryPath: String { outDirectory + "/quality.jsonl" }

    struct CellKey: Hashable { var problem: String; var strategy: String; var seed: Int }

    /// Cells already summarized with at least `trials` trials.
    func finishedCells() -> Set<CellKey> {
        var done = Set<CellKey>()
        for o in JSONLines.read(summaryPath) {
            guard let p = o["problem"]?.stringValue, let s = o["strategy"]?.stringValue,
                  let seed = o["seed"]?.doubleValue, let t = o["trials"]?.doubleValue, Int(t) >= trials else { continue }
            done.insert(CellKey(problem: p, strategy: s, seed: Int(seed)))
        }
        return done
    }

    func run() throws {
        let done = finishedCells()
        var index = 0
        var ran = 0, skipped = 0
        // Seeds outermost, so an interrupted run leaves every problem and strategy with about as many seeds.
        for seed in seeds {
            for problem in problems {
                for strategy in strategies {
                    defer { index += 1 }
                    guard index % shard.count == shard.index else { continue }
                    if done.contains(CellKey(problem: problem.name, strategy: strategy.rawValue, seed: seed)) {
                        skipped += 1
                        continue
                    }
                    try runCell(problem: problem, strategy: strategy, seed: seed)
                    ran += 1
                }
            }
        }
        if verbose { say("quality: \(ran) cells run, \(skipped) already done; summaries in \(summaryPath)") }
    }

    /// The seed of a trial's random stream: the log of a real sweep grows, so its content hash changes each call.
    static func trialHash(problem: String, seed: Int, trial: Int, salt: String = "") -> UInt64 {
        var h = StableHasher()
        h.combine(problem)
        h.combine(UInt64(seed))
        h.combine(UInt64(trial))
        h.combine(salt)
        return h.value
    }

    func runCell(problem: Problem, strategy: Strategy, seed: Int) throws {
        let started = ContinuousClock.now
        var sweep = SweepLog()
        sweep.space = try problem.space()
        var options = SearchOptions()
        options.strategy = strategy
        options.count = 1
        options.seed = UInt64(seed)
        configure(&options)
        var rawLines: [String] = sweep.space.parameters.map { JSONWriter.line($0.declarationPairs) }
        var trialsDone: [Trial] = []
        var failures = 0
        var kinds: [String: Int] = [:]
        for t in 0..<trials {
            sweep.contentHash = Self.trialHash(problem: problem.name, seed: seed, trial: t)
            let t0 = ContinuousClock.now
            let suggestions: [Suggestion]
            do {
                suggestions = try Suggester.suggest(log: sweep, options: options)
            } catch {
                throw BenchError.message("\(problem.name) \(strategy.rawValue) seed \(seed) trial \(t): suggest failed: \(error)")
            }
            let seconds = Self.seconds(ContinuousClock.now - t0)
            guard let s = suggestions.first else {
                throw BenchError.message("\(problem.name) \(strategy.rawValue) seed \(seed) trial \(t): no suggestion")
            }
            let params = Dictionary(s.params, uniquingKeysWith: { a, _ in a })
            var noise = SeededGenerator(seed: Self.trialHash(problem: problem.name, seed: seed, trial: t, salt: "noise"))
            let outcome = problem.evaluate(params, &noise)
            if let o = outcome.observed, !o.isFinite {
                throw BenchError.message("\(problem.name): non-finite score at \(JSONWriter.line(s.params))")
            }
            guard outcome.cost.isFinite, outcome.cost > 0 else {
                throw BenchError.message("\(problem.name): bad cost \(outcome.cost) at \(JSONWriter.line(s.params))")
            }
            kinds[s.kind, default: 0] += 1
            // The run as a user would append it: the pending record with its result filled in (kind kept, so the
            // search's stateless schedules see their own history).
            var fields: [(String, JSONValue)] = [("id", .string(s.id))]
            fields.append(("params", .object(params)))
            fields.append(("kind", .string(s.kind)))
            if let o = outcome.observed {
                fields.append(("score", .number(o)))
            } else {
                fields.append(("status", .string("failed")))
                failures += 1
            }
            fields.append(("cost", .number(outcome.cost)))
            if let ts = outcome.trueScore, ts != outcome.observed { fields.append(("true_score", .number(ts))) }
            fields.append(("trial", .number(Double(t + 1))))
            fields.append(("suggest_s", JSONValue.rounded(seconds, 4)))
            let fieldMap = Dictionary(fields, uniquingKeysWith: { a, _ in a })
            sweep.runs.append(Run(id: s.id, line: rawLines.count + 1, status: outcome.failed ? .failed : .success,
                                  params: params, score: outcome.observed, cost: outcome.cost, fields: fieldMap))
            rawLines.append(Self.runLine(fields: fields, params: s.params))
            trialsDone.append(Trial(trueScore: outcome.trueScore, cost: outcome.cost, suggestSeconds: seconds))
        }
        let rawPath = "\(outDirectory)/raw/\(problem.name)/\(strategy.rawValue)/seed-\(seed).jsonl"
        try Files.writeFile(rawLines.joined(separator: "\n") + "\n", to: rawPath)
        let m = RunMetrics(trials: trialsDone, reference: problem.reference)
        let line = summary(problem: problem, strategy: strategy, seed: seed, metrics: m, trials: trialsDone,
                           failures: failures, kinds: kinds, wall: Self.seconds(ContinuousClock.now - started))
        try Files.appendLine(line, to: summaryPath)
        if verbose {
            let hvs = Self.checkpoints.filter { $0 <= trials }.map { "HV@\($0) \(fmt(m.hv[$0 - 1]))" }.joined(separator: " ")
            say("\(problem.name) \(strategy.rawValue) seed \(seed): \(hvs), regret \(m.regret.last.flatMap { $0 }.map { fmt($0) } ?? "–") (\(fmt(Self.seconds(ContinuousClock.now - started))) s)")
        }
    }

    /// A run line with the parameters in declaration order.
    static func runLine(fields: [(String, JSONValue)], params: [(String, JSONValue)]) -> String {
        var o = JSONObject()
        for (k, v) in fields {
            if k == "params" { o.append(k, JSONObject(params)) } else { o.append(k, v) }
        }
        return o.line
    }

    func summary(problem: Problem, strategy: Strategy, seed: Int, metrics m: RunMetrics, trials ts: [Trial],
                 failures: Int, kinds: [String: Int], wall: Double) -> String {
        func at(_ values: [Double?]) -> JSONValue {
            var pairs: [String: JSONValue] = [:]
            for c in Self.checkpoints where c <= values.count { pairs[String(c)] = .optional(values[c - 1]) }
            return .object(pairs)
        }
        let secs = ts.map(\.suggestSeconds)
        var pairs: [(String, JSONValue)] = [
            ("problem", .string(problem.name)), ("strategy", .string(strategy.rawValue)), ("seed", .number(Double(seed))),
            ("trials", .number(Double(ts.count))), ("failures", .number(Double(failures))),
            ("hv", at(m.hv.map { $0 })), ("regret", at(m.regret)), ("cum_cost", at(m.cumulativeCost.map { $0 })),
        ]
        for f in RunMetrics.targetFractions {
            let key = String(Int((f * 100).rounded()))
            pairs.append(("cost_to_\(key)", .optional(m.costToTarget[f]?.cost)))
            pairs.append(("trials_to_\(key)", m.costToTarget[f].map { .number(Double($0.trial)) } ?? .null))
        }
        pairs += [
            ("suggest_s_median", .optional(Stats.median(secs), 4)),
            ("suggest_s_max", .optional(secs.max(), 4)),
            ("wall_s", .rounded(wall, 4)),
            ("kinds", .object(kinds.mapValues { .number(Double($0)) })),
            ("hv_series", .array(m.hv.map { .rounded($0, 5) })),
            ("regret_series", .array(m.regret.map { .optional($0, 5) })),
            ("reference", .object(["score_ref": .number(problem.reference.scoreRef), "score_best": .number(problem.reference.scoreBest),
                                    "cost_min": .number(problem.reference.costMin), "cost_max": .number(problem.reference.costMax)])),
        ]
        if !tag.isEmpty { pairs.append(("tag", .string(tag))) }
        return JSONWriter.line(pairs)
    }

    static func seconds(_ d: Duration) -> Double {
        let c = d.components
        return Double(c.seconds) + Double(c.attoseconds) * 1e-18
    }
}

func fmt(_ d: Double, _ digits: Int = 3) -> String {
    guard d.isFinite else { return "–" }
    return String(format: "%.\(digits)f", d)
}

func say(_ message: String) {
    var line = message + "\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}
