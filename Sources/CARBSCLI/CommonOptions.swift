import ArgumentParser
import CARBSCore

/// The flags every tool shares for the same things.
public struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Key of the score in run records (overrides the log's objective; default: score).", valueName: "KEY"))
    public var score: String?

    @Option(name: .long, help: ArgumentHelp("Key of the cost in run records (overrides the log's objective; default: cost).", valueName: "KEY"))
    public var cost: String?

    @Flag(name: .long, help: "Higher scores are better (the default, unless the log's objective says minimize).")
    public var maximize = false

    @Flag(name: .long, help: "Lower scores are better.")
    public var minimize = false

    @Option(name: .long, help: ArgumentHelp("Read the parameter declarations from FILE (JSON lines, JSON or YAML) instead of the log.", valueName: "FILE"),
            completion: .file())
    public var space: String?

    @Option(name: .long, help: ArgumentHelp("Seed of every random choice.", valueName: "N"))
    public var seed: UInt64 = 0

    @Flag(name: .long, help: "Treat any bad line as fatal (exit 65) instead of warning and skipping it.")
    public var strict = false

    public init() {}

    public func validate() throws {
        if maximize && minimize { throw ValidationError("--maximize and --minimize cannot be used together") }
    }

    public var objectiveOverrides: ObjectiveOverrides {
        ObjectiveOverrides(scoreKey: score, costKey: cost, maximize: maximize ? true : (minimize ? false : nil))
    }
}

/// The optional log file argument (default: standard input).
public struct LogArgument: ParsableArguments {
    @Argument(help: ArgumentHelp("The sweep log (JSON lines); - or nothing reads standard input.", valueName: "LOG"),
              completion: .file(extensions: ["jsonl", "json"]))
    public var log: String?

    public init() {}
}
