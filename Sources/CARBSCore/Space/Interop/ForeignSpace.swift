/// A space read from another tool's configuration (a W&B sweep, an mle-toolbox experiment): the declarations in
/// the order of the file, and what the file says of the objective.
public struct ForeignSpace: Sendable, Equatable {
    public var parameters: [Parameter]
    /// The metric to optimize (the score key), when the file names one.
    public var scoreKey: String?
    /// Whether higher scores are better, when the file says (or its tool has a documented default).
    public var maximize: Bool?

    public init(parameters: [Parameter] = [], scoreKey: String? = nil, maximize: Bool? = nil) {
        self.parameters = parameters
        self.scoreKey = scoreKey
        self.maximize = maximize
    }
}

/// What a parsed document knows beyond its `JSONValue`: the order of each mapping's keys, and which scalars were
/// written as integers (YAML `1` and `1.0` are the same JSON number, but W&B infers `int_uniform` only from the
/// first). Paths are the keys from the root through mappings.
public struct TreeLayout: Sendable {
    public var keyOrder: [[String]: [String]]
    /// Paths of scalars written as integer literals; nil when unknown (then an integral number counts as one).
    public var integerScalars: Set<[String]>?

    public init(keyOrder: [[String]: [String]] = [:], integerScalars: Set<[String]>? = nil) {
        self.keyOrder = keyOrder
        self.integerScalars = integerScalars
    }

    /// The keys of the mapping `object` at `path`: in the file's order when known, otherwise sorted.
    public func keys(_ path: [String], of object: [String: JSONValue]) -> [String] {
        guard let order = keyOrder[path] else { return object.keys.sorted() }
        var seen = Set<String>()
        let ordered = order.filter { object[$0] != nil && seen.insert($0).inserted }
        return ordered + object.keys.sorted().filter { !seen.contains($0) }
    }

    /// Whether the number at `path` was written as an integer.
    func isInteger(_ path: [String], _ value: Double) -> Bool {
        guard value.isFinite, value == value.rounded() else { return false }
        guard let integerScalars else { return true }
        return integerScalars.contains(path)
    }
}

/// A problem of a foreign configuration, at the path of keys that leads to it (from which a reader with the
/// document's marks finds the line).
public struct InteropError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: [String]
    public var message: String
    public init(path: [String], _ message: String) {
        self.path = path
        self.message = message
    }
    public var description: String { message }
}

/// Reading numbers and declarations out of foreign trees.
enum Interop {
    /// A finite number, or a string that reads as one (PyYAML, which both tools use, reads `1e-5` as a string).
    static func number(_ v: JSONValue?) -> Double? {
        switch v {
        case .number(let d)?: return d.isFinite ? d : nil
        case .string(let s)?:
            let t = trim(s)
            guard let d = Double(t), d.isFinite, t.first.map({ $0.isNumber || "+-.".contains($0) }) == true else { return nil }
            return d
        default: return nil
        }
    }

    /// `Parameter(declaration:)`, its error placed at `path`.
    static func declare(_ o: [String: JSONValue], at path: [String]) throws(InteropError) -> Parameter {
        do {
            return try Parameter(declaration: o)
        } catch {
            throw InteropError(path: path, error.message)
        }
    }

    /// `s` without leading and trailing blanks (spaces and tabs).
    static func trim(_ s: String) -> String {
        var t = Substring(s)
        while let f = t.first, f == " " || f == "\t" { t = t.dropFirst() }
        while let l = t.last, l == " " || l == "\t" { t = t.dropLast() }
        return String(t)
    }

    /// A short description of a value for messages.
    static func describe(_ v: JSONValue) -> String {
        let s = v.json
        return s.count > 60 ? String(s.prefix(57)) + "..." : s
    }
}
