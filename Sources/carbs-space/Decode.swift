import ArgumentParser
import CARBSCLI
import CARBSCore

struct Decode: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Map points of the normalized search space back to parameter values.",
        discussion: """
            Reads records {"x":{COLUMN:U,...}} (as carbs-space encode prints them) or {"x":[U,...]} and prints \
            {"params":{...}} with values clamped into their bounds, integers rounded and choices taken by the \
            largest one-hot column. Other keys of the record are kept.
            """)

    @OptionGroup var common: CommonOptions
    @OptionGroup var input: LogArgument

    func run() throws {
        try Tool.run("carbs-space") {
            let source = LogSource(path: input.log, common: common)
            let log = try source.read(requireSpace: true)
            let names = log.space.encodedNames
            for (line, o) in log.otherRecords {
                guard let xv = o["x"] else { continue }
                var x: [Double]
                switch xv {
                case .array(let a):
                    x = a.compactMap(\.doubleValue)
                    guard x.count == a.count, x.count == names.count else {
                        let d = Diagnostic(file: source.name, line: line,
                                           message: "'x' must hold \(names.count) numbers (\(names.joined(separator: ", ")))")
                        try source.diagnostics.report(d)
                        continue
                    }
                case .object(let m):
                    x = names.map { m[$0]?.doubleValue ?? 0.5 }
                default:
                    let d = Diagnostic(file: source.name, line: line, message: "'x' must be an array or an object")
                    try source.diagnostics.report(d)
                    continue
                }
                var rest = o
                rest["x"] = nil
                Output.line(Records.decoded(rest: rest, params: log.space.decode(x)))
            }
        }
    }
}
