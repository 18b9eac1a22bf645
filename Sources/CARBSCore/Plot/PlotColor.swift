/// The small palette shared by the terminal (ANSI) and SVG renderers.
public enum PlotColor: Int, Sendable, CaseIterable {
    case none = 0, blue, red, green, orange, magenta, cyan, gray

    /// ANSI SGR foreground code, or nil for the terminal's default colour.
    public var ansi: Int? {
        switch self {
        case .none: return nil
        case .blue: return 34
        case .red: return 31
        case .green: return 32
        case .orange: return 33
        case .magenta: return 35
        case .cyan: return 36
        case .gray: return 90
        }
    }

    /// SVG colour.
    public var svg: String {
        switch self {
        case .none: return "#222222"
        case .blue: return "#1f77b4"
        case .red: return "#d62728"
        case .green: return "#2ca02c"
        case .orange: return "#ff7f0e"
        case .magenta: return "#9467bd"
        case .cyan: return "#17becf"
        case .gray: return "#8c8c8c"
        }
    }

    /// Colours handed out to successive series of a multi-series plot.
    public static let cycle: [PlotColor] = [.blue, .red, .green, .orange, .magenta, .cyan]
}
