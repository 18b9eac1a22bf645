import ArgumentParser
import CARBSCLI
import CARBSCore

@main
struct CarbsSpace: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "carbs-space",
        abstract: "Declare a search space, sample it, and check logs against it.",
        discussion: """
            The declaration records that carbs-space prints head a sweep log; every other carbs tool reads the \
            space from the log it is given. A later declaration of a parameter replaces the earlier one.
            """,
        version: CARBSVersion.string,
        subcommands: [Declare.self, Sample.self, Check.self, Encode.self, Decode.self, Import.self],
        defaultSubcommand: Declare.self)
}
