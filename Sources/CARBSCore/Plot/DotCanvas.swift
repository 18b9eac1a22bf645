/// A character-cell canvas addressed in dots: braille cells hold 2×4 dots, ASCII cells 1×2 (`'`, `.`, `:`).
///
/// Whole-cell glyphs (markers, ASCII line characters) override the dots of their cell. Each cell remembers the
/// colour of the last thing drawn in it.
struct DotCanvas: Sendable {
    let columns: Int
    let rows: Int
    let mode: CanvasMode
    private var bits: [UInt8]
    private var glyphs: [Character?]
    private var colors: [PlotColor]

    init(columns: Int, rows: Int, mode: CanvasMode) {
        self.columns = max(1, columns)
        self.rows = max(1, rows)
        self.mode = mode
        bits = Array(repeating: 0, count: self.columns * self.rows)
        glyphs = Array(repeating: nil, count: self.columns * self.rows)
        colors = Array(repeating: .none, count: self.columns * self.rows)
    }

    var dotsPerColumn: Int { mode == .braille ? 2 : 1 }
    var dotsPerRow: Int { mode == .braille ? 4 : 2 }
    /// Width in dots.
    var dotWidth: Int { columns * dotsPerColumn }
    /// Height in dots.
    var dotHeight: Int { rows * dotsPerRow }

    /// Braille dot bits by [row within cell][column within cell] (Unicode braille numbering 1-8).
    static let brailleBits: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]

    /// Turns on the dot at (x, y), y counted from the top. Dots outside the canvas are ignored.
    mutating func setDot(_ x: Int, _ y: Int, _ color: PlotColor) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        let cell = (y / dotsPerRow) * columns + x / dotsPerColumn
        let bit: UInt8 = mode == .braille
            ? DotCanvas.brailleBits[y % 4][x % 2]
            : (y % 2 == 0 ? 1 : 2)
        bits[cell] |= bit
        colors[cell] = color
    }

    /// Puts a whole-cell glyph in the cell containing dot (x, y).
    mutating func marker(_ x: Int, _ y: Int, _ glyph: Character, _ color: PlotColor) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        let cell = (y / dotsPerRow) * columns + x / dotsPerColumn
        glyphs[cell] = glyph
        colors[cell] = color
    }

    /// A straight segment between two dots. Braille draws dots; ASCII writes `glyph`, or `-`, `|`, `/`, `\`
    /// by direction, into every cell it crosses.
    mutating func line(_ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int, _ color: PlotColor, glyph: Character? = nil) {
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var err = dx + dy
        var x = x0, y = y0
        let cellDX = abs(x1 / dotsPerColumn - x0 / dotsPerColumn), cellDY = abs(y1 / dotsPerRow - y0 / dotsPerRow)
        let asciiGlyph: Character = glyph
            ?? (cellDY == 0 ? "-" : cellDX == 0 ? "|" : ((x1 - x0) * (y1 - y0) < 0 ? "/" : "\\"))
        var guardCount = 0
        while guardCount <= dx - dy + 1 {
            guardCount += 1
            if mode == .braille { setDot(x, y, color) } else { marker(x, y, asciiGlyph, color) }
            if x == x1 && y == y1 { break }
            let e2 = 2 * err
            if e2 >= dy { err += dy; x += sx }
            if e2 <= dx { err += dx; y += sy }
        }
    }

    /// The canvas as a grid of characters.
    func grid() -> TextGrid {
        var g = TextGrid(width: columns, height: rows)
        for row in 0..<rows {
            for col in 0..<columns {
                let i = row * columns + col
                if let glyph = glyphs[i] {
                    g.put(col, row, glyph, colors[i])
                } else if bits[i] != 0 {
                    let c: Character
                    if mode == .braille {
                        c = Character(Unicode.Scalar(0x2800 + UInt32(bits[i])) ?? " ")
                    } else {
                        c = bits[i] == 1 ? "'" : bits[i] == 2 ? "." : ":"
                    }
                    g.put(col, row, c, colors[i])
                }
            }
        }
        return g
    }
}
