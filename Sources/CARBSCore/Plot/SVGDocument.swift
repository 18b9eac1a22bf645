/// Helpers for hand-written, deterministic SVG text.
enum SVG {
    /// A coordinate or length with two decimals.
    static func n(_ v: Double) -> String { NumberText.fixed(v.isFinite ? v : 0, 2) }

    /// Text escaped for element content and attribute values; control characters (which XML forbids) show as `?`.
    static func escape(_ s: String) -> String {
        var out = ""
        for c in TerminalText.visible(s) {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    /// A `<text>` element.
    static func text(_ s: String, x: Double, y: Double, anchor: String = "middle", size: Int = 11,
                     extra: String = "") -> String {
        "<text x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor)\" font-size=\"\(size)\"\(extra)>"
            + escape(s) + "</text>\n"
    }

    /// A standalone document of the given pixel size around `body`.
    static func document(width: Int, height: Int, body: String) -> String {
        let w = max(1, width), h = max(1, height)
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\""
            + " font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n"
            + "<rect x=\"0\" y=\"0\" width=\"\(w)\" height=\"\(h)\" fill=\"#ffffff\"/>\n"
            + body
            + "</svg>\n"
    }
}
