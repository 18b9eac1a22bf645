import ArgumentParser
import CARBSCLI

@main
struct CarbsParetoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "carbs-pareto", abstract: "Not built yet.")
    func run() throws { throw ExitCode(70) }
}
