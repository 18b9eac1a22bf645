import ArgumentParser
import CARBSCore
import Foundation

/// The learning-curve benchmark of issue 13: `curve-synth` exactly as `../shared/baselines/CURVES.md` defines it
/// (52 epochs, a checkpoint after each, crossing curves, cost per epoch from width and batch), run through the
/// same code paths as `carbs-suggest` and `carbs-suggest --progress`: suggest one run, train it epoch by epoch,
/// append a checkpoint after each epoch and ask `StopRule` whether to go on, then record the result (marked
/// stopped when it ended early).
enum CurveSynth {
    static let maxStep = 52
    static let specs = ["lr=log:1e-4:1", "width=log:16:1024:int", "batch=log:16:512:int", "dropout=linear:0:0.8"]
    /// The fixed reference of CURVES.md.
    static let reference = Reference(scoreRef: 0.2773, scoreBest: 0.9533, costMin: 0.0045, costMax: 22.0086)
    /// U: the median 60-trial spend of random search with full runs (CURVES.md).
    static let budgetUnit = 222.0

    static func space() throws -> Space {
        var s = Space()
        for spec in specs { s.declare(try CompactSpec.parse(spec)) }
        return s
    }

    /// (score_k, cumcost_k) after k epochs.
    static func point(_ p: [String: JSONValue], step k: Int) -> (score: Double, cost: Double) {
        let lr = p["lr"]?.doubleValue ?? .nan, width = p["width"]?.doubleValue ?? .nan
        let batch = p["batch"]?.doubleValue ?? .nan, d = p["dropout"]?.doubleValue ?? .nan
        let u = log10(lr), w = log2(width / 16) / 6, b = log2(batch / 16) / 5
        let uOpt = -2 - 0.6 * w + 0.5 * b
        let a = min(0.99, max(0.15, 0.80 + 0.15 * w + 0.10 * d * w - 0.12 * d * d - 0.05 * (u - uOpt) * (u - uOpt)))
        let r = 0.12 * pow(10, 0.5 * (u - uOpt)) * (1 - 0.6 * d) * pow(4, -b)
        let kk = Double(k)
        let g = 1 - exp(-r * kk)
        let o = 0.10 * w * pow(1 - d / 0.8, 2) * (1 - 0.5 * b)
        let score = 0.1 + (a - 0.1) * g - o * g * pow(kk / 52, 1.5)
        let cost = kk * (0.01 * pow(width / 16, 0.9) * pow(16 / batch, 0.3) + 0.001)
        return (score, cost)
    }
}

/// One trial of a curve run, as the metrics see it.
struct CurveTrial: Codable {
    var finalScore: Double
    var finalCost: Double
    var stopEpoch: Int
    /// Cumulative spend of the whole sweep when this trial ended.
    var spentAtEnd: Double
    /// Every checkpoint: (score, cost of this run so far, sweep spend when reached).
    var points: [[Double]]
}

struct CurveRunner {
    enum Mode: String, CaseIterable, ExpressibleByArgument {
        /// Stop on StopRule's advice; checkpoints on the front (the defaults).
        case stop
        /// Full runs (no stopping), checkpoints still reported and on the front.
        case full
        /// Stop on advice, but the search's front ignores checkpoints (`--no-checkpoints`).
        case stopNoCheckpoints = "stop-nockpt"
    }

    var seeds: [Int]
    var trials = 60
    var modes: [Mode]
    var outDirectory: String
    var verbose = true
    /// Keep going after `trials` until this much is spent (U), as the Python references did, at most `maxTrials`.
    var maxTrials = 400
    /// The stopping rule's settings (`carbs-suggest --stop-threshold`, `--min-step`).
    var stop = StopRule.Options()
    /// Gaussian noise (sd) added to every reported score, each epoch independently; the metrics use the noise-free
    /// scores of the points reached.
    var noise = 0.0

