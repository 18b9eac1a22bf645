#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One line of a sweep log, told apart by its keys: `param` = a declaration, `objective` = the objective, `params`
/// = a run, `progress` = a checkpoint of a running run; anything else is passed through and ignored by the models.
public enum Record: Sendable, Equatable {
    case declaration(Parameter)
    case objective(Objective)
    case run(RawRun)
    case progress(RawProgress)
    case other([String: JSONValue])
}

/// A progress record as written (`{"progress":ID,"step":K,SCORE_KEY:S,COST_KEY:C,"advice":…}`), before the
/// objective's keys are applied.
public struct RawProgress: Sendable, Equatable {
    public var id: String
    public var fields: [String: JSONValue]
    public var line: Int
}

/// A run record as written, before the objective's keys are applied.
public struct RawRun: Sendable, Equatable {
    public var id: String?
    public var status: RunStatus?
    public var params: [String: JSONValue]
    public var fields: [String: JSONValue]
    public var line: Int
}

public enum RunStatus: String, Sendable, Equatable, CaseIterable {
    case success, failed, pending
}

/// Decodes log lines into records. One decoder is reused for the whole stream.
public struct RecordDecoder {
    private let decoder = JSONDecoder()
    public init() {}

    /// Parses one line (without its newline). Returns nil for a blank line; throws a message for a bad one.
    public func decode(_ bytes: [UInt8], line: Int) throws(SpaceError) -> Record? {
        if bytes.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { return nil }
        return try Self.classify(try object(bytes), line: line)
    }

    /// Parses one JSON object exactly as a log line is parsed (UTF-8, RFC 8259: no trailing commas), without
    /// classifying it.
    public func object(_ bytes: [UInt8]) throws(SpaceError) -> [String: JSONValue] {
        guard String(validating: bytes, as: UTF8.self) != nil else { throw SpaceError("line is not valid UTF-8") }
        let value: JSONValue
        do {
            value = try decoder.decode(JSONValue.self, from: Data(bytes))
        } catch {
            throw SpaceError("invalid JSON\(Self.hint(bytes) ?? Self.reason(error))")
        }
        // Foundation's decoder accepts a comma before a closing bracket; JSON (RFC 8259) does not.
        if let column = Self.trailingComma(bytes) {
            throw SpaceError("invalid JSON: a trailing comma at column \(column) (JSON allows none before '}' or ']')")
        }
        guard let o = value.objectValue else { throw SpaceError("a record must be a JSON object, got \(value.typeName)") }
        return o
    }

    /// The index of the first byte for which `visit` is true, walking the text once and telling `visit` whether the
    /// byte lies inside a string (after its opening quote, through its closing quote; escapes are followed).
    static func firstIndex(_ bytes: [UInt8], where visit: (_ index: Int, _ byte: UInt8, _ inString: Bool) -> Bool) -> Int? {
        var inString = false, escaped = false
        for (i, b) in bytes.enumerated() {
            if visit(i, b, inString) { return i }
            if inString {
                if escaped { escaped = false } else if b == 92 { escaped = true } else if b == 34 { inString = false }
            } else if b == 34 {
                inString = true
            }
        }
        return nil
    }

    /// The 1-based column and value of the first byte below U+0020 inside a string (RFC 8259 wants it escaped).
    static func controlCharacterInString(_ bytes: [UInt8]) -> (Int, UInt8)? {
        firstIndex(bytes) { _, b, inString in inString && b < 32 }.map { ($0 + 1, bytes[$0]) }
    }

    /// The 1-based column of the first comma followed (after white space) by `}` or `]`, outside strings.
    static func trailingComma(_ bytes: [UInt8]) -> Int? {
        var comma: Int?
        let close = firstIndex(bytes) { i, b, inString in
            if inString { return false }
            switch b {
            case 44: comma = i + 1
            case 125, 93: return comma != nil
            case 32, 9, 10, 13: break
            default: comma = nil
            }
            return false
        }
        return close == nil ? nil : comma
    }

    public static func classify(_ o: [String: JSONValue], line: Int) throws(SpaceError) -> Record {
        if o["param"] != nil { return .declaration(try Parameter(declaration: o)) }
        if let v = o["objective"] { return .objective(try Objective(declaration: v)) }
        if let p = o["params"] {
            guard let params = p.objectValue else { throw SpaceError("'params' must be an object, got \(p.typeName)") }
            var id: String?
            switch o["id"] {
            case nil, .some(.null): id = nil
            case .some(.string(let s)): id = s
            case .some(.number(let d)): id = JSONWriter.format(d)
            case .some(let other): throw SpaceError("'id' must be a string, got \(other.typeName)")
            }
            var status: RunStatus?
            if let s = o["status"] {
                switch s.stringValue {
                case "failed", "failure", "error", "crashed": status = .failed
                case "pending", "running": status = .pending
                case "success", "ok", "done", "finished": status = .success
                default: throw SpaceError("'status' must be \"success\", \"failed\" or \"pending\", got \(s.json)")
                }
            }
            return .run(RawRun(id: id, status: status, params: params, fields: o, line: line))
        }
        if let p = o["progress"] {
            switch p {
            case .string(let s) where !s.isEmpty: return .progress(RawProgress(id: s, fields: o, line: line))
            case .number(let d): return .progress(RawProgress(id: JSONWriter.format(d), fields: o, line: line))
            default: throw SpaceError("'progress' must be the id of a run, got \(p.typeName)")
            }
        }
        return .other(o)
    }

    /// A specific explanation for mistakes JSONDecoder only calls "not valid JSON".
    static func hint(_ bytes: [UInt8]) -> String? {
        if let (column, byte) = controlCharacterInString(bytes) {
            let code = String(byte, radix: 16, uppercase: true)
            let u = String(repeating: "0", count: 4 - code.count) + code
            return ": an unescaped control character U+\(u) in a string at column \(column) (JSON needs it written as \\u\(u))"
        }
        let text = String(decoding: bytes, as: UTF8.self)
        for word in ["NaN", "Infinity", "nan", "inf"] {
            let negative = text.contains(":-\(word)") || text.contains(": -\(word)")
            guard negative || text.contains(":\(word)") || text.contains(": \(word)") else { continue }
            return ": \(negative ? "-" : "")\(word) is not a JSON number (write null, or mark the run \"status\":\"failed\")"
        }
        if text.contains(/[0-9][eE]\+?[0-9]{3,}/) {
            return ": a number is too large for a double"
        }
        if let first = bytes.first(where: { $0 != 32 && $0 != 9 }), first != 123 {
            return ": a record must be a JSON object on one line"
        }
        if bytes.last(where: { $0 != 32 && $0 != 9 }) != 125 {
            return ": the object is not closed (a truncated line?)"
        }
        return nil
    }

    static func reason(_ error: Error) -> String {
        if case DecodingError.dataCorrupted(let ctx) = error {
            var text = ctx.debugDescription
            if let under = ctx.underlyingError { text = String(describing: under) }
            // Keep messages to one short line.
            if let cut = text.firstIndex(of: "\n") { text = String(text[..<cut]) }
            if text.count > 120 { text = String(text.prefix(120)) + "…" }
            return text.isEmpty ? "" : ": \(text)"
        }
        return ""
    }
}
