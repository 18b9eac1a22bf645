/// A small YAML writer for the simple documents carbs writes (a W&B sweep): block mappings of scalars, flow
/// sequences of values, comments. The output reads the same under YAML 1.1 (PyYAML, which W&B uses) and 1.2:
/// strings other than plain words are double-quoted, words that YAML 1.1 reads as booleans or null (`on`, `no`, `y`…) are quoted,
/// and non-integral numbers always carry a `.` and a signed exponent (`1.0e-05`: PyYAML reads `1e-05` as a string).
public enum YAMLText {
    /// One line of a block mapping.
    public indirect enum Entry: Sendable {
        case value(String, JSONValue)
        /// A number written as an integer literal (W&B's `int_uniform` bounds, `q` of integer steps).
        case integer(String, Int64)
        case mapping(String, [Entry])
        case comment(String)
    }

    public static func document(_ entries: [Entry]) -> String {
        var out = ""
        write(entries, indent: 0, into: &out)
        return out
    }

    static func write(_ entries: [Entry], indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        for e in entries {
            switch e {
            case .value(let k, let v): out += pad + key(k) + ": " + flow(v) + "\n"
            case .integer(let k, let i): out += pad + key(k) + ": " + String(i) + "\n"
            case .mapping(let k, let inner):
                out += pad + key(k) + ":\n"
                write(inner, indent: indent + 2, into: &out)
            case .comment(let c):
                for line in c.split(separator: "\n", omittingEmptySubsequences: false) { out += pad + "# " + line + "\n" }
            }
        }
    }

    /// YAML 1.1 reads these (in any of their spellings) as booleans or null.
    static let reservedWords: Set<String> = ["y", "yes", "n", "no", "true", "false", "on", "off", "null", "~"]

    /// A mapping key or a string value: plain when it is a safe word (a letter or `_`, then letters, digits, `_`,
    /// `.`, `-`; not a YAML 1.1 boolean or null), else double-quoted.
    public static func key(_ k: String) -> String {
        let safe = !k.isEmpty && k.unicodeScalars.allSatisfy { u in
            (u >= "a" && u <= "z") || (u >= "A" && u <= "Z") || (u >= "0" && u <= "9") || u == "_" || u == "." || u == "-"
        }
        let first = k.unicodeScalars.first
        let startsWord = first.map { ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || $0 == "_" } ?? false
        if safe, startsWord, !reservedWords.contains(k.lowercased()) { return k }
        return quote(k)
    }

    /// A value in flow style.
    public static func flow(_ v: JSONValue) -> String {
        switch v {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let d): return number(d)
        case .string(let s): return key(s)
        case .array(let a): return "[" + a.map(flow).joined(separator: ", ") + "]"
        case .object(let o): return "{" + o.keys.sorted().map { quote($0) + ": " + flow(o[$0] ?? .null) }.joined(separator: ", ") + "}"
        }
    }

    /// A number as YAML 1.1 and 1.2 both read it: integral values below 2^53 as integers, others with a `.` and,
    /// in exponent form, a signed exponent. (Non-finite numbers cannot be declared; they print as `.nan`/`.inf`.)
    public static func number(_ d: Double) -> String {
        if d.isNaN { return ".nan" }
        if d.isInfinite { return d < 0 ? "-.inf" : ".inf" }
        if d == d.rounded(), abs(d) < 0x1p53, !(d == 0 && d.sign == .minus) { return String(Int64(d)) }
        var s = d.description   // shortest round-trip form: "0.001", "1e-05", "1.5e+20", "-0.0"
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            var mantissa = String(s[..<e])
            var exponent = String(s[s.index(after: e)...])
            if !mantissa.contains(".") { mantissa += ".0" }
            if !exponent.hasPrefix("-") && !exponent.hasPrefix("+") { exponent = "+" + exponent }
            s = mantissa + "e" + exponent
        } else if !s.contains(".") {
            s += ".0"
        }
        return s
    }

    /// A double-quoted scalar: `"` and `\` escaped, and every character YAML does not allow as printable text
    /// (controls, DEL, C1 and NEL, surrogates, U+FFFE/U+FFFF) as an escape, so any string comes back unchanged.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                let v = u.value
                let printable = (v >= 0x20 && v <= 0x7E) || (v >= 0xA0 && v <= 0xD7FF)
                    || (v >= 0xE000 && v <= 0xFFFD) || (v >= 0x10000 && v <= 0x10FFFF)
                // U+2028/U+2029 and U+FEFF are printable to YAML but confuse line counting and BOM detection.
                if printable, v != 0x2028, v != 0x2029, v != 0xFEFF {
                    out.unicodeScalars.append(u)
                } else if v <= 0xFFFF {
                    let hex = String(v, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    let hex = String(v, radix: 16)
                    out += "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
                }
            }
        }
        return out + "\""
    }
}
