/// How a terminal plot is drawn.
public enum CanvasMode: String, Sendable, CaseIterable {
    /// Unicode braille cells: 2×4 dots per character cell.
    case braille
    /// Plain ASCII characters (1×2 dots per cell: `'`, `.`, `:`), for terminals and logs without Unicode.
    case ascii
}

/// Size and rendering options of a terminal plot.
public struct PlotStyle: Sendable, Equatable {
    /// Total width in character columns (including axes and labels); at least 16 is used.
    public var columns: Int
    /// Total height in rows (including title, axes, labels and legend); at least 6 is used.
    public var rows: Int
    /// Braille or ASCII dots.
    public var mode: CanvasMode
    /// Emit ANSI colour codes (the caller decides, e.g. from `isatty` and `NO_COLOR`).
    public var color: Bool

    /// Creates a style; the defaults fit an 80×24 terminal.
    public init(columns: Int = 80, rows: Int = 24, mode: CanvasMode = .braille, color: Bool = false) {
        self.columns = columns
        self.rows = rows
        self.mode = mode
        self.color = color
    }
}
