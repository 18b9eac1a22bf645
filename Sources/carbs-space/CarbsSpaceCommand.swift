import ArgumentParser
import CARBSCLI

@main
struct CarbsSpaceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "carbs-space", abstract: "Not built yet.")
    func run() throws { throw ExitCode(70) }
}