    func run() throws -> [String] {
        var lines: [String] = []
        for seed in seeds {
            for mode in modes {
                let started = ContinuousClock.now
                let ts = try runCell(mode: mode, seed: seed)
                let line = summary(mode: mode, seed: seed, trials: ts)
                try Files.appendLine(line, to: outDirectory + "/curves.jsonl")
                lines.append(line)
                if verbose {
                    let m = CurveMetrics(ts)
                    say("curve-synth \(mode.rawValue) seed \(seed): final HV@60 \(fmt(m.finalAtTrials(60) ?? .nan)) @1U \(fmt(m.finalAtBudget(1) ?? .nan)), all HV@60 \(fmt(m.allAtTrials(60) ?? .nan)), cost@60 \(fmt(m.spentAtTrials(60) ?? .nan)), \(ts.count) trials (\(fmt(QualityRunner.seconds(ContinuousClock.now - started))) s)")
                }
            }
        }
        return lines
    }

    func runCell(mode: Mode, seed: Int) throws -> [CurveTrial] {
        var sweep = SweepLog()
        sweep.space = try CurveSynth.space()
        var options = SearchOptions()
        options.count = 1
        options.seed = UInt64(seed)
        options.checkpoints = mode != .stopNoCheckpoints
        var spent = 0.0
        var out: [CurveTrial] = []
        var line = sweep.space.parameters.count
        while out.count < trials || (spent < CurveSynth.budgetUnit && out.count < maxTrials) {
            sweep.contentHash = QualityRunner.trialHash(problem: "curve-synth", seed: seed, trial: out.count, salt: mode.rawValue)
            guard let s = try Suggester.suggest(log: sweep, options: options).first else {
                throw BenchError.message("curve-synth: no suggestion")
            }
            let params = Dictionary(s.params, uniquingKeysWith: { a, _ in a })
            line += 1
            let index = sweep.runs.count
            sweep.runs.append(Run(id: s.id, line: line, status: .pending, params: params, score: nil, cost: nil,
                                  fields: ["kind": .string(s.kind)]))
            var points: [[Double]] = []
            var last = (score: 0.0, cost: 0.0)
            var observed = 0.0
            var rng = SeededGenerator(seed: QualityRunner.trialHash(problem: "curve-synth", seed: seed, trial: out.count, salt: "noise"))
            var stopped = false
            var epoch = 0
            for k in 1...CurveSynth.maxStep {
                let p = CurveSynth.point(params, step: k)
                spent += p.cost - last.cost
                last = p
                epoch = k
                line += 1
                points.append([p.score, p.cost, spent])
                observed = noise > 0 ? p.score + noise * rng.normal() : p.score
                sweep.runs[index].progress.append(Checkpoint(step: Double(k), score: observed, cost: p.cost, line: line))
                if mode != .full, k < CurveSynth.maxStep {
                    let advice = StopRule.advise(sweep, id: s.id, options: stop)
                    if advice.stop { stopped = true; break }
                }
            }
            line += 1
            sweep.runs[index].status = .success
            sweep.runs[index].score = observed
            sweep.runs[index].cost = last.cost
            sweep.runs[index].line = line
            sweep.runs[index].fields["score"] = .number(observed)
            sweep.runs[index].fields["cost"] = .number(last.cost)
            if stopped { sweep.runs[index].fields["stopped"] = .bool(true) }
            out.append(CurveTrial(finalScore: last.score, finalCost: last.cost, stopEpoch: epoch, spentAtEnd: spent, points: points))
        }
        return out
    }

