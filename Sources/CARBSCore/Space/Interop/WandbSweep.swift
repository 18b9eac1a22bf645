#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// W&B sweep configurations, both ways.
///
/// Reading (`parameters:` of a sweep, `metric: {name, goal}`):
///
///     uniform                  min, max            → linear
///     int_uniform              min, max (integers) → linear, integer
///     q_uniform                min, max, q (1)     → linear, step q
///     log_uniform_values       min, max            → log
///     q_log_uniform_values     min, max, q (1)     → log, step q
///     log_uniform              min, max (ln)       → log from e^min to e^max (the same distribution)
///     q_log_uniform            min, max (ln), q    → log from e^min to e^max, step q
///     categorical              values              → choice
///     constant                 value               → fixed
///     (nested)                 parameters          → each inner parameter, named OUTER.INNER
///
/// Without `distribution`, W&B's inference: `values` → categorical, `value` → constant, `min`/`max` both written
/// as integers → int_uniform, otherwise uniform. Unbounded or weighted distributions (`normal`, `q_normal`,
/// `log_normal`, `q_log_normal`, `beta`, `q_beta`, `inv_log_uniform`, `inv_log_uniform_values`,
/// `categorical_w_probabilities`) have no carbs space and are refused, naming the parameter. The metric is the
/// score key; W&B's goal defaults to minimize. A quantized distribution keeps its values inside [min, max] here
/// (W&B's rounding can step just outside bounds that are not multiples of q).
///
/// Writing: the reverse, with `method: bayes` when there is a metric (W&B's Bayesian search needs one) and
/// `random` otherwise. W&B has no log base (log2 is written as the same log-uniform distribution and comes back
/// as log), no logit distribution (written as `uniform` over the same bounds, with a warning), and no center,
/// scale or cost flag (left out, with a warning when they were given explicitly).
public enum WandbSweep {
    /// Top-level keys of a sweep that a carbs space file never has.
    static let sweepKeys: Set<String> = ["method", "metric", "metrics", "program", "command", "early_terminate", "run_cap", "entity", "project"]

    /// Whether `root` reads as a W&B sweep: it has one of the sweep's own top-level keys (whose value is not a
    /// carbs declaration: a carbs parameter may be called `method`), or `parameters` whose entries declare no
    /// carbs `space`.
    public static func looksLike(_ root: JSONValue) -> Bool {
        guard let o = root.objectValue else { return false }
        if o.contains(where: { sweepKeys.contains($0.key) && !isDeclaration($0.value) }) { return true }
        guard let ps = o["parameters"]?.objectValue, !ps.isEmpty else { return false }
        return ps.values.allSatisfy { $0.objectValue.map { $0["space"] == nil } ?? false }
    }

    /// A carbs declaration's body: a mapping with `space`.
    static func isDeclaration(_ v: JSONValue) -> Bool { v.objectValue?["space"] != nil }

    // MARK: Reading

    public static func read(_ root: JSONValue, layout: TreeLayout = TreeLayout()) throws(InteropError) -> ForeignSpace {
        guard let top = root.objectValue else { throw InteropError(path: [], "a W&B sweep must be a mapping with 'parameters'") }
        var out = ForeignSpace()
        if top["metrics"] != nil {
            throw InteropError(path: ["metrics"], "'metrics' (several objectives) has no carbs objective: give one 'metric: {name, goal}'")
        }
        if let m = top["metric"] {
            guard let mo = m.objectValue, let name = mo["name"]?.stringValue, !name.isEmpty else {
                throw InteropError(path: ["metric"], "'metric' must be a mapping with a 'name' (and a 'goal')")
            }
            out.scoreKey = name
            switch mo["goal"] {
            case nil: out.maximize = false   // W&B's default goal
            case .string("maximize")?: out.maximize = true
            case .string("minimize")?: out.maximize = false
            case let g?: throw InteropError(path: ["metric", "goal"], "metric goal must be maximize or minimize, got \(Interop.describe(g))")
            }
        }
        guard let ps = top["parameters"] else { throw InteropError(path: [], "a W&B sweep needs 'parameters'") }
        try readParameters(ps, path: ["parameters"], prefix: "", layout: layout, into: &out.parameters)
        guard !out.parameters.isEmpty else { throw InteropError(path: ["parameters"], "'parameters' declares nothing") }
        return out
    }

