#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Yams

/// Opening and reading inputs for the tools.
public enum Input {
    /// Reads the log named by `path` (nil or "-" = standard input), printing each skipped line's diagnostic to
    /// standard error. Throws `CARBSError` (66 for a missing file or empty input, 65 in strict mode).
    public static func readLog(_ path: String?, common: CommonOptions, requireSpace: Bool) throws(CARBSError) -> SweepLog {
        let spaceOverride: Space? = try common.space.map { p throws(CARBSError) in try SpaceFile.load(p) }
        let name = (path == nil || path == "-") ? "<stdin>" : (path ?? "-")
        let fd = try open(path)
        defer { if fd != 0 { close(fd) } }
        let options = SweepLog.Options(file: name, strict: common.strict, objective: common.objectiveOverrides, space: spaceOverride)
        let log = try SweepLog.read(fileDescriptor: fd, options: options)
        for d in log.diagnostics { Output.warn(d.description) }
        if requireSpace, log.space.isEmpty {
            throw CARBSError.data(Diagnostic(file: name, line: nil,
                message: "no parameters declared (start the log with carbs-space, or give --space FILE)"))
        }
        return log
    }

    /// A problem with one line: a warning on standard error, or with `--strict` a data error (exit 65).
    public static func problem(_ d: Diagnostic, strict: Bool) throws(CARBSError) {
        if strict { throw CARBSError.data(d) }
        Output.warn(d.description)
    }

    /// Reports runs the models cannot use (their parameter values do not fit the space): a warning each, or with
    /// `--strict` the first one as a data error (exit 65).
    public static func reportUnusable(_ skipped: [(line: Int, reason: String)], file: String?, strict: Bool) throws(CARBSError) {
        let name = (file == nil || file == "-") ? "<stdin>" : (file ?? "-")
        for s in skipped {
            try problem(Diagnostic(file: name, line: s.line, message: "\(s.reason); run not used"), strict: strict)
        }
    }

    /// Opens a file for reading (nil or "-" = standard input, descriptor 0).
    public static func open(_ path: String?) throws(CARBSError) -> Int32 {
        guard let path, path != "-" else { return 0 }
        let fd = Glibc.open(path, O_RDONLY)
        if fd < 0 {
            let reason = String(cString: strerror(errno))
            if errno == ENOENT || errno == EACCES || errno == EISDIR {
                throw CARBSError.noInput("\(path): \(reason)")
            }
            throw CARBSError.io("\(path): \(reason)")
        }
        var st = stat()
        if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw CARBSError.noInput("\(path): is a directory")
        }
        return fd
    }

    /// Reads a whole (small) file as text.
    public static func readText(_ path: String?) throws(CARBSError) -> String {
        let fd = try open(path)
        defer { if fd != 0 { close(fd) } }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, 1 << 16) }
            if n > 0 { bytes.append(contentsOf: chunk[0..<n]); continue }
            if n == 0 { break }
            if errno == EINTR { continue }
            throw CARBSError.io("\(path ?? "<stdin>"): \(String(cString: strerror(errno)))")
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Space files for `--space FILE` and `carbs-space --file FILE`: JSON lines of declarations (a log works too), a
/// JSON or YAML mapping `name: {space: log, min: …, max: …}`, or a list of declarations.
public enum SpaceFile {
    public static func load(_ path: String) throws(CARBSError) -> Space {
        let text = try Input.readText(path)
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
