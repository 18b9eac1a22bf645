#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CARBSCore
import ArgumentParser
import Yams

/// The formats `--file` reads besides carbs's own (`--from`): detected when not given.
public enum SpaceFormat: String, CaseIterable, Sendable, ExpressibleByArgument {
    /// carbs declarations: JSON lines, or a JSON/YAML mapping or list of them.
    case carbs
    /// A W&B sweep configuration (`parameters:` with `distribution`, `metric:`).
    case wandb
    /// An mle-toolbox experiment file (`param_search_args`).
    case mleToolbox = "mle-toolbox"
}

/// Space files for `--space FILE` and `carbs-space --file FILE`: JSON lines of declarations (a log works too), a
/// JSON or YAML mapping `name: {space: log, min: …, max: …}`, a list of declarations, a W&B sweep configuration or an
/// mle-toolbox experiment file (detected: `param_search_args` is mle-toolbox; a sweep's own top-level keys such as
/// `method`/`metric`/`program`, or `parameters` whose entries have no `space`, are W&B).
public enum SpaceFile {
    /// What a space file says: the space and, for W&B and mle-toolbox files, the objective.
    public struct Contents: Sendable {
        public var space: Space
        public var scoreKey: String?
        public var maximize: Bool?
        public var format: SpaceFormat
    }

    public static func load(_ path: String) throws(CARBSError) -> Space {
        try read(path, format: nil).space
    }

    public static func read(_ path: String, format: SpaceFormat?) throws(CARBSError) -> Contents {
        let text = try Files.readText(path)
        return try parse(text, file: Files.displayName(path), format: format)
    }

    public static func parse(_ text: String, file: String) throws(CARBSError) -> Space {
        try parse(text, file: file, format: nil).space
    }

    public static func parse(_ text: String, file: String, format: SpaceFormat?) throws(CARBSError) -> Contents {
        // JSON lines first: every non-blank line an object.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let nonBlank = lines.enumerated().filter { !$0.element.allSatisfy(\.isWhitespace) }
        if nonBlank.isEmpty {
            throw CARBSError.data(Diagnostic(file: file, line: nil, message: "empty; expected parameter declarations"))
        }
        if format == nil || format == .carbs,
           nonBlank.count > 1 || (nonBlank.first.map { $0.element.hasPrefix("{\"param\"") } ?? false) {
            let looksJSONL = nonBlank.allSatisfy { $0.element.trimmingCharacters(in: .whitespaces).hasPrefix("{") }
            if looksJSONL {
                let log = try SweepLog.parse(text, options: SweepLog.Options(file: file, strict: true))
                guard !log.space.isEmpty else {
                    throw CARBSError.data(Diagnostic(file: file, line: nil, message: "no parameter declarations"))
                }
                return Contents(space: log.space, format: .carbs)
            }
        }
        let tree: YAMLTree
        do {
            tree = try YAMLTree(text)
        } catch let e as YAMLTree.Refusal {
            throw CARBSError.data(Diagnostic(file: file, line: nil, message: e.message))
        } catch {
            throw CARBSError.data(Diagnostic(file: file, line: nil, message: "not JSON lines, JSON or YAML: \(error)"))
        }
        let detected: SpaceFormat
        if let format {
            detected = format
        } else if let root = tree.value, MLEToolbox.looksLike(root) {
            detected = .mleToolbox
        } else if let root = tree.value, WandbSweep.looksLike(root) {
            detected = .wandb
        } else {
            detected = .carbs
        }
        if detected != .carbs {
            let foreign: ForeignSpace
            do {
                let root = tree.value ?? .null
                foreign = detected == .wandb
                    ? try WandbSweep.read(root, layout: tree.layout)
                    : try MLEToolbox.read(root, layout: tree.layout)
            } catch {
                throw CARBSError.data(Diagnostic(file: file, line: tree.line(at: error.path), message: error.message))
            }
            var space = Space()
            for p in foreign.parameters { space.declare(p) }
            return Contents(space: space, scoreKey: foreign.scoreKey, maximize: foreign.maximize, format: detected)
        }
        return Contents(space: try parseCarbs(tree, file: file), format: .carbs)
    }

