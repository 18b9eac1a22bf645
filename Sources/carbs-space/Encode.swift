import ArgumentParser
import CARBSCLI
import CARBSCore

struct Encode: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Map each run's parameters to the normalized search space (unit cube; one-hot choices).",
        discussion: "Prints {\"id\":...,\"x\":{COLUMN:U,...}} per run, columns in declaration order.")

    @OptionGroup var common: CommonOptions
    @OptionGroup var input: LogArgument

    func run() throws {
        try Tool.run("carbs-space") {
            let source = LogSource(path: input.log, common: common)
            let log = try source.read(requireSpace: true)
            let names = log.space.encodedNames
            for r in log.runs {
                switch log.space.encode(r.params) {
                case .success(let x):
                    Output.line(Records.encoded(id: r.id, x: Array(zip(names, x))))
                case .failure(let e):
                    let d = Diagnostic(file: source.name, line: r.line, message: e.message)
                    try source.diagnostics.report(d)
                }
            }
        }
    }
}
