import ArgumentParser
import CARBSCore

@main
struct CarbsBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "carbs-bench",
        abstract: "Benchmarks of the carbs-* search: quality against cost, and speed. See BENCHMARKS.md.",
        subcommands: [QualityCommand.self, CurvesCommand.self, ReportCommand.self, SpeedCommand.self, CalibrateCommand.self, ProblemsCommand.self])
}

/// Parses a comma-separated list of names: `all` means every value of `all`, each key of `groups` its values, and
/// any other word the value `lookup` finds (by default the value of `all` with that name). Repeats are dropped.
func parseList<T>(_ text: String, all: [T], groups: [String: [T]] = [:], lookup: ((String) -> T?)? = nil,
                  name: (T) -> String, what: String) throws -> [T] {
    var out: [T] = []
    for word in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !word.isEmpty {
        let values: [T]
        if word == "all" {
            values = all
        } else if let g = groups[word] {
            values = g
        } else if let v = lookup?(word) ?? all.first(where: { name($0) == word }) {
            values = [v]
        } else {
            let keywords = ["all"] + groups.keys.sorted()
            let known = (all + groups.keys.sorted().flatMap { groups[$0] ?? [] }).map(name) + keywords.dropLast()
            throw ValidationError("unknown \(what) '\(word)' (expected one of \(known.joined(separator: ", ")) or \(keywords.last ?? "all"))")
        }
        for v in values where !out.contains(where: { name($0) == name(v) }) { out.append(v) }
    }
    if out.isEmpty { throw ValidationError("no \(what) given") }
    return out
}

struct QualityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quality",
        abstract: "Run problems × strategies × seeds for T trials; append one summary line per finished run (resumable).")

    @Option(help: "Comma-separated problems, all (the built-in ones) or lcbench (the three LCBench tasks; python3 with numpy and onnxruntime).") var problems = "all"
    @Option(help: "Comma-separated strategies, or all.") var strategies = "random,sobol,ehvi,ei,carbs,protein"
    @Option(help: "Number of seeds (0..<N).") var seeds = 10
    @Option(help: "First seed.") var firstSeed = 0
    @Option(help: "Trials per run.") var trials = 60
    @Option(help: "Output directory (quality.jsonl and raw/).") var out = "benchmarks/results"
    @Option(help: "Run only shard K of N (K/N, 0-based), so several processes can share the work.") var shard = "0/1"
    @Option(help: "Label stored in every summary (e.g. the commit measured).") var tag = ""
    @Option(help: "Comma-separated noise levels in percent of each problem's score range: run the problems' noisy variants NAME@noiseP instead (metrics on the noise-free score).") var noise: String?
    @Option(help: "Search option for experiments: carbs-suggest's --candidates.") var candidates: Int?
    @Option(help: "Search option for experiments: carbs-suggest's --radius.") var radius: Double?
    @Option(help: "Search option for experiments: carbs-suggest's --global-share.") var globalShare: Double?
    @Option(help: "Search option for experiments: carbs-suggest's --initial.") var initial: Int?

    func run() throws {
        var ps = try parseList(problems, all: Problems.builtIn, groups: ["lcbench": Problems.lcbenchTasks],
                               lookup: Problems.named, name: \.name, what: "problem")
        if let noise {
            let levels = noise.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard !levels.isEmpty, levels.allSatisfy({ $0 > 0 && $0.isFinite }) else { throw ValidationError("--noise takes positive percentages, e.g. 2,10") }
            ps = levels.flatMap { l in ps.map { $0.withNoise(percent: l) } }
        }
        let ss = try parseList(strategies, all: Strategy.allCases, name: \.rawValue, what: "strategy")
        let parts = shard.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 2, parts[1] > 0, parts[0] >= 0, parts[0] < parts[1] else {
            throw ValidationError("--shard must be K/N with 0 ≤ K < N")
        }
        guard seeds > 0, trials > 0 else { throw ValidationError("--seeds and --trials must be positive") }
        var runner = QualityRunner(problems: ps, strategies: ss, seeds: Array(firstSeed..<(firstSeed + seeds)),
                                   trials: trials, outDirectory: out)
        runner.shard = (parts[0], parts[1])
        runner.tag = tag
        runner.configure = { [candidates, radius, globalShare, initial] o in
            if let candidates { o.candidates = candidates }
            if let radius { o.radius = radius }
            if let globalShare { o.globalShare = globalShare }
            if let initial { o.initialCount = initial }
        }
        try runner.run()
    }
}

struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate", abstract: "Recompute the problems' fixed references (score_ref, dense-search score_best).")
    func run() throws {
        for line in try Calibrate.report() { print(line) }
    }
}

struct ProblemsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "problems", abstract: "List the problems and their references.")
    func run() throws {
        for p in Problems.all {
            let r = p.reference
            print("\(p.name)\t\(p.specs.joined(separator: " "))\tscore_ref \(JSONWriter.format(r.scoreRef)) score_best \(JSONWriter.format(r.scoreBest)) cost \(JSONWriter.format(r.costMin))..\(JSONWriter.format(r.costMax))\t\(p.summary)")
        }
    }
}
