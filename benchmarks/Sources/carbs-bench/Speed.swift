import ArgumentParser
struct SpeedCommand: ParsableCommand { static let configuration = CommandConfiguration(commandName: "speed") }
