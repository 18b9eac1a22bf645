import CARBSCLI

struct Scatter: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score against cost: all runs, the Pareto front highlighted, failures and pending runs marked.")

    @OptionGroup var common: CommonOptions
    @OptionGroup var render: RenderOptions
    @OptionGroup var input: LogArgument

    @Flag(name: .long, help: "Linear cost axis (default: log).")
    var linear = false

    func run() throws {
        try Tool.run("carbs-plot") {
            let log = try Input.readLog(input.log, common: common, requireSpace: false)
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
            let plot = ScatterPlot(runs: runs, failureCosts: failed, pending: pending, higherIsBetter: o.maximize, logX: !linear,
                                   title: render.title ?? "\(o.scoreKey) vs \(o.costKey): \(runs.count) runs, front of \(plotFrontSize(runs, o))",
                                   xLabel: o.costKey, yLabel: o.scoreKey)
            try render.emit(text: { plot.chart.text(render.style) }, svg: { plot.chart.svg() })
        }
    }

    func plotFrontSize(_ runs: [ParetoPoint], _ o: Objective) -> Int {
        Pareto.front(runs.map { ParetoPoint(score: o.utility($0.score), cost: $0.cost, index: $0.index) }).count
    }
}
