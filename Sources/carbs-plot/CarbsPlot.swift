import ArgumentParser
import CARBSCLI
import CARBSCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

@main
struct CarbsPlot: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "carbs-plot",
        abstract: "Plot a sweep in the terminal (Unicode braille or ASCII) or as SVG.",
        discussion: """
            scatter     score against cost (log axis), the Pareto front as a staircase, failures and pending runs marked
            history     best score so far against trial number or cumulative cost
            params      each parameter's value over the trials, or the score against each parameter
            importance  parameter relevance bars from carbs-fit (its records, or a log fitted on the spot)
            curves      each run's score against its cumulative cost (or step), stopped and running runs marked, the front over them

            Without a subcommand, carbs-plot draws the scatter: carbs-plot < sweep.jsonl, or carbs-plot sweep.jsonl.
            """,
        version: CARBSVersion.string,
        subcommands: [Scatter.self, History.self, Params.self, Importance.self, Curves.self],
        defaultSubcommand: Scatter.self)
}

/// Rendering options shared by every plot.
struct RenderOptions: ParsableArguments {
    @Flag(name: .long, help: "Plain ASCII instead of Unicode braille.")
    var ascii = false

    /// What `--color` takes.
    enum Color: String, CaseIterable, ExpressibleByArgument {
        case auto, always, never
    }

    @Option(name: .long, help: "Colour: auto (when standard output is a terminal and NO_COLOR is unset), always or never.")
    var color: Color = .auto

    /// The largest width and height a plot takes (the terminal's width is clamped to it).
    static let maxSize = 1000

    @Option(name: .long, help: ArgumentHelp("Width in columns, 16 to 1000 (default: the terminal's, or 80).", valueName: "N"))
    var width: Int?

    @Option(name: .long, help: ArgumentHelp("Height in rows, 6 to 1000 (default: 24).", valueName: "N"))
    var height: Int?

    @Option(name: .long, help: ArgumentHelp("Title above the plot.", valueName: "TEXT"))
    var title: String?

    @Option(name: .long, help: ArgumentHelp("Write the plot as a standalone SVG document to FILE instead (whole or not at all; a symlink at FILE is replaced, not followed; FILE may not be the log).", valueName: "FILE"),
            completion: .file(extensions: ["svg"]))
    var svg: String?

    func validate() throws {
        if let width, !(16...Self.maxSize).contains(width) { throw ValidationError("--width must be between 16 and \(Self.maxSize)") }
        if let height, !(6...Self.maxSize).contains(height) { throw ValidationError("--height must be between 6 and \(Self.maxSize)") }
    }

    var style: PlotStyle {
        let useColor: Bool
        switch color {
        case .always: useColor = true
        case .never: useColor = false
        case .auto: useColor = Output.isTerminal && getenv("NO_COLOR") == nil
        }
        return PlotStyle(columns: width ?? Terminal.columns.map { min(max($0, 16), Self.maxSize) } ?? 80, rows: height ?? 24, mode: ascii ? .ascii : .braille, color: useColor)
    }

    /// Prints the text, or writes the SVG file.
    /// Prints the text plot, or with `--svg FILE` writes the SVG whole or not at all (`Files.replace`: a symlink
    /// is replaced, not followed; FILE may not be one of `inputs`).
    func emit(text: () -> String, svg document: () -> String, inputs: [String?]) throws {
        if let path = svg {
            try Files.replace(path, with: document(), inputs: inputs)
        } else {
            let t = text()
            Output.write(t.hasSuffix("\n") ? t : t + "\n")
        }
    }
}
