import CARBSCLI
import CARBSCore

struct Sample: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw points from the space: center, random, Sobol, Latin hypercube or grid.",
        discussion: """
            Prints pending run records ({"id":...,"status":"pending","params":{...},"kind":METHOD}) that can be \
            appended to the log, or with --params-only just the parameter objects. The same space, seed and log \
            always give the same points.
            """)

    @OptionGroup var common: CommonOptions
    @OptionGroup var input: LogArgument

    @Option(name: .short, help: ArgumentHelp("Number of points (grid: default the whole grid).", valueName: "N"))
    var n: Int?

    @Option(name: .long, help: "Sampling method: center, random, sobol, lhs or grid.")
    var method: String = "sobol"

    @Option(name: .long, help: ArgumentHelp("Grid points per numeric parameter.", valueName: "K"))
    var levels: Int = 5

    @Flag(name: .long, help: "Print only the parameter objects.")
    var paramsOnly = false

    func validate() throws {
        if let n, n < 0 { throw ValidationError("-n must not be negative") }
        if SamplingMethod(rawValue: method) == nil {
            throw ValidationError("--method must be one of \(SamplingMethod.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if levels < 1 { throw ValidationError("--levels must be at least 1") }
    }

    func run() throws {
        try Tool.run("carbs-space") {
            let log = try Input.readLog(input.log, common: common, requireSpace: true)
            let m = SamplingMethod(rawValue: method) ?? .sobol
            let points: [[(String, JSONValue)]]
            do {
                points = try Sampler.sample(log.space, method: m, count: m == .grid ? n : (n ?? 1),
                                            seed: RunID.streamSeed(seed: common.seed, logHash: log.contentHash), levels: levels)
            } catch let error as SpaceError {
                throw CARBSError.usage(error.message)
            }
            for (i, p) in points.enumerated() {
                let id = RunID.make(seed: common.seed, logHash: log.contentHash, index: i, salt: m.rawValue)
                Output.line(Records.sample(id: id, params: p, method: m.rawValue, paramsOnly: paramsOnly))
            }
        }
    }
}