    static func readParameters(_ v: JSONValue, path: [String], prefix: String, layout: TreeLayout,
                               into out: inout [Parameter]) throws(InteropError) {
        guard let ps = v.objectValue else {
            throw InteropError(path: path, "'\(path.last ?? "parameters")' must be a mapping of parameter names")
        }
        for key in layout.keys(path, of: ps) {
            guard let entry = ps[key] else { continue }
            let name = prefix + key
            let at = path + [key]
            guard let o = entry.objectValue else {
                throw InteropError(path: at, "parameter '\(name)': must be a mapping such as {min: 0, max: 1} or {values: [a, b]}")
            }
            if let inner = o["parameters"] {
                if let extra = o.keys.sorted().first(where: { $0 != "parameters" }) {
                    throw InteropError(path: at + [extra], "parameter '\(name)': nested 'parameters' cannot have '\(extra)' beside them")
                }
                try readParameters(inner, path: at + ["parameters"], prefix: name + ".", layout: layout, into: &out)
                continue
            }
            out.append(try parameter(name, o, at: at, layout: layout))
        }
    }

    /// Distributions that W&B has and carbs cannot express, with the reason.
    static let refused: [String: String] = [
        "normal": "unbounded", "q_normal": "unbounded", "log_normal": "unbounded", "q_log_normal": "unbounded",
        "beta": "not uniform on its range", "q_beta": "not uniform on its range",
        "inv_log_uniform": "not uniform on its range", "inv_log_uniform_values": "not uniform on its range",
        "categorical_w_probabilities": "weighted (carbs choices have no probabilities)",
    ]

    static func parameter(_ name: String, _ o: [String: JSONValue], at path: [String], layout: TreeLayout) throws(InteropError) -> Parameter {
        let distribution: String
        if let d = o["distribution"] {
            guard let s = d.stringValue else {
                throw InteropError(path: path + ["distribution"], "parameter '\(name)': 'distribution' must be a name, got \(Interop.describe(d))")
            }
            distribution = s
        } else if o["values"] != nil {
            distribution = "categorical"
        } else if o["value"] != nil {
            distribution = "constant"
        } else if let lo = o["min"], let hi = o["max"] {
            let ints = Interop.number(lo).map { layout.isInteger(path + ["min"], $0) } == true
                && Interop.number(hi).map { layout.isInteger(path + ["max"], $0) } == true
            distribution = ints ? "int_uniform" : "uniform"
        } else {
            throw InteropError(path: path, "parameter '\(name)': no 'distribution', and no 'values', 'value' or 'min' and 'max' to infer one from")
        }
        if let why = refused[distribution] {
            throw InteropError(path: path + ["distribution"], "parameter '\(name)': distribution '\(distribution)' has no carbs space (\(why); carbs spaces are bounded and uniform in linear, log or logit units)")
        }
        let allowed: Set<String>
        switch distribution {
        case "categorical": allowed = ["values", "distribution"]
        case "constant": allowed = ["value", "distribution"]
        case "uniform", "int_uniform", "log_uniform_values", "log_uniform": allowed = ["min", "max", "distribution"]
        case "q_uniform", "q_log_uniform_values", "q_log_uniform": allowed = ["min", "max", "q", "distribution"]
        default:
            throw InteropError(path: path + ["distribution"], "parameter '\(name)': unknown distribution '\(distribution)'")
        }
        if let extra = o.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw InteropError(path: path + [extra], "parameter '\(name)': '\(extra)' does not belong to distribution '\(distribution)' (it takes \(allowed.sorted().joined(separator: ", ")))")
        }

