import ArgumentParser
import CARBSCLI
import CARBSCore

struct Declare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print parameter declaration records (the head of a sweep log).",
        discussion: """
            SPEC is NAME=SPACE:ARGS[:OPTION...], for example lr=log:1e-5:1e-1 (log10 space), \
            batch=log2:8:512:int (log2 space, integers), x=linear:-5:10 (linear space), \
            gamma=logit:0.9:0.999 (logit space), opt=choice:adam,lion (categorical), seed=fixed:42 (constant).

            Options: int, step=S, center=C, scale=S (transformed units per unit of search radius), base=2, \
            cost (the parameter drives the cost: the initial design keeps it in the cheapest quarter of its range).

            --file also reads a W&B sweep configuration (parameters with distribution uniform, int_uniform, \
            q_uniform, log_uniform_values, q_log_uniform_values, log_uniform (natural-log bounds), q_log_uniform, \
            categorical/values or value; nested parameters become OUTER.INNER; metric: {name, goal} becomes the \
            objective record, goal minimize unless it says maximize) and an mle-toolbox experiment file \
            (param_search_args: params_to_search or search_config.search_params with categorical, real and integer \
            blocks; begin/end, prior log-uniform, bins and spacing for grid searches, which become the choice of the \
            grid's values; maximize_objective or search_logging.max_objective, default maximize, and eval_metrics as \
            the score key). The format is detected (param_search_args: mle-toolbox; method, metric, program or \
            parameters without 'space': W&B) or given with --from. Distributions without a bounded uniform \
            equivalent (normal, log_normal, beta, inv_log_uniform, weighted categoricals) are an error naming the \
            parameter, as FILE:LINE: parameter 'x': ...

            --to wandb writes the space as a W&B sweep configuration in YAML instead (method bayes with a metric, \
            random without): linear → uniform, integer → int_uniform, step S → q_uniform with q S (bounds moved to \
            the first and last multiples of S inside them), log → log_uniform_values, log with int or step → \
            q_log_uniform_values, choice → categorical, fixed → value. W&B has no log base (log2 reads back as log, \
            the same distribution), no logit (written as uniform over the same bounds, with a warning), and no \
            center, scale or cost flag (left out, with a warning when given). carbs-space --to wandb SPECS | \
            carbs-space --file /dev/stdin gives back the declarations.
            """)

    @Argument(help: ArgumentHelp("Parameter specs, e.g. lr=log:1e-5:1e-1 width=log:16:4096:int.", valueName: "SPEC"))
    var specs: [String] = []

    @Option(name: .long, help: ArgumentHelp("Read declarations from a JSON-lines, JSON or YAML file.", valueName: "FILE"),
            completion: .file(extensions: ["jsonl", "json", "yaml", "yml"]))
    var file: String?

    @Option(name: .long, help: ArgumentHelp("Read --file as this format instead of detecting it.", valueName: "FORMAT"))
    var from: SpaceFormat?

    @Option(name: .long, help: ArgumentHelp("Write the space as carbs declaration records or as a W&B sweep configuration (YAML).", valueName: "FORMAT"))
    var to: OutputFormat = .carbs

    @Option(name: .long, help: ArgumentHelp("With --to wandb: the training script W&B agents run (the sweep's program).", valueName: "FILE"))
    var program: String?

    /// What declare writes.
    enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
        case carbs, wandb
    }

    @Option(name: .long, help: ArgumentHelp("Also declare the score key in an objective record.", valueName: "KEY"))
    var score: String?

    @Option(name: .long, help: ArgumentHelp("Also declare the cost key in an objective record.", valueName: "KEY"))
    var cost: String?

    @Flag(name: .long, help: "Declare that higher scores are better (objective record).")
    var maximize = false

    @Flag(name: .long, help: "Declare that lower scores are better (objective record).")
    var minimize = false

    func validate() throws {
        if maximize && minimize { throw ValidationError("--maximize and --minimize cannot be used together") }
        if specs.isEmpty && file == nil { throw ValidationError("give parameter specs (e.g. lr=log:1e-5:1e-1) or --file FILE") }
        if from != nil && file == nil { throw ValidationError("--from says how to read --file FILE: give --file") }
        if program != nil && to != .wandb { throw ValidationError("--program applies to --to wandb only") }
    }

    func run() throws {
        try Tool.run("carbs-space") {
            var space = Space()
            var fileScore: String?
            var fileMaximize: Bool?
            if let file {
                let contents = try SpaceFile.read(file, format: from)
                for p in contents.space.parameters { space.declare(p) }
                fileScore = contents.scoreKey
                fileMaximize = contents.maximize
            }
            for s in specs {
                do {
                    space.declare(try CompactSpec.parse(s))
                } catch let error as SpaceError {
                    throw CARBSError.usage(error.message)
                }
            }
            // The objective record: the file's (W&B metric, mle-toolbox objective), with the flags over it.
            var objective: Objective?
            if fileScore != nil || fileMaximize != nil || score != nil || cost != nil || maximize || minimize {
                let o = ObjectiveOverrides(scoreKey: score, costKey: cost, maximize: maximize ? true : (minimize ? false : nil))
                objective = o.applied(to: Objective(scoreKey: fileScore ?? "score", maximize: fileMaximize ?? true))
            }
            switch to {
            case .carbs:
                if let objective { Output.line(JSONWriter.line(objective.declarationPairs)) }
                for p in space.parameters { Output.line(JSONWriter.line(p.declarationPairs)) }
            case .wandb:
                // A metric only when one was named: W&B's Bayesian search needs it, and "score" is no one's metric.
                let named = fileScore != nil || score != nil
                let written: (yaml: String, warnings: [String])
                do {
                    written = try WandbSweep.write(space, scoreKey: named ? objective?.scoreKey : nil,
                                                   maximize: objective?.maximize ?? true, program: program)
                } catch let error as InteropError {
                    throw CARBSError.data(Diagnostic(file: "carbs-space", line: nil, message: "--to wandb: \(error.message)"))
                }
                if cost != nil { Output.warn("carbs-space: --to wandb: W&B sweeps have no cost metric; --cost is left out") }
                for w in written.warnings { Output.warn("carbs-space: --to wandb: \(w)") }
                Output.write(written.yaml)
            }
        }
    }
}
