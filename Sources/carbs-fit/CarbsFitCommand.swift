import ArgumentParser
import CARBSCLI

@main
struct CarbsFitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "carbs-fit", abstract: "Not built yet.")
    func run() throws { throw ExitCode(70) }
}
