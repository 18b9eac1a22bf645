#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CARBSCore
import Yams

/// Space files for `--space FILE` and `carbs-space --file FILE`: JSON lines of declarations (a log works too), a
/// JSON or YAML mapping `name: {space: log, min: …, max: …}`, or a list of declarations.
public enum SpaceFile {
    public static func load(_ path: String) throws(CARBSError) -> Space {
        let text = try Files.readText(path)
        return try parse(text, file: path)
    }

    public static func parse(_ text: String, file: String) throws(CARBSError) -> Space {
        // JSON lines first: every non-blank line an object.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let nonBlank = lines.enumerated().filter { !$0.element.allSatisfy(\.isWhitespace) }
        if nonBlank.count > 1 || (nonBlank.first.map { $0.element.hasPrefix("{\"param\"") } ?? false) {
            let looksJSONL = nonBlank.allSatisfy { $0.element.trimmingCharacters(in: .whitespaces).hasPrefix("{") }
            if looksJSONL {
                let log = try SweepLog.parse(text, options: SweepLog.Options(file: file, strict: true))
                guard !log.space.isEmpty else {
                    throw CARBSError.data(Diagnostic(file: file, line: nil, message: "no parameter declarations"))
                }
                return log.space
            }
        }
        let node: Any?
        do {
            node = try Yams.load(yaml: text)
        } catch {
            throw CARBSError.data(Diagnostic(file: file, line: nil, message: "not JSON lines, JSON or YAML: \(error)"))
        }
        var space = Space()
        func declare(_ o: [String: JSONValue], _ where_: String) throws(CARBSError) {
            do {
                space.declare(try Parameter(declaration: o))
            } catch {
                throw CARBSError.data(Diagnostic(file: file, line: nil, message: "\(where_): \(error.message)"))
            }
        }
        switch node.map(jsonValue) {
        case .some(.object(let o)) where o["parameters"] != nil || o["param"] == nil:
            let body = o["parameters"]?.objectValue ?? o
            for name in orderedKeys(text, body) {
                guard var decl = body[name]?.objectValue else {
                    throw CARBSError.data(Diagnostic(file: file, line: nil, message: "'\(name)' must be a mapping like {space: log, min: 1e-5, max: 1e-1}"))
                }
                decl["param"] = .string(name)
                try declare(decl, name)
            }
        case .some(.object(let o)):
            try declare(o, "declaration")
        case .some(.array(let a)):
            for (i, v) in a.enumerated() {
                guard let o = v.objectValue else {
                    throw CARBSError.data(Diagnostic(file: file, line: nil, message: "item \(i + 1) must be a declaration object"))
                }
                try declare(o, "item \(i + 1)")
            }
        default:
            throw CARBSError.data(Diagnostic(file: file, line: nil, message: "expected parameter declarations"))
        }
        guard !space.isEmpty else { throw CARBSError.data(Diagnostic(file: file, line: nil, message: "no parameter declarations")) }
        return space
    }

    /// Keys of a mapping in the order they appear in the file (YAML/JSON mappings are unordered once loaded).
    static func orderedKeys(_ text: String, _ o: [String: JSONValue]) -> [String] {
        func position(_ k: String) -> Int {
            for pattern in ["\"\(k)\"", "\n\(k):", "\n  \(k):", "\(k):"] {
                if let r = text.range(of: pattern) { return text.distance(from: text.startIndex, to: r.lowerBound) }
            }
            return Int.max
        }
        return o.keys.sorted { (position($0), $0) < (position($1), $1) }
    }

    static func jsonValue(_ any: Any) -> JSONValue {
        switch any {
        case let b as Bool: return .bool(b)
        case let i as Int: return .number(Double(i))
        case let d as Double: return .number(d)
        case let s as String: return .string(s)
        case let a as [Any]: return .array(a.map(jsonValue))
        case let m as [String: Any]: return .object(m.mapValues(jsonValue))
        case let m as [AnyHashable: Any]:
            var o: [String: JSONValue] = [:]
            for (k, v) in m { o["\(k)"] = jsonValue(v) }
            return .object(o)
        default: return .null
        }
    }
}
