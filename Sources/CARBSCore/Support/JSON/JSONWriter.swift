/// A JSON object that keeps its keys in the order they were added and nests: the tree every printed record is built
/// as (see `Records`). Decoded input stays `JSONValue.object`, a dictionary; this type is for output only.
///
/// Keys are not deduplicated: a key added twice prints twice, exactly as added.
public struct JSONObject: Sendable {
    /// A member's value: a plain JSON value (whose own objects print with sorted keys), an ordered object, or an
    /// array of ordered objects.
    public enum Member: Sendable {
        case value(JSONValue)
        case object(JSONObject)
        case objects([JSONObject])
    }

    /// The members in print order.
    public private(set) var members: [(key: String, value: Member)] = []

    /// An empty object.
    public init() {}

    /// An object of plain values, in the given order.
    public init(_ pairs: [(String, JSONValue)]) {
        members = pairs.map { (key: $0.0, value: .value($0.1)) }
    }

    public var isEmpty: Bool { members.isEmpty }

    /// Adds a plain value.
    public mutating func append(_ key: String, _ value: JSONValue) { members.append((key, .value(value))) }
    /// Adds a plain value when there is one.
    public mutating func append(_ key: String, ifPresent value: JSONValue?) {
        if let value { append(key, value) }
    }
    /// Adds a nested ordered object.
    public mutating func append(_ key: String, _ object: JSONObject) { members.append((key, .object(object))) }
    /// Adds an array of ordered objects.
    public mutating func append(_ key: String, _ objects: [JSONObject]) { members.append((key, .objects(objects))) }
    /// Adds plain values in the given order.
    public mutating func append(contentsOf pairs: [(String, JSONValue)]) {
        for (k, v) in pairs { append(k, v) }
    }

    /// Compact JSON text of the object: one line, no newline.
    public var line: String {
        var w = JSONWriter()
        w.write(self)
        return w.text
    }
}

/// Writes JSON text deterministically: object keys sorted (or in a given order), doubles in their shortest
/// round-trip form (integral values below 2^53 without a fraction), non-finite numbers as `null`.
public struct JSONWriter {
    public private(set) var text = ""
    public init() {}

    public static func format(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        // Below 2^53 Swift's description would print integral values with ".0" (1e15 → "1000000000000000.0");
        // at and above it, it switches to the exponent form (1e+16).
        if d == d.rounded(), abs(d) < 0x1p53 {
            if d == 0 { return d.sign == .minus ? "-0.0" : "0" }
            return String(Int64(d))
        }
        return d.description
    }

    public static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
        return out
    }

    public mutating func write(_ v: JSONValue) {
        switch v {
        case .null: text += "null"
        case .bool(let b): text += b ? "true" : "false"
        case .number(let d): text += Self.format(d)
        case .string(let s): text += Self.quote(s)
        case .array(let a):
            text += "["
            for (i, x) in a.enumerated() {
                if i > 0 { text += "," }
                write(x)
            }
            text += "]"
        case .object(let o):
            write(pairs: o.keys.sorted().compactMap { k in o[k].map { (k, $0) } })
        }
    }

    /// An ordered object, members in their order.
    public mutating func write(_ object: JSONObject) {
        text += "{"
        for (i, m) in object.members.enumerated() {
            if i > 0 { text += "," }
            text += Self.quote(m.key)
            text += ":"
            switch m.value {
            case .value(let v): write(v)
            case .object(let o): write(o)
            case .objects(let a):
                text += "["
                for (j, o) in a.enumerated() {
                    if j > 0 { text += "," }
                    write(o)
                }
                text += "]"
            }
        }
        text += "}"
    }

    /// An object with its keys in the given order.
    public mutating func write(pairs: [(String, JSONValue)]) {
        write(JSONObject(pairs))
    }

    /// One JSON object line (no newline) with keys in the given order.
    public static func line(_ pairs: [(String, JSONValue)]) -> String {
        JSONObject(pairs).line
    }
}
