import ArgumentParser
import CARBSCLI
import CARBSCore

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a log against its space and report every problem with its line number.",
        discussion: """
            Reports malformed lines, invalid declarations, unknown or missing parameters, values outside their \
            bounds or not among their choices, non-numeric or non-finite scores, non-positive costs, mismatched ids \
            and costs whose sum overflows a double, one FILE:LINE: message per problem on standard error. Exits 0 when the log is clean and 65 otherwise.
            """)

    @OptionGroup var common: CommonOptions
    @OptionGroup var input: LogArgument

    func run() throws {
        try Tool.run("carbs-space") {
            let source = LogSource(path: input.log, common: common)
            let name = source.name
            let log = try source.readCollectingProblems()
            var problems = log.diagnostics
            if log.space.isEmpty {
                problems.append(Diagnostic(file: name, line: nil, message: LogSource.noSpaceMessage))
            } else {
                problems += log.parameterProblems(file: name)
            }
            if let overflow = log.cumulativeCostProblem(file: name) { problems.append(overflow) }
            // By line, in the order found on a line; problems of the whole file (no line) after those of lines.
            problems = problems.enumerated()
                .sorted { ($0.element.line ?? Int.max, $0.offset) < ($1.element.line ?? Int.max, $1.offset) }
                .map(\.element)
            for p in problems { Output.warn(p.description) }
            if !problems.isEmpty {
                Output.warn("\(name): \(problems.count) problem\(problems.count == 1 ? "" : "s") in \(log.recordCount) record\(log.recordCount == 1 ? "" : "s")")
                throw ExitCode(ExitStatus.data.rawValue)
            }
        }
    }
}
