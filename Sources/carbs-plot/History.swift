import ArgumentParser
import CARBSCLI
import CARBSCore

struct History: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Best score so far against trial number or cumulative cost.")

    @OptionGroup var common: CommonOptions
    @OptionGroup var render: RenderOptions
    @OptionGroup var input: LogArgument

    /// What `--x` takes.
    enum Axis: String, CaseIterable, ExpressibleByArgument {
        case trials, cost
    }

    @Option(name: .long, help: "Horizontal axis: trials, or cost (cumulative, log axis).")
    var x: Axis = .trials

    func run() throws {
        try Tool.run("carbs-plot") {
            let source = LogSource(path: input.log, common: common)
            let log = try source.read(requireSpace: false)
            let o = log.objective
            let done = log.runs.filter { $0.status != .pending }
            let scores = done.map { $0.status == .success ? ($0.score ?? .nan) : .nan }
            let costs = done.map { $0.cost ?? 0 }
            let series = HistorySeries.bestSoFar(name: "best \(o.scoreKey)", scores: scores, costs: x == .cost ? costs : nil,
                                                 higherIsBetter: o.maximize)
            let plot = HistoryPlot(series: [series], steps: true, logX: x == .cost,
                                   title: render.title ?? "best \(o.scoreKey) so far (\(done.count) trials)",
                                   xLabel: x == .cost ? "cumulative \(o.costKey)" : "trial", yLabel: o.scoreKey)
            try render.emit(text: { plot.text(render.style) }, svg: { plot.svg() }, inputs: [input.log])
        }
    }
}
