import ArgumentParser
import CARBSCLI

@main
struct CarbsSuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "carbs-suggest", abstract: "Not built yet.")
    func run() throws { throw ExitCode(70) }
}
