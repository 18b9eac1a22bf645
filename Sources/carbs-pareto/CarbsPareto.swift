import ArgumentParser
import CARBSCLI
import CARBSCore

@main
struct CarbsPareto: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "carbs-pareto",
        abstract: "Print the score-versus-cost Pareto front of a sweep, the best run within a budget, its hypervolume or a summary.",
        discussion: """
            The front holds the runs for which no other run is both cheaper (or as cheap) and better (or as good). \
            Repeated evaluations of the same parameters are grouped (mean score, mean cost, count); failures and \
            pending runs are left out. Output: one JSON record per front point, sorted by cost, with the score and \
            cost under the log's key names; or --format tsv.

            --hypervolume measures the area the front dominates in (score, log10 cost) from the reference point \
            (--ref-score, log10 of the largest cost); with --best-score also the normalized form \
            HV / ((best − ref) · log10(cost_max / cost_min)) that the benchmarks report. Exit status 1 when \
            --budget finds no run.
            """,
        version: CARBSVersion.string)

    @OptionGroup var common: CommonOptions
    @OptionGroup var input: LogArgument

    @Option(name: .long, help: ArgumentHelp("Print the best run whose cost is at most C.", valueName: "C"))
    var budget: Double?

    @Flag(name: .long, help: "Print the hypervolume of the front.")
    var hypervolume = false

    @Option(name: .long, help: ArgumentHelp("Reference (poor) score of the hypervolume (default: the worst observed).", valueName: "S"))
    var refScore: Double?

    @Option(name: .long, help: ArgumentHelp("Best achievable score: clip to it and also print the normalized hypervolume.", valueName: "S"))
    var bestScore: Double?

    @Option(name: .long, help: ArgumentHelp("Cost range of the hypervolume (default: the observed range).", valueName: "C"))
    var costMin: Double?

    @Option(name: .long, help: ArgumentHelp("Cost range of the hypervolume (default: the observed range).", valueName: "C"))
    var costMax: Double?

    @Flag(name: .long, help: "Print one summary line: runs, failures, total cost, best score, front size, hypervolume, runs stopped early and the cost stopping saved.")
    var summary = false

    @Flag(name: .long, inversion: .prefixedNo, help: "Put the runs' checkpoints (progress records) on the front besides their results (a checkpoint is a model trained that far); front points from checkpoints carry their step.")
    var checkpoints = true

    /// What `--format` takes.
    enum Format: String, CaseIterable, ExpressibleByArgument {
        case json, tsv, text
    }

    @Option(name: .long, help: "Output format (text: --summary only).")
    var format: Format = .json

    func validate() throws {
        if [budget != nil, hypervolume, summary].filter({ $0 }).count > 1 {
            throw ValidationError("--budget, --hypervolume and --summary are separate reports: give one")
        }
        if let budget, !(budget >= 0) { throw ValidationError("--budget must not be negative") }
        if let costMin, !(costMin > 0) { throw ValidationError("--cost-min must be positive") }
        if let costMax, !(costMax > 0) { throw ValidationError("--cost-max must be positive") }
        if let costMin, let costMax, costMin >= costMax { throw ValidationError("--cost-min must be below --cost-max") }
    }

    var source: LogSource { LogSource(path: input.log, common: common) }

    func run() throws {
        try Tool.run("carbs-pareto") {
            let log = try source.read(requireSpace: false)
            if summary {
                let s = SweepSummary(log: log, checkpoints: checkpoints)
                Output.line(format == .text ? s.text : s.record)
                return
            }
            let groups = RunGroup.groups(log, checkpoints: checkpoints)
            let o = log.objective
            let points = RunGroup.points(groups, maximize: o.maximize)
            if hypervolume {
                try printHypervolume(points, objective: o)
                return
            }
            if let budget {
                guard let best = Pareto.best(points, budget: budget) else {
                    Output.warn("carbs-pareto: no successful run costs at most \(JSONWriter.format(budget))")
                    throw ExitCode(1)
                }
                emit([groups[best.index]], log: log)
                return
            }
            emit(Pareto.front(points).map { groups[$0.index] }, log: log)
        }
    }

    func printHypervolume(_ points: [ParetoPoint], objective o: Objective) throws {
        let orient = { (s: Double) in o.maximize ? s : -s }
        guard let worst = points.map(\.score).min(), let cmin = points.map(\.cost).min(), let cmax = points.map(\.cost).max() else {
            throw source.error("no successful runs")
        }
        let ref = refScore.map(orient) ?? worst
        let best = bestScore.map(orient)
        let lo = costMin ?? cmin, hi = costMax ?? max(cmax, lo * 10)
        let hv = Pareto.hypervolume(points, scoreRef: ref, scoreBest: best, costMin: lo, costMax: hi)
        guard hv.isFinite else {
            throw source.error("the hypervolume overflows a double (give --ref-score and --best-score closer together)")
        }
        var normalized: Double?
        if let best, best > ref {
            normalized = Pareto.normalizedHypervolume(points, scoreRef: ref, scoreBest: best, costMin: lo, costMax: hi)
        }
        Output.line(Records.hypervolume(hv, normalized: normalized, refScore: o.maximize ? ref : -ref, costMin: lo, costMax: hi,
                                        frontSize: Pareto.front(points).count, bestScore: bestScore))
    }

    func emit(_ groups: [RunGroup], log: SweepLog) {
        if format == .tsv {
            let known = log.space.names
            let extra = Set(groups.flatMap(\.params.keys)).subtracting(known).sorted()
            let columns = known.filter { n in groups.contains { $0.params[n] != nil } } + extra
            // The step column only when a checkpoint is on the front, so logs without progress keep their columns.
            let steps = groups.contains { $0.step != nil }
            let header = [log.objective.costKey, log.objective.scoreKey, "count", "id"] + (steps ? ["step"] : []) + columns
            Output.line(header.map(TSVCell.escape).joined(separator: "\t"))
            for g in groups {
                let cells = [JSONWriter.format(g.meanCost), JSONWriter.format(g.meanScore), String(g.count), g.ids.joined(separator: ",")]
                    + (steps ? [g.step.map(JSONWriter.format) ?? ""] : [])
                    + columns.map { c in g.params[c].map(RunText.plain) ?? "" }
                Output.line(cells.map(TSVCell.escape).joined(separator: "\t"))
            }
            return
        }
        for g in groups { Output.line(g.record(space: log.space, objective: log.objective)) }
    }
}
