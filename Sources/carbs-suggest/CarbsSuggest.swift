import ArgumentParser
import CARBSCLI
import CARBSCore

@main
struct CarbsSuggest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "carbs-suggest",
        abstract: "Propose the next runs of a sweep: cost-aware Bayesian search around the score-versus-cost Pareto front.",
        discussion: """
            Reads the log (space, objective, runs) and prints -n pending run records, ready to append to the log:
              {"id":...,"status":"pending","params":{...},"predicted":{"score":...,"score_std":...,"cost":...,"p_success":...},"kind":"bo"}
            The same log and --seed always give the same suggestions; a longer log gives new ones. Pending runs in the \
            log are taken into account, so parallel agents get different points. With --log FILE the tool locks the \
            file (flock), reads it, appends its pending records as whole lines and prints them.
            """,
        version: CARBSVersion.string)

    @OptionGroup var common: CommonOptions
    @OptionGroup var input: LogArgument

    @Option(name: .short, help: ArgumentHelp("Number of suggestions (at most 10000).", valueName: "K"))
    var n: Int = 1

    @Option(name: .long, help: ArgumentHelp("Search rule.", valueName: "NAME"))
    var strategy: Strategy = .ehvi

    @Option(name: .long, help: ArgumentHelp("Lock FILE, read it, append the suggestions to it and print them.", valueName: "FILE"),
            completion: .file(extensions: ["jsonl"]))
    var log: String?

    @Option(name: .long, help: ArgumentHelp("Successes before the model is used (default max(4, d/2+2); CARBS: 4).", valueName: "N"))
    var initial: Int?

    @Option(name: .long, help: ArgumentHelp("Search radius in units of each parameter's scale (default 0.5; CARBS 0.3).", valueName: "R"))
    var radius: Double?

    @Option(name: .long, help: ArgumentHelp("Candidates scored per suggestion (default max(1000, 100·d); at most 1000000).", valueName: "N"))
    var candidates: Int?

    @Option(name: .long, help: ArgumentHelp("Never suggest a run whose predicted cost exceeds C.", valueName: "C"))
    var maxCost: Double?

    @Option(name: .long, help: ArgumentHelp("Re-run the least-sampled Pareto point every K successes (0 = never).", valueName: "K"))
    var resampleEvery: Int?

    @Option(name: .long, help: ArgumentHelp("Model records from carbs-fit: use their hyperparameters instead of fitting.", valueName: "FILE"),
            completion: .file(extensions: ["jsonl", "json"]))
    var model: String?

    @Flag(name: .long, help: "Explain each choice on standard error: the front, the origin, the acquisition, the cost cap; for an initial point, how the cost trend chose it.")
    var explain = false

    @Option(name: .long, help: ArgumentHelp("Pending runs written more than S seconds ago (their agent died) are re-issued unchanged as 'retry' suggestions, once each, and no longer believed at their prediction.", valueName: "S"))
    var pendingTimeout: Double?

    @Option(name: .long, help: ArgumentHelp("Re-issue pending run ID unchanged as a 'retry' suggestion (repeatable).", valueName: "ID"))
    var retry: [String] = []

    @Option(name: .long, help: ArgumentHelp("With --log: record the result of pending run ID instead of suggesting (params are copied from its pending record).", valueName: "ID"))
    var record: String?

    @Option(name: .long, help: ArgumentHelp("With --record: a field of the result, e.g. --value score=0.91 --value cost=812 (repeatable; numbers, true/false or strings).", valueName: "KEY=VALUE"))
    var value: [String] = []

    @Option(name: .long, help: ArgumentHelp("With --record or --progress: read the result from a training program's output (- = standard input): its last non-blank line, KEY=VALUE words or one JSON object; --value entries override it.", valueName: "FILE"),
            completion: .file())
    var from: String?

    @Option(name: .customLong("format"), help: ArgumentHelp("How to print the suggestions: json (the pending records; the default), shell (CARBS_ID=… and NAME=… lines for eval), args (--carbs-id=… --NAME=VALUE words), tsv (a header and one row each). With --progress: json prints the advice as a record instead of one word.", valueName: "FORMAT"))
    var formatOption: RunFormat?

    var format: RunFormat { formatOption ?? .json }

    @Option(name: .long, help: ArgumentHelp("With --format args: the option that carries the run's id (default carbs-id; '' leaves it out).", valueName: "NAME"))
    var idOption: String = RunText.defaultIDOption

    @Option(name: .long, help: ArgumentHelp("With --log: append a checkpoint of running run ID (--value score=S --value cost=C, the cost so far, [--value step=K]) and print continue or stop.", valueName: "ID"))
    var progress: String?

    @Option(name: .long, help: ArgumentHelp("With --progress: stop when the estimated chance that the run adds to the front is below P (default 0.3; higher stops more).", valueName: "P"))
    var stopThreshold: Double?

    @Option(name: .long, help: ArgumentHelp("With --progress: never advise stopping before step K (default 1).", valueName: "K"))
    var minStep: Double?

    @Flag(name: .long, inversion: .prefixedNo, help: "Put the runs' checkpoints (progress records) on the front besides their results: a checkpoint of a long run stands for a short run.")
    var checkpoints = true

    @Flag(name: .long, help: "With --record: the run ended early (marked \"stopped\":true; set by itself after --progress advised stop).")
    var stopped = false

    @Flag(name: .long, help: "With --record: the run failed (score not required).")
    var failed = false

    @Option(name: .customLong("as"), help: ArgumentHelp("With --record: record a further evaluation of ID's params (another seed) under the new id NEWID.", valueName: "NEWID"))
    var asID: String?

    func validate() throws {
        if !(1...10_000).contains(n) { throw ValidationError("-n must be between 1 and 10000") }
        if let radius, !(radius > 0 && radius.isFinite) { throw ValidationError("--radius must be positive") }
        if let maxCost, !(maxCost > 0) { throw ValidationError("--max-cost must be positive") }
        if let initial, initial < 0 { throw ValidationError("--initial must not be negative") }
        if let candidates, !(1...1_000_000).contains(candidates) { throw ValidationError("--candidates must be between 1 and 1000000") }
        if let resampleEvery, resampleEvery < 0 { throw ValidationError("--resample-every must not be negative") }
        if log != nil, input.log != nil { throw ValidationError("give the log either as an argument or with --log, not both") }
        if record != nil, log == nil { throw ValidationError("--record needs --log FILE") }
        if record != nil, progress != nil { throw ValidationError("--record and --progress are separate calls: give one") }
        if progress != nil, log == nil { throw ValidationError("--progress needs --log FILE") }
        if progress != nil, failed || asID != nil || stopped {
            throw ValidationError("--failed, --stopped and --as go with --record ID")
        }
        if record == nil, progress == nil, !value.isEmpty || from != nil {
            throw ValidationError("--value and --from go with --record ID or --progress ID")
        }
        if record == nil, progress == nil, failed || asID != nil || stopped {
            throw ValidationError("--failed, --stopped and --as go with --record ID")
        }
        if progress == nil, stopThreshold != nil || minStep != nil { throw ValidationError("--stop-threshold and --min-step go with --progress ID") }
        if let stopThreshold, !(0...1).contains(stopThreshold) { throw ValidationError("--stop-threshold must be between 0 and 1") }
        if let minStep, !(minStep >= 0 && minStep.isFinite) { throw ValidationError("--min-step must not be negative") }
        if progress != nil, let f = formatOption, f != .json { throw ValidationError("--progress prints one word, or with --format json a record") }
        if stopped, failed { throw ValidationError("--stopped and --failed cannot be used together") }
        if format == .shell, n > 1 { throw ValidationError("--format shell sets the variables of one run: use --format tsv or args with -n \(n)") }
        for v in value where !v.contains("=") { throw ValidationError("--value takes KEY=VALUE, got '\(v)'") }
        if let pendingTimeout, !(pendingTimeout >= 0) { throw ValidationError("--pending-timeout must not be negative") }
    }

    func searchOptions(models: ModelFile?) -> SearchOptions {
        var o = SearchOptions()
        o.strategy = strategy
        o.count = n
        o.seed = common.seed
        o.initialCount = initial
        o.radius = radius
        o.candidates = candidates
        o.maxCost = maxCost
        o.resampleEvery = resampleEvery
        o.explain = explain
        o.checkpoints = checkpoints
        o.scoreModel = models?.score
        o.costModel = models?.cost
        return o
    }

    func run() throws {
        try Tool.run("carbs-suggest") {
            let models = try model.map { p throws(CARBSError) in try ModelFile.load(p) }
            let now = Clock.now
            if let path = log {
                let source = LogSource(path: path, common: common)
                if let id = record {
                    var fields = try resultFields()
                    if stopped { fields["stopped"] = .bool(true) }
                    // The log is read without the lock; the result is appended only if nothing was appended since.
                    try source.appendComputed(requireSpace: true, recheck: .nothingAppended) { sweep throws(CARBSError) in
                        ([try ResultRecord.make(id: id, fields: fields, failed: failed, log: sweep, file: source.name, as: asID)], ())
                    }
                    return
                }
                if let id = progress {
                    try reportProgress(id, source: source)
                    return
                }
                // The fit and the scoring run without the lock; the records are appended only if the log is still
                // the one they were computed from (LogSource.appendComputed).
                let suggestions = try source.appendComputed(requireSpace: true) { sweep throws(CARBSError) in
                    var sweep = sweep
                    try checkFormat(sweep.space, source: source)
                    let options = try retryOptions(&sweep, models: models, now: now, source: source)
                    var suggester = Suggester(log: sweep, options: options)
                    try source.diagnostics.reportUnusable(suggester.unusableRuns)
                    let suggestions = suggester.run()
                    try Output.ensureWritable()
                    return (suggestions.map { $0.record(time: now) }, (suggestions, sweep.space.names))
                }
                emit(suggestions.0, names: suggestions.1, time: now)
            } else {
                let source = LogSource(path: input.log, common: common)
                var sweep = try source.read(requireSpace: true)
                try checkFormat(sweep.space, source: source)
                let options = try retryOptions(&sweep, models: models, now: now, source: source)
                var suggester = Suggester(log: sweep, options: options)
                try source.diagnostics.reportUnusable(suggester.unusableRuns)
                emit(suggester.run(), names: sweep.space.names, time: nil)
            }
        }
    }

    /// Search options with the runs to re-issue: stale pending runs (--pending-timeout) and --retry IDs, each once.
    func retryOptions(_ sweep: inout SweepLog, models: ModelFile?, now: Double, source: LogSource) throws(CARBSError) -> SearchOptions {
        var requested: [Run] = []
        for id in retry {
            guard let r = sweep.runs.first(where: { $0.id == id }) else {
                throw source.error("--retry: no run with id '\(id)'")
            }
            guard r.status == .pending else {
                throw CARBSError.data(Diagnostic(file: source.name, line: r.line, message: "--retry: run '\(id)' already has a result"))
            }
            requested.append(r)
        }
        let stale = sweep.dropStalePending(olderThan: pendingTimeout, now: now)
        var options = searchOptions(models: models)
        options.retries = requested + sweep.unretried(stale).filter { s in !requested.contains { $0.id == s.id } }
        return options
    }

    /// The fields of `--from FILE` (read before any lock: a slow or endless writer must not hold up the other
    /// agents), overridden by `--value` entries.
    func resultFields() throws(CARBSError) -> [String: JSONValue] {
        var fields = try from.map { f throws(CARBSError) in
            try ResultRecord.fields(output: try Files.readText(f), file: Files.displayName(f))
        } ?? [:]
        fields.merge(try ResultRecord.fields(values: value)) { _, explicit in explicit }
        return fields
    }

    /// `--progress ID`: the checkpoint is checked and judged (`StopRule`) on the log as read, and appended with its
    /// advice only if nothing was appended since (`LogSource.appendComputed`); then the advice is printed (a word,
    /// or a record with --format json) and, with --explain, its reason.
    func reportProgress(_ id: String, source: LogSource) throws(CARBSError) {
        let fields = try resultFields()
        var options = StopRule.Options()
        if let stopThreshold { options.threshold = stopThreshold }
        if let minStep { options.minStep = minStep }
        let (made, objective) = try source.appendComputed(requireSpace: true, recheck: .nothingAppended) { sweep throws(CARBSError) in
            let made = try ProgressRecord.make(id: id, fields: fields, log: sweep, file: source.name, options: options)
            try Output.ensureWritable()
            return ([made.line], (made, sweep.objective))
        }
        if explain { Output.warn("carbs-suggest: \(id) at step \(JSONWriter.format(made.step)): \(made.advice.stop ? "stop" : "continue"): \(made.advice.reason)") }
        if formatOption == .json {
            Output.line(Records.advice(id: id, step: made.step, score: made.score, cost: made.cost, objective: objective, advice: made.advice))
        } else {
            Output.line(made.advice.stop ? "stop" : "continue")
        }
    }

    /// `--format shell` needs every parameter name to be a variable name; refused before anything is appended.
    func checkFormat(_ space: Space, source: LogSource) throws(CARBSError) {
        if format == .shell, let problem = RunText.shellNameProblem(space.names) { throw source.error("--format shell: " + problem) }
    }

    func emit(_ suggestions: [Suggestion], names: [String], time: Double?) {
        for s in suggestions {
            for line in s.warnings { Output.warn("carbs-suggest: " + line) }
            if explain { for line in s.explanation { Output.warn("carbs-suggest: " + line) } }
            if format == .json { Output.line(s.record(time: time)) }
        }
        let runs = suggestions.map { RunLine(id: $0.id, params: $0.params) }
        for line in RunText.lines(runs, format: format, names: names, idOption: idOption.isEmpty ? nil : idOption) {
            Output.line(line)
        }
    }
}
