/// A fixed-size grid of coloured characters; the terminal renderers draw into one and serialise it.
struct TextGrid: Sendable {
    let width: Int
    let height: Int
    private(set) var chars: [Character]
    private(set) var colors: [PlotColor]

    init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        chars = Array(repeating: " ", count: self.width * self.height)
        colors = Array(repeating: .none, count: self.width * self.height)
    }

    subscript(x: Int, y: Int) -> Character { chars[y * width + x] }

    mutating func put(_ x: Int, _ y: Int, _ c: Character, _ color: PlotColor = .none) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        chars[y * width + x] = c
        colors[y * width + x] = color
    }

    /// Writes `text` from column `x`, clipped to the grid; control characters show as `?` (`TerminalText`).
    mutating func write(_ text: String, _ x: Int, _ y: Int, _ color: PlotColor = .none) {
        var col = x
        for c in TerminalText.visible(text) {
            put(col, y, c, color)
            col += 1
        }
    }

    /// Writes `text` centred on column `center`, shifted to stay inside the grid.
    mutating func writeCentered(_ text: String, center: Int, _ y: Int, _ color: PlotColor = .none) {
        let n = text.count
        let start = min(max(0, center - n / 2), max(0, width - n))
        write(text, start, y, color)
    }

    /// Copies another grid with its top-left corner at (x, y).
    mutating func blit(_ other: TextGrid, _ x: Int, _ y: Int) {
        for row in 0..<other.height {
            for col in 0..<other.width {
                put(x + col, y + row, other[col, row], other.colors[row * other.width + col])
            }
        }
    }

    /// The grid as text: rows joined by newlines, trailing blanks removed, ANSI colours when `color` is set.
    func render(color: Bool) -> String {
        var lines: [String] = []
        for row in 0..<height {
            var cells = Array(chars[(row * width)..<((row + 1) * width)])
            var cellColors = Array(colors[(row * width)..<((row + 1) * width)])
            while let last = cells.last, last == " " {
                cells.removeLast()
                cellColors.removeLast()
            }
            var line = ""
            var current = PlotColor.none
            for (c, k) in zip(cells, cellColors) {
                let wanted = (color && c != " ") ? k : (c == " " ? current : .none)
                if wanted != current {
                    if current != .none { line += "\u{1B}[0m" }
                    if let code = wanted.ansi { line += "\u{1B}[\(code)m" }
                    current = wanted
                }
                line.append(c)
            }
            if current != .none { line += "\u{1B}[0m" }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
