import ArgumentParser
import CARBSCLI
import CARBSCore

struct Params: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "One panel per parameter: its value over the trials (drift) or the score against it.")

    @OptionGroup var common: CommonOptions
    @OptionGroup var render: RenderOptions
    @OptionGroup var input: LogArgument

    @Option(name: .long, help: "drift (value over trials) or score (score against value).")
    var mode: ParamsPlot.Mode = .drift

    func validate() throws {
    }

    func run() throws {
        try Tool.run("carbs-plot") {
            let source = LogSource(path: input.log, common: common)
            let log = try source.read(requireSpace: true)
            let runs = log.runs.filter { $0.status != .pending }
            var traces: [ParamTrace] = []
            for p in log.space.parameters where p.type != .fixed {
                let values = runs.map { r -> Double in
                    guard let v = r.params[p.name] ?? Optional(p.centerValue) else { return .nan }
                    if p.type == .choice { return p.choiceIndex(of: v).map(Double.init) ?? .nan }
                    return v.doubleValue ?? .nan
                }
                traces.append(ParamTrace(name: p.type == .choice ? "\(p.name) (0=\(p.values.first?.stringValue ?? "…"))" : p.name,
                                         values: values, log: p.type == .log))
            }
            let scores = runs.map { $0.status == .success ? ($0.score ?? .nan) : .nan }
            let plot = ParamsPlot(params: traces, scores: scores, mode: mode,
                                  title: render.title ?? (mode == .drift ? "parameters over \(runs.count) trials" : "\(log.objective.scoreKey) against each parameter"))
            try render.emit(text: { plot.text(render.style) }, svg: { plot.svg() }, inputs: [input.log])
        }
    }
}
