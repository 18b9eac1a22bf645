import ArgumentParser
import CARBSCLI
import CARBSCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

@main
struct CarbsFit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "carbs-fit",
        abstract: "Fit the score, cost and success models of a sweep and report them.",
        discussion: """
            Prints one JSON record per model: hyperparameters (lengthscale per parameter, noise, signal variance), \
            a relevance ranking of the parameters, leave-one-out R² and mean standardized log loss, and the number \
            of observations used. The records can be given back to carbs-suggest --model to skip the fit. With \
            --predict FILE, prints the models' predictions at each point of FILE instead.
            """,
        version: CARBSVersion.string)

    @OptionGroup var common: CommonOptions
    @OptionGroup var input: LogArgument

    @Option(name: .long, help: ArgumentHelp("Predict at the points in FILE (JSON lines with \"params\", or parameter objects).", valueName: "FILE"),
            completion: .file(extensions: ["jsonl"]))
    var predict: String?

    /// What `--format` takes.
    enum Format: String, CaseIterable, ExpressibleByArgument {
        case json, text
    }

    @Option(name: .long, help: "Output format.")
    var format: Format = .json

    @Option(name: .long, help: "Score transform before fitting.")
    var transform: OutputTransform = .standardize

    @Flag(name: .long, help: "Add a linear kernel term to the Matérn-5/2 kernel.")
    var linear = false

    func run() throws {
        try Tool.run("carbs-fit") {
            let source = LogSource(path: input.log, common: common)
            let log = try source.read(requireSpace: true)
            let data = Dataset(log: log)
            try source.diagnostics.reportUnusable(data.skipped)
            guard !data.successes.isEmpty else {
                throw source.error("no successful runs to fit")
            }
            var options = Surrogates.Options()
            options.transform = transform
            options.score.useLinearTerm = linear
            options.cost.useLinearTerm = linear
            var rng = SeededGenerator(seed: RunID.streamSeed(seed: common.seed, logHash: log.contentHash))
            let models: Surrogates
            do {
                models = try Surrogates.fit(data, options: options, rng: &rng)
            } catch {
                throw source.error("model fit failed: \(error)")
            }
            if let predict {
                try printPredictions(predict, log: log, models: models)
                return
            }
            let report = FitReport(space: log.space, data: data, surrogates: models)
            if format == .text {
                Output.write(FitText.render(report))
            } else {
                for m in report.models { Output.line(m.record) }
            }
        }
    }

    func printPredictions(_ path: String, log: SweepLog, models: Surrogates) throws {
        let text = try Files.readText(path)
        let problems = Diagnostics(file: path, strict: common.strict)
        let decoder = RecordDecoder()
        var xs: [[Double]] = []
        var rows: [(id: String?, params: [String: JSONValue])] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let diagnostic = { (m: String) in Diagnostic(file: path, line: i + 1, message: m) }
            let params: [String: JSONValue]
            var id: String?
            do {
                switch try decoder.decode(Array(line.utf8), line: i + 1) {
                case .none: continue
                case .some(.run(let r)): params = r.params; id = r.id
                case .some(.other(let o)): params = o
                case .some: continue
                }
            } catch {
                try problems.report(diagnostic(error.message))
                continue
            }
            switch log.space.encode(params) {
            case .success(let x): xs.append(x); rows.append((id, params))
            case .failure(let e):
                try problems.report(diagnostic(e.message))
            }
        }
        let pred = models.score.predict(xs)
        let lc = models.predictLogCost(xs)
        let ps = models.pSuccess(xs)
        for (i, r) in rows.enumerated() {
            let mu = pred.mean[i], sd = max(0, pred.variance[i]).squareRoot()
            let (score, std) = models.predictedScore(mean: mu, sd: sd, maximize: log.objective.maximize)
            let predicted = Records.Predicted(score: score, scoreStd: std, cost: exp(lc[i]), pSuccess: ps[i])
            Output.line(Records.prediction(id: r.id, params: Records.ordered(r.params, space: log.space, undeclared: false),
                                           predicted: predicted))
        }
    }
}