    static func parseCarbs(_ tree: YAMLTree, file: String) throws(CARBSError) -> Space {
        var space = Space()
        func declare(_ o: [String: JSONValue], _ where_: String) throws(CARBSError) {
            do {
                space.declare(try Parameter(declaration: o))
            } catch {
                throw CARBSError.data(Diagnostic(file: file, line: nil, message: "\(where_): \(error.message)"))
            }
        }
        switch tree.value {
        case .some(.object(let o)) where o["parameters"] != nil || o["param"] == nil:
            let body = o["parameters"]?.objectValue ?? o
            for name in tree.keyOrder(o["parameters"] != nil ? "parameters" : nil) where body[name] != nil {
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

}

/// A YAML (or JSON) document read into JSON values without trusting it: mapping keys must be plain scalars (a
/// complex key such as `? [a, b]` is refused), nesting is bounded before the parser sees the text (a 100,000-deep
/// document would overflow the stack), and aliases are expanded against a budget of nodes (a "billion laughs"
/// document is refused instead of filling the memory). Mapping keys keep the order of the file.
struct YAMLTree {
    /// The deepest nesting accepted: far more than any space file needs.
    static let maxDepth = 64
    /// The most nodes, aliases expanded, a document may hold.
    static let maxNodes = 100_000

    struct Refusal: Error {
        var message: String
    }

    let root: Node?
    let value: JSONValue?

    init(_ text: String) throws {
        let depth = Self.nestingBound(text)
        if depth > Self.maxDepth {
            throw Refusal(message: "nested more than \(Self.maxDepth) levels deep; not a space file")
        }
        root = try Yams.compose(yaml: text)
        var budget = Self.maxNodes
        value = try root.map { node in try Self.convert(node, budget: &budget) }
    }

    /// The key order of every mapping reached through mappings, and the paths of integer-tagged scalars.
    var layout: TreeLayout {
        var order: [[String]: [String]] = [:]
        var integers = Set<[String]>()
        var budget = Self.maxNodes
        func walk(_ node: Node, _ path: [String]) {
            budget -= 1
            guard budget >= 0 else { return }
            switch node {
            case .mapping(let m):
                var keys: [String] = []
                for (k, v) in m {
                    guard let key = k.string else { continue }
                    keys.append(key)
                    walk(v, path + [key])
                }
                order[path] = keys
            case .scalar:
                if Tag.Name(rawValue: node.tag.description) == .int { integers.insert(path) }
            case .sequence:
                break
            }
        }
        if let root { walk(root, []) }
        return TreeLayout(keyOrder: order, integerScalars: integers)
    }

    /// The line of the deepest key of `path` found in the document (1-based), nil without one.
    func line(at path: [String]) -> Int? {
        guard var node = root else { return nil }
        var line: Int? = nil
        for key in path {
            guard case .mapping(let m) = node, let pair = m.first(where: { $0.key.string == key }) else { break }
            line = pair.key.mark?.line ?? line
            node = pair.value
        }
        return line
    }

    /// The keys of the top-level mapping (or of its `key` member), in the order of the file.
    func keyOrder(_ key: String?) -> [String] {
        guard case .mapping(let top)? = root else { return [] }
        var mapping = top
        if let key {
            guard let inner = top.first(where: { $0.key.string == key })?.value, case .mapping(let m) = inner else { return [] }
            mapping = m
        }
        var seen = Set<String>()
        return mapping.compactMap { $0.key.string }.filter { seen.insert($0).inserted }
    }

    /// An upper bound of the nesting depth: indentation columns plus block indicators (`- `, `? `) at the start
    /// of each line, plus open flow brackets. Over-counting only refuses absurd files, never accepts a deep one.
    static func nestingBound(_ text: String) -> Int {
        var deepest = 0, flow = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var level = 0
            var atStart = true
            var previous: Character = " "
            for c in line {
                if atStart {
                    if c == " " || c == "\t" { level += 1 } else if c == "-" || c == "?" { level += 1 } else { atStart = false }
                }
                if c == "[" || c == "{" {
                    flow += 1
                    deepest = max(deepest, level + flow)
                }
                if c == "]" || c == "}" { flow = max(0, flow - 1) }
                if c == "#" && (previous == " " || previous == "\t") { break }
                previous = c
            }
            deepest = max(deepest, level + flow)
        }
        return deepest
    }

    static func convert(_ node: Node, budget: inout Int) throws -> JSONValue {
        budget -= 1
        if budget < 0 { throw Refusal(message: "more than \(maxNodes) values once aliases are expanded; not a space file") }
        switch node {
        case .scalar:
            switch Tag.Name(rawValue: node.tag.description) {
            case .null: return .null
            case .bool: return node.bool.map(JSONValue.bool) ?? .string(node.string ?? "")
            case .int: return node.int.map { .number(Double($0)) } ?? node.float.map(JSONValue.number) ?? .string(node.string ?? "")
            case .float: return node.float.map(JSONValue.number) ?? .string(node.string ?? "")
            default: return .string(node.string ?? "")
            }
        case .sequence(let items):
            var out: [JSONValue] = []
            for item in items { out.append(try convert(item, budget: &budget)) }
            return .array(out)
        case .mapping(let pairs):
            var out: [String: JSONValue] = [:]
            for (k, v) in pairs {
                guard case .scalar = k, let key = k.string else {
                    throw Refusal(message: "a mapping key is a list or a mapping; not a space file")
                }
                out[key] = try convert(v, budget: &budget)
            }
            return .object(out)
        }
    }
}
