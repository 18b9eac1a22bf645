import ArgumentParser
import CARBSCLI
import CARBSCore

struct Importance: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Relevance bars per parameter, from carbs-fit's score model (or from a log, fitted on the spot).")

    @OptionGroup var common: CommonOptions
    @OptionGroup var render: RenderOptions
    @OptionGroup var input: LogArgument

    /// What `--model` takes: one of carbs-fit's model records.
    enum Model: String, CaseIterable, ExpressibleByArgument {
        case score, cost
    }

    @Option(name: .long, help: "Which carbs-fit model.")
    var model: Model = .score

    func run() throws {
        try Tool.run("carbs-plot") {
            let source = LogSource(path: input.log, common: common)
            let log = try source.read(requireSpace: false)
            var items: [Relevance] = []
            // carbs-fit records pass through the reader as "other" records.
            for (_, o) in log.otherRecords where o["model"]?.stringValue == model.rawValue {
                for r in o["relevance"]?.arrayValue ?? [] {
                    if let n = r["param"]?.stringValue, let v = r["relevance"]?.doubleValue { items.append(Relevance(name: n, value: v)) }
                }
            }
            if items.isEmpty {
                guard !log.space.isEmpty else {
                    throw source.error("no carbs-fit records with relevance and no space to fit")
                }
                let data = Dataset(log: log)
                var rng = SeededGenerator(seed: RunID.streamSeed(seed: common.seed, logHash: log.contentHash))
                guard !data.successes.isEmpty, let models = try? Surrogates.fit(data, options: Surrogates.Options(), rng: &rng) else {
                    throw source.error("no successful runs to fit")
                }
                let gp = model == .cost ? models.cost : models.score
                items = FitReport.relevance(space: log.space, lengthscales: gp.hyperparameters.lengthscales).map { Relevance(name: $0.0, value: $0.1) }
            }
            let plot = ImportancePlot(items: items, title: render.title ?? "relevance of each parameter (\(model.rawValue) model)")
            try render.emit(text: { plot.text(render.style) }, svg: { plot.svg() }, inputs: [input.log])
        }
    }
}