        func bound(_ key: String) throws(InteropError) -> Double {
            guard let v = o[key] else { throw InteropError(path: path, "parameter '\(name)': distribution '\(distribution)' needs '\(key)'") }
            guard let d = Interop.number(v) else {
                throw InteropError(path: path + [key], "parameter '\(name)': '\(key)' must be a finite number, got \(Interop.describe(v))")
            }
            return d
        }
        func q() throws(InteropError) -> Double {
            guard let v = o["q"] else { return 1 }
            guard let d = Interop.number(v), d > 0 else {
                throw InteropError(path: path + ["q"], "parameter '\(name)': 'q' must be a positive number, got \(Interop.describe(v))")
            }
            return d
        }
        func stepped(_ d: inout [String: JSONValue], _ step: Double) {
            if step == 1 { d["integer"] = .bool(true) } else { d["step"] = .number(step) }
        }
        func natural(_ key: String) throws(InteropError) -> Double {
            let e = exp(try bound(key))
            guard e.isFinite, e > 0 else {
                throw InteropError(path: path + [key], "parameter '\(name)': e^\(key) is not a positive finite number")
            }
            return Self.tidy(e)
        }

        var d: [String: JSONValue] = ["param": .string(name)]
        switch distribution {
        case "categorical":
            guard let vs = o["values"]?.arrayValue else {
                throw InteropError(path: path + ["values"], "parameter '\(name)': 'values' must be a list")
            }
            d["space"] = "choice"
            d["values"] = .array(vs)
        case "constant":
            d["space"] = "fixed"
            d["value"] = o["value"] ?? .null
        case "uniform":
            d["space"] = "linear"
            d["min"] = .number(try bound("min"))
            d["max"] = .number(try bound("max"))
        case "int_uniform":
            d["space"] = "linear"
            for key in ["min", "max"] {
                let b = try bound(key)
                guard b == b.rounded() else {
                    throw InteropError(path: path + [key], "parameter '\(name)': int_uniform needs integer bounds, got \(key) \(JSONWriter.format(b))")
                }
                d[key] = .number(b)
            }
            d["integer"] = .bool(true)
        case "q_uniform":
            d["space"] = "linear"
            d["min"] = .number(try bound("min"))
            d["max"] = .number(try bound("max"))
            stepped(&d, try q())
        case "log_uniform_values":
            d["space"] = "log"
            d["min"] = .number(try bound("min"))
            d["max"] = .number(try bound("max"))
        case "q_log_uniform_values":
            d["space"] = "log"
            d["min"] = .number(try bound("min"))
            d["max"] = .number(try bound("max"))
            stepped(&d, try q())
        case "log_uniform":
            d["space"] = "log"
            d["min"] = .number(try natural("min"))
            d["max"] = .number(try natural("max"))
        default:   // q_log_uniform
            d["space"] = "log"
            d["min"] = .number(try natural("min"))
            d["max"] = .number(try natural("max"))
            stepped(&d, try q())
        }
        return try Interop.declare(d, at: path)
    }

    /// `x` rounded to 12 significant digits when that moves it by at most 1e-12 of itself: e^ln(1e-4) is
    /// 1.0000000000000009e-4 in doubles, and the bound meant is 1e-4.
    static func tidy(_ x: Double) -> Double {
        guard x.isFinite, x > 0 else { return x }
        let e = log10(x).rounded(.down)
        let digits = 11 - e
        guard abs(digits) < 300 else { return x }
        let scale = pow(10, abs(digits))
        let r = digits >= 0 ? (x * scale).rounded() / scale : (x / scale).rounded() * scale
        return r.isFinite && abs(r - x) <= 1e-12 * x ? r : x
    }

    // MARK: Writing

    /// W&B's rule for parameter names.
    public static func isValidName(_ s: String) -> Bool {
        guard let f = s.unicodeScalars.first, (f >= "a" && f <= "z") || (f >= "A" && f <= "Z") || f == "_" else { return false }
        return s.unicodeScalars.allSatisfy { u in
            (u >= "a" && u <= "z") || (u >= "A" && u <= "Z") || (u >= "0" && u <= "9") || u == "_" || u == "." || u == "-"
        }
    }

    /// The sweep configuration of `space` as YAML, with a warning for each thing W&B cannot say.
    public static func write(_ space: Space, scoreKey: String?, maximize: Bool, program: String?) throws(InteropError) -> (yaml: String, warnings: [String]) {
        var warnings: [String] = []
        var entries: [YAMLText.Entry] = [.comment("W&B sweep configuration written by carbs-space: `wandb sweep FILE` creates the sweep.")]
        if let program {
            entries.append(.value("program", .string(program)))
        } else {
            entries.append(.comment("program: train.py    (the training script W&B agents run: carbs-space --to wandb --program FILE)"))
        }
        entries.append(.value("method", .string(scoreKey == nil ? "random" : "bayes")))
        if let scoreKey {
            entries.append(.mapping("metric", [.value("name", .string(scoreKey)), .value("goal", .string(maximize ? "maximize" : "minimize"))]))
        }
        var params: [YAMLText.Entry] = []
        for p in space.parameters {
            params.append(.mapping(p.name, try Self.entries(for: p, warnings: &warnings)))
        }
        guard !params.isEmpty else { throw InteropError(path: [], "the space declares no parameter") }
        entries.append(.mapping("parameters", params))
        return (YAMLText.document(entries), warnings)
    }

    static func entries(for p: Parameter, warnings: inout [String]) throws(InteropError) -> [YAMLText.Entry] {
        guard isValidName(p.name) else {
            throw InteropError(path: [p.name], "parameter '\(p.name)': W&B parameter names must start with a letter or '_' and hold only letters, digits, '_', '.' and '-'")
        }
        var dropped: [String] = []
        if p.isNumeric {
            if p.explicitCenter { dropped.append("center") }
            if p.explicitScale { dropped.append("scale") }
            if p.drivesCost { dropped.append("cost") }
        } else if p.type == .choice {
            if p.explicitCenter { dropped.append("center") }
            if p.explicitScale { dropped.append("scale") }
        }
        if !dropped.isEmpty {
            warnings.append("parameter '\(p.name)': W&B has no \(dropped.joined(separator: ", ")); left out")
        }
        func integer(_ key: String, _ v: Double) throws(InteropError) -> YAMLText.Entry {
            guard abs(v) < 0x1p53 else {
                throw InteropError(path: [p.name], "parameter '\(p.name)': \(key) \(JSONWriter.format(v)) is too large for an exact W&B integer")
            }
            return .integer(key, Int64(v))
        }
        /// The first and last multiples of the step inside the bounds: W&B's quantized draws round to multiples
        /// of q, so bounds that are multiples keep its values inside them.
        func snapped() -> (Double, Double) {
            (p.multiple((p.min / p.step).rounded(.up)), p.multiple((p.max / p.step).rounded(.down)))
        }
        switch p.type {
        case .linear where !p.integer:
            return [.value("distribution", "uniform"), .value("min", .number(p.min)), .value("max", .number(p.max))]
        case .linear where p.step == 1:
            return [.value("distribution", "int_uniform"), try integer("min", p.min.rounded(.up)), try integer("max", p.max.rounded(.down))]
        case .linear:
            let (lo, hi) = snapped()
            return [.value("distribution", "q_uniform"), .value("min", .number(lo)), .value("max", .number(hi)), .value("q", .number(p.step))]
        case .log where !p.integer:
            return [.value("distribution", "log_uniform_values"), .value("min", .number(p.min)), .value("max", .number(p.max))]
        case .log:
            let (lo, hi) = snapped()
            return [.value("distribution", "q_log_uniform_values"), .value("min", .number(lo)), .value("max", .number(hi)), .value("q", .number(p.step))]
        case .logit:
            warnings.append("parameter '\(p.name)': W&B has no logit distribution; written as uniform over [\(JSONWriter.format(p.min)), \(JSONWriter.format(p.max))] (W&B samples it linearly, and reads back as a linear space)")
            return [.value("distribution", "uniform"), .value("min", .number(p.min)), .value("max", .number(p.max))]
        case .choice:
            return [.value("distribution", "categorical"), .value("values", .array(p.values))]
        case .fixed:
            return [.value("value", p.value)]
        }
    }
}
