import ArgumentParser
import CARBSCLI
import CARBSCore

struct Scatter: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score against cost: all runs, the Pareto front highlighted, failures and pending runs marked.")

    @OptionGroup var common: CommonOptions
    @OptionGroup var render: RenderOptions
    @OptionGroup var input: LogArgument

    @Flag(name: .long, help: "Linear cost axis (default: log).")
    var linear = false

    @Flag(name: .long, help: "Scale the score axis to every run (default: focus on the front; far worse runs sit on the bottom edge).")
    var fullRange = false

    func run() throws {
        try Tool.run("carbs-plot") {
            let source = LogSource(path: input.log, common: common)
            let log = try source.read(requireSpace: false)
            let o = log.objective
            var runs: [ParetoPoint] = []
            var failed: [Double] = []
            var pending: [PendingPoint] = []
            for (i, r) in log.runs.enumerated() {
                switch r.status {
                case .success:
                    if let s = r.score, let c = r.cost { runs.append(ParetoPoint(score: s, cost: c, index: i)) }
                case .failed:
                    failed.append(r.cost ?? .nan)
                case .pending:
                    let p = r.fields["predicted"]
                    if let c = p?["cost"]?.doubleValue { pending.append(PendingPoint(cost: c, score: p?["score"]?.doubleValue)) }
                }
            }
            var plot = ScatterPlot(runs: runs, failureCosts: failed, pending: pending, higherIsBetter: o.maximize, logX: !linear,
                                   xLabel: o.costKey, yLabel: o.scoreKey)
            plot.focusOnFront = !fullRange
            let below = plot.runsBeyondFocus
            plot.title = render.title ?? "\(o.scoreKey) vs \(o.costKey): \(runs.count) runs, front of \(plot.front.count)"
                + (below > 0 ? " (\(below) worse on the edge)" : "")
            try render.emit(text: { plot.chart.text(render.style) }, svg: { plot.chart.svg() }, inputs: [input.log])
        }
    }
}
