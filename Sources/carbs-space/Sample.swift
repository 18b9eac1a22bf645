import ArgumentParser
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

    /// The most points one call prints (and the most grid points per numeric parameter): sizes the input controls
    /// are bounded, so a typo cannot ask for more memory than the machine has.
    static let maxPoints = 1_000_000
    static let maxLevels = 100_000

    @Option(name: .short, help: ArgumentHelp("Number of points, at most 1000000 (grid: default the whole grid).", valueName: "N"))
    var n: Int?

    @Option(name: .long, help: "Sampling method (sobol: scrambled Joe–Kuo directions, at most 64 parameters that are not fixed; lhs or random beyond).")
    var method: SamplingMethod = .sobol

    @Option(name: .long, help: ArgumentHelp("Grid points per numeric parameter, at most 100000.", valueName: "K"))
    var levels: Int = 5

    @Flag(name: .long, help: "Print only the parameter objects.")
    var paramsOnly = false

    @Option(name: .long, help: ArgumentHelp("How to print the points: json (pending records), shell (CARBS_ID=… and NAME=… lines for eval; one point), args (--carbs-id=… --NAME=VALUE words, a line each), tsv (a header and one row each).", valueName: "FORMAT"))
    var format: RunFormat = .json

    @Option(name: .long, help: ArgumentHelp("With --format args: the option that carries the id (default carbs-id; '' leaves it out).", valueName: "NAME"))
    var idOption: String = RunText.defaultIDOption

    func validate() throws {
        if let n, n < 0 { throw ValidationError("-n must not be negative") }
        if let n, n > Self.maxPoints { throw ValidationError("-n must be at most \(Self.maxPoints)") }
        if levels < 1 { throw ValidationError("--levels must be at least 1") }
        if levels > Self.maxLevels { throw ValidationError("--levels must be at most \(Self.maxLevels)") }
        if paramsOnly, format != .json { throw ValidationError("--params-only goes with --format json") }
        if format == .shell, n.map({ $0 != 1 }) ?? (method == .grid) {
            throw ValidationError("--format shell sets the variables of one point: use -n 1, or --format tsv or args")
        }
    }

    func run() throws {
        try Tool.run("carbs-space") {
            let source = LogSource(path: input.log, common: common)
            let log = try source.read(requireSpace: true)
            if format == .shell, let problem = RunText.shellNameProblem(log.space.names) {
                throw source.error("--format shell: " + problem)
            }
            let m = method
            let points: [[(String, JSONValue)]]
            do {
                points = try Sampler.sample(log.space, method: m, count: m == .grid ? n : (n ?? 1),
                                            seed: RunID.streamSeed(seed: common.seed, logHash: log.contentHash), levels: levels)
            } catch let error as SpaceError {
                throw CARBSError.usage(error.message)
            }
            let runs = points.enumerated().map { i, p in
                RunLine(id: RunID.make(seed: common.seed, logHash: log.contentHash, index: i, salt: m.rawValue), params: p)
            }
            if format == .json {
                for r in runs { Output.line(Records.sample(id: r.id, params: r.params, method: m.rawValue, paramsOnly: paramsOnly)) }
                return
            }
            for line in RunText.lines(runs, format: format, names: log.space.names, idOption: idOption.isEmpty ? nil : idOption) {
                Output.line(line)
            }
        }
    }
}
