import ArgumentParser
import CARBSCLI
import CARBSCore

struct Curves: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Learning curves: each run's score against its cumulative cost (or step), stopped and running runs marked, the front over them.",
        discussion: """
            Each run with progress records is a line through its checkpoints, then its result when that differs from \
            the last checkpoint. Stopped runs end in x, running (pending) ones in >, failed ones in !. In the cost \
            view the front of every checkpoint and result is drawn over the curves as a staircase with o on its \
            members; the step view has no front, and leaves out the results (they have no step). Runs without \
            progress records are single points.
            """)

    @OptionGroup var common: CommonOptions
    @OptionGroup var render: RenderOptions
    @OptionGroup var input: LogArgument

    /// What `--x` takes.
    enum Axis: String, CaseIterable, ExpressibleByArgument {
        case cost, step
    }

    @Option(name: .long, help: "Horizontal axis: cost (cumulative, log axis, with the front) or step (linear).")
    var x: Axis = .cost

    func run() throws {
        try Tool.run("carbs-plot") {
            let source = LogSource(path: input.log, common: common)
            let log = try source.read(requireSpace: false)
            let o = log.objective
            let curves = log.runs.map { r -> RunCurve in
                let checkpoints = r.progress.map { CurvePoint(step: $0.step, score: $0.score, cost: $0.cost) }
                var result: CurvePoint?
                if r.status == .success, let s = r.score, let c = r.cost { result = CurvePoint(step: nil, score: s, cost: c) }
                let state: RunCurve.State
                if r.stopped {
                    state = .stopped
                } else {
                    switch r.status {
                    case .success: state = .finished
                    case .pending: state = .running
                    case .failed: state = .failed
                    }
                }
                return RunCurve(checkpoints: checkpoints, result: result, state: state)
            }
            let plot = CurvesPlot(curves: curves, x: x == .cost ? .cost : .step, higherIsBetter: o.maximize,
                                  title: render.title, scoreKey: o.scoreKey, costKey: o.costKey)
            if let why = plot.emptyReason { Output.warn("carbs-plot: nothing to plot: \(why)") }
            try render.emit(text: { plot.text(render.style) }, svg: { plot.svg() }, inputs: [input.log])
        }
    }
}
