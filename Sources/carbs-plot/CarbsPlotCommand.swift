import ArgumentParser
import CARBSCLI

@main
struct CarbsPlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "carbs-plot", abstract: "Not built yet.")
    func run() throws { throw ExitCode(70) }
}
