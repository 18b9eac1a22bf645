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
            """)

    @Argument(help: ArgumentHelp("Parameter specs, e.g. lr=log:1e-5:1e-1 width=log:16:4096:int.", valueName: "SPEC"))
    var specs: [String] = []

    @Option(name: .long, help: ArgumentHelp("Read declarations from a JSON-lines, JSON or YAML file.", valueName: "FILE"),
            completion: .file(extensions: ["jsonl", "json", "yaml", "yml"]))
    var file: String?

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
    }

    func run() throws {
        try Tool.run("carbs-space") {
            var space = Space()
            if let file { for p in try SpaceFile.load(file).parameters { space.declare(p) } }
            for s in specs {
                do {
                    space.declare(try CompactSpec.parse(s))
                } catch let error as SpaceError {
                    throw CARBSError.usage(error.message)
                }
            }
            if score != nil || cost != nil || maximize || minimize {
                let o = ObjectiveOverrides(scoreKey: score, costKey: cost, maximize: maximize ? true : (minimize ? false : nil))
                Output.line(JSONWriter.line(o.applied(to: Objective()).declarationPairs))
            }
            for p in space.parameters { Output.line(JSONWriter.line(p.declarationPairs)) }
        }
    }
}