    func summary(mode: Mode, seed: Int, trials ts: [CurveTrial]) -> String {
        let m = CurveMetrics(ts)
        var pairs: [(String, JSONValue)] = [
            ("problem", .string(noise > 0 ? "curve-synth-noisy" : "curve-synth")), ("mode", .string(noise > 0 ? "\(mode.rawValue) noise \(JSONWriter.format(noise))" : mode.rawValue)),
            ("seed", .number(Double(seed))), ("noise", .number(noise)),
            ("trials", .number(Double(ts.count))),
        ]
        for n in [20, 40, 60] {
            pairs.append(("final_hv_\(n)", .optional(m.finalAtTrials(n))))
            pairs.append(("all_hv_\(n)", .optional(m.allAtTrials(n))))
        }
        for f in CurveMetrics.budgets {
            pairs.append(("final_hv_\(f)U", .optional(m.finalAtBudget(f))))
            pairs.append(("all_hv_\(f)U", .optional(m.allAtBudget(f))))
        }
        pairs.append(("cost_60", .optional(m.spentAtTrials(60))))
        pairs.append(("stop_epoch_median_60", .optional(Stats.median(ts.prefix(60).map { Double($0.stopEpoch) }))))
        pairs.append(("stop_epoch_mean_60", .optional(ts.prefix(60).map { Double($0.stopEpoch) }.reduce(0, +) / Double(min(60, ts.count)))))
        pairs.append(("full_runs_60", .number(Double(ts.prefix(60).filter { $0.stopEpoch == CurveSynth.maxStep }.count))))
        pairs.append(("regret_final_60", .optional(ts.prefix(60).map(\.finalScore).max().map { CurveSynth.reference.scoreBest - $0 })))
        pairs.append(("trials_to_U", .optional(ts.firstIndex { $0.spentAtEnd >= CurveSynth.budgetUnit }.map { Double($0 + 1) })))
        return JSONWriter.line(pairs)
    }
}

/// CURVES.md's metrics: HV (`hv_norm_fixed`) of the final-points front and of the all-points front, by trials and
/// by cumulative cost (everything spent, stopped runs included).
struct CurveMetrics {
    static let budgets = [0.05, 0.1, 0.25, 0.5, 1.0]
    let trials: [CurveTrial]
    init(_ t: [CurveTrial]) { trials = t }

    func hv(_ points: [(Double, Double)]) -> Double {
        let r = CurveSynth.reference
        let ps = points.enumerated().map { ParetoPoint(score: $1.0, cost: $1.1, index: $0) }
        return Pareto.normalizedHypervolume(ps, scoreRef: r.scoreRef, scoreBest: r.scoreBest, costMin: r.costMin, costMax: r.costMax)
    }

    func finalAtTrials(_ n: Int) -> Double? {
        guard trials.count >= n else { return nil }
        return hv(trials.prefix(n).map { ($0.finalScore, $0.finalCost) })
    }

    func allAtTrials(_ n: Int) -> Double? {
        guard trials.count >= n else { return nil }
        return hv(trials.prefix(n).flatMap { t in t.points.map { ($0[0], $0[1]) } })
    }

    func finalAtBudget(_ f: Double) -> Double? {
        let b = f * CurveSynth.budgetUnit
        return hv(trials.filter { $0.spentAtEnd <= b }.map { ($0.finalScore, $0.finalCost) })
    }

    func allAtBudget(_ f: Double) -> Double? {
        let b = f * CurveSynth.budgetUnit
        return hv(trials.flatMap { t in t.points.filter { $0[2] <= b }.map { ($0[0], $0[1]) } })
    }

    func spentAtTrials(_ n: Int) -> Double? {
        guard trials.count >= n else { return nil }
        return trials[n - 1].spentAtEnd
    }
}

