/// The compact command-line form of a declaration: `NAME=SPACE:ARGS[:OPTION…]`.
///
///     lr=log:1e-5:1e-1                 width=log:16:4096:int        batch=log2:8:512:int
///     x=linear:-5:10:center=0          gamma=logit:0.9:0.999        opt=choice:adam,lion
///     seed=fixed:42                    width=log:64:4096:int:step=8:scale=0.5
///
/// Options: `int` (integer), `step=S`, `center=C`, `scale=S`, `base=2`, `cost` (drives the cost: the initial design
/// keeps it cheap).
public enum CompactSpec {
    public static func parse(_ text: String) throws(SpaceError) -> Parameter {
        guard let eq = text.firstIndex(of: "=") else {
            throw SpaceError("'\(text)': expected NAME=SPACE:ARGS, e.g. lr=log:1e-5:1e-1")
        }
        let name = String(text[..<eq])
        guard !name.isEmpty else { throw SpaceError("'\(text)': missing parameter name before '='") }
        let fields = text[text.index(after: eq)...].split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard let kind = fields.first, !kind.isEmpty else { throw SpaceError("'\(text)': missing space type after '='") }
        var o: [String: JSONValue] = ["param": .string(name), "space": .string(kind)]

        func number(_ s: String, _ what: String) throws(SpaceError) -> Double {
            guard let d = Double(s), d.isFinite else { throw SpaceError("'\(text)': \(what) '\(s)' is not a number") }
            return d
        }
        func options(_ rest: ArraySlice<String>) throws(SpaceError) {
            for opt in rest {
                if opt == "int" || opt == "integer" { o["integer"] = .bool(true); continue }
                if opt == "cost" { o["cost"] = .bool(true); continue }
                guard let e = opt.firstIndex(of: "=") else { throw SpaceError("'\(text)': unknown option '\(opt)'") }
                let key = String(opt[..<e]), val = String(opt[opt.index(after: e)...])
                switch key {
                case "step", "scale", "base": o[key] = .number(try number(val, key))
                case "center": o[key] = kind == "choice" ? scalar(val) : .number(try number(val, key))
                default: throw SpaceError("'\(text)': unknown option '\(key)'")
                }
            }
        }

        switch kind {
        case "linear", "log", "log2", "pow2", "logit":
            guard fields.count >= 3 else { throw SpaceError("'\(text)': expected \(kind):MIN:MAX") }
            o["min"] = .number(try number(fields[1], "min"))
            o["max"] = .number(try number(fields[2], "max"))
            try options(fields.dropFirst(3))
        case "choice":
            guard fields.count >= 2, !fields[1].isEmpty else { throw SpaceError("'\(text)': expected choice:A,B,…") }
            o["values"] = .array(fields[1].split(separator: ",", omittingEmptySubsequences: false).map { scalar(String($0)) })
            try options(fields.dropFirst(2))
        case "fixed":
            guard fields.count >= 2 else { throw SpaceError("'\(text)': expected fixed:VALUE") }
            o["value"] = scalar(fields[1...].joined(separator: ":"))
        default:
            throw SpaceError("'\(text)': unknown space '\(kind)' (expected linear, log, log2, logit, choice or fixed)")
        }
        return try Parameter(declaration: o)
    }

    /// A bare word on the command line: a number, true/false/null, or else a string.
    public static func scalar(_ s: String) -> JSONValue {
        if s == "true" { return .bool(true) }
        if s == "false" { return .bool(false) }
        if s == "null" { return .null }
        if let d = Double(s), d.isFinite, s.first.map({ $0.isNumber || $0 == "-" || $0 == "." || $0 == "+" }) == true {
            return .number(d)
        }
        return .string(s)
    }
}
