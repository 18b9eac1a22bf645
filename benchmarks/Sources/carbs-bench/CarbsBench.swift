import ArgumentParser
import CARBSCore

@main
struct CarbsBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "carbs-bench", abstract: "Benchmarks (work in progress).")
    func run() throws { throw ExitCode(70) }
}