struct CurvesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "curves",
        abstract: "The learning-curve benchmark: curve-synth (CURVES.md) with stopping (carbs-suggest --progress) and without.")

    @Option(help: "Number of seeds (0..<N).") var seeds = 10
    @Option(help: "First seed.") var firstSeed = 0
    @Option(help: "Trials per run (then on until U is spent).") var trials = 60
    @Option(help: "Comma-separated modes: stop, full, stop-nockpt.") var modes = "stop,full"
    @Option(help: "Output directory (curves.jsonl).") var out = "benchmarks/results"
    @Option(help: "Most trials per run while spending U.") var maxTrials = 400
    @Option(help: "The stopping rule's threshold (carbs-suggest --stop-threshold).") var stopThreshold: Double?
    @Option(help: "Comparable runs the stopping rule needs.") var minComparable: Int?
    @Option(help: "Gaussian noise (sd) on every reported score; metrics on the noise-free scores.") var noise = 0.0
    @Flag(help: "Print the table of OUT/curves.jsonl (median [q25, q75] over seeds) instead of running.") var table = false

    func run() throws {
        if table {
            print(CurvesTable.markdown(out + "/curves.jsonl"), terminator: "")
            return
        }
        let ms = try parseList(modes, all: CurveRunner.Mode.allCases, name: \.rawValue, what: "mode")
        var runner = CurveRunner(seeds: Array(firstSeed..<(firstSeed + seeds)), trials: trials, modes: ms, outDirectory: out)
        runner.maxTrials = maxTrials
        if let stopThreshold { runner.stop.threshold = stopThreshold }
        if let minComparable { runner.stop.minComparable = minComparable }
        runner.noise = noise
        _ = try runner.run()
    }
}

/// The curves table (median [q25, q75] over seeds) from `curves.jsonl`, for BENCHMARKS.md.
enum CurvesTable {
    static func markdown(_ path: String) -> String {
        let rows = JSONLines.read(path)
        guard !rows.isEmpty else { return "" }
        var byMode: [String: [[String: JSONValue]]] = [:]
        for r in rows { if let m = r["mode"]?.stringValue { byMode[m, default: []].append(r) } }
        func cell(_ rs: [[String: JSONValue]], _ key: String, _ digits: Int = 3) -> String {
            let v = rs.compactMap { $0[key]?.doubleValue }
            guard let med = Stats.median(v), let lo = Stats.quantile(v, 0.25), let hi = Stats.quantile(v, 0.75) else { return "–" }
            return "\(fmt(med, digits)) [\(fmt(lo, digits)), \(fmt(hi, digits))]"
        }
        var out: [String] = []
        for (title, prefix) in [("final-points front", "final"), ("all-points front", "all")] {
            out.append("**HV of the \(title), by trials and by cumulative cost** (U = \(JSONWriter.format(CurveSynth.budgetUnit)))")
            out.append("")
            out.append("| carbs mode | seeds | @20 | @40 | @60 | @0.05×U | @0.1×U | @0.25×U | @0.5×U | @1×U |")
            out.append("|---|---|---|---|---|---|---|---|---|---|")
            for mode in byMode.keys.sorted() {
                guard let rs = byMode[mode] else { continue }
                let cells = ["\(prefix)_hv_20", "\(prefix)_hv_40", "\(prefix)_hv_60"].map { cell(rs, $0) }
                    + CurveMetrics.budgets.map { cell(rs, "\(prefix)_hv_\($0)U") }
                out.append("| \(mode) | \(rs.count) | " + cells.joined(separator: " | ") + " |")
            }
            out.append("")
        }
        out.append("**Cost and stopping (first 60 trials)**")
        out.append("")
        out.append("| carbs mode | total cost @60 | stop epoch (median) | stop epoch (mean) | full runs of 60 | regret final @60 | trials to spend U |")
        out.append("|---|---|---|---|---|---|---|")
        for mode in byMode.keys.sorted() {
            guard let rs = byMode[mode] else { continue }
            out.append("| \(mode) | \(cell(rs, "cost_60", 1)) | \(cell(rs, "stop_epoch_median_60", 1)) | \(cell(rs, "stop_epoch_mean_60", 1)) | \(cell(rs, "full_runs_60", 0)) | \(cell(rs, "regret_final_60")) | \(cell(rs, "trials_to_U", 0)) |")
        }
        return out.joined(separator: "\n") + "\n"
    }
}
