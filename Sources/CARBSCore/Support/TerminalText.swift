/// Text from the input (parameter names, choice values, titles) on its way to a terminal or an XML document:
/// control characters (C0, DEL and C1: ESC sequences could recolour the terminal, move the cursor or retitle the
/// window; XML forbids most of them) are shown as `?`. JSON output escapes them instead and is not touched.
public enum TerminalText {
    public static func isControl(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x20 || (0x7F...0x9F).contains(u.value)
    }

    /// `s` with every control character replaced by `?`.
    public static func visible(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: isControl) else { return s }
        var out = ""
        for u in s.unicodeScalars { out.unicodeScalars.append(isControl(u) ? "?" : u) }
        return out
    }
}
