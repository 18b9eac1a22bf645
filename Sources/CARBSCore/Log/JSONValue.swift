#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A JSON value as read from a log line. Decoded with `JSONDecoder` (exact doubles); printed by `JSONWriter`
/// (shortest round-trip doubles, sorted object keys unless an order is given).
public enum JSONValue: Sendable, Equatable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public var doubleValue: Double? { if case .number(let d) = self { return d } else { return nil } }
    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    public var boolValue: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    public var objectValue: [String: JSONValue]? { if case .object(let o) = self { return o } else { return nil } }
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }

    /// A short name of the value's JSON type, for messages.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    public subscript(key: String) -> JSONValue? { objectValue?[key] }

    /// Compact JSON text of this value.
    public var json: String {
        var w = JSONWriter()
        w.write(self)
        return w.text
    }
}

extension JSONValue: Codable {
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null; return }
        if let b = try? c.decode(Bool.self) { self = .bool(b); return }
        if let d = try? c.decode(Double.self) { self = .number(d); return }
        if let s = try? c.decode(String.self) { self = .string(s); return }
        if let a = try? c.decode([JSONValue].self) { self = .array(a); return }
        self = .object(try c.decode([String: JSONValue].self))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .number(let d): try c.encode(d)
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
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

    /// An object with its keys in the given order.
    public mutating func write(pairs: [(String, JSONValue)]) {
        text += "{"
        for (i, (k, x)) in pairs.enumerated() {
            if i > 0 { text += "," }
            text += Self.quote(k)
            text += ":"
            write(x)
        }
        text += "}"
    }

    /// One JSON object line (no newline) with keys in the given order.
    public static func line(_ pairs: [(String, JSONValue)]) -> String {
        var w = JSONWriter()
        w.write(pairs: pairs)
        return w.text
    }
}
