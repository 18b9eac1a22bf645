import ArgumentParser
import CARBSCLI
import CARBSCore

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn a CSV or TSV table of past runs into run records to append to the log (a warm start).",
        discussion: """
            The space comes from the log (LOG or standard input, or --space FILE), the runs from --table FILE, \
            and the output is the run records only, so that carbs-space import --table past.csv < sweep.jsonl \
            >> sweep.jsonl appends them after the declarations.

            The table is CSV (RFC 4180 quoting; CRLF line ends are fine) or TSV, whichever delimiter its header \
            uses. Columns: one per declared parameter, named as the parameter or PREFIX+NAME with --prefix (without \
            --prefix a parameter without its own column is also looked for as params_NAME, Optuna's name; a fixed \
            parameter may have no column); the score column (--score-column, default the score key: the log's \
            objective or --score; use --score-column value for Optuna); the cost column (--cost-column, default the \
            cost key; without one the runs have no cost, which counts as 1); a state column (--state-column, default \
            state or status if present): COMPLETE/finished → success, FAIL/failed/crashed/killed → failed, \
            RUNNING/PRUNED/WAITING → left out. Other columns are ignored. Values are read against the space: numbers \
            for numeric parameters, choices by their text (True/False and None as Python writes them).

            A bad row (wrong number of fields, a value missing, not a number, outside the bounds, off the step or \
            not among the choices, a score that is missing or not finite, a cost that is not positive) is reported \
            as TABLE:LINE: message on standard error and skipped, like a bad log line; with --strict the first one \
            ends the run (exit 65) before anything is printed. Ids come from --id-column, or are a hash of the \
            row's fields, the same on every run: rows whose id is already in the log are left out, so importing \
            a table twice adds nothing. Each record has "kind":"imported".
            """)

    @OptionGroup var common: CommonOptions
    @OptionGroup var input: LogArgument

    @Option(name: .long, help: ArgumentHelp("The table of past runs (CSV or TSV); - reads standard input.", valueName: "FILE"),
            completion: .file(extensions: ["csv", "tsv", "txt"]))
    var table: String

    @Option(name: .long, help: ArgumentHelp("Parameter columns are named PREFIX+NAME (e.g. params_ for Optuna).", valueName: "PREFIX"))
    var prefix: String?

    @Option(name: .long, help: ArgumentHelp("The column of the score (default: the score key).", valueName: "COL"))
    var scoreColumn: String?

    @Option(name: .long, help: ArgumentHelp("The column of the cost (default: the cost key).", valueName: "COL"))
    var costColumn: String?

    @Option(name: .long, help: ArgumentHelp("The column of the run's state (default: state or status).", valueName: "COL"))
    var stateColumn: String?

    @Option(name: .long, help: ArgumentHelp("The column of the run ids (default: a hash of each row).", valueName: "COL"))
    var idColumn: String?

    func validate() throws {
        if table == "-" && (input.log == nil || input.log == "-") {
            throw ValidationError("--table - and the log cannot both be standard input: give the log as a file")
        }
    }

    func run() throws {
        try Tool.run("carbs-space") {
            let source = LogSource(path: input.log, common: common)
            let log = try source.read(requireSpace: true)
            let name = Files.displayName(table)
            let text = try Files.readText(table)
            guard let parsed = DelimitedTable.parse(text) else {
                throw CARBSError.noInput("\(name): empty table (expected a header line of column names)")
            }
            let options = RunImport.Options(scoreColumn: scoreColumn, costColumn: costColumn, stateColumn: stateColumn,
                                            idColumn: idColumn, prefix: prefix)
            let outcome = try RunImport.convert(parsed, file: name, log: log, options: options)
            // Under --strict the first bad row ends the run before any record is printed: nothing half-appended.
            let diagnostics = Diagnostics(file: name, strict: common.strict)
            for p in outcome.problems { try diagnostics.report(p) }
            for n in outcome.notes { Output.warn("\(name): \(n)") }
            for r in outcome.records { Output.line(r) }
        }
    }
}
