/// mle-toolbox experiment files: the search space of `param_search_args` and its objective.
///
/// The space is `param_search_args.params_to_search` (older files) or `param_search_args.search_config.search_params`
/// (newer ones), with blocks
///
///     categorical:  NAME: [A, B, ...]                          → choice
///     real:         NAME: {begin, end, prior?, bins?}          → linear (log with prior log-uniform or log)
///     integer:      NAME: {begin, end, prior?, spacing?}       → linear, integer (log with a log prior)
///
/// as mle-toolbox itself reads them: for a `grid` search, a real's `bins` is the grid `linspace(begin, end, bins)`
/// and an integer's values are `arange(begin, end, spacing)`, both declared as the choice of exactly those values;
/// a `random` search draws integers from `arange(begin, end)` (end excluded), the model-based searches (`smbo`,
/// `nevergrad`) from begin to end included. A prior is kept whatever the search type (mle-toolbox's random search
/// ignores it, but it says what the author meant).
///
/// The objective: `maximize_objective` (older) or `search_logging.max_objective` (newer; mle-toolbox's default is
/// to maximize), and the metric `search_config.search_config.metric_to_model`, else `eval_metrics` (a name or the
/// first of a list), else `eval_score_type`.
public enum MLEToolbox {
    /// The most values a grid parameter may expand to.
    public static let maxGridValues = 100_000

    /// Whether `root` reads as an mle-toolbox experiment: it has `param_search_args` (and that is not a carbs
    /// parameter of that name).
    public static func looksLike(_ root: JSONValue) -> Bool {
        guard let v = root["param_search_args"] else { return false }
        return !WandbSweep.isDeclaration(v)
    }

    public static func read(_ root: JSONValue, layout: TreeLayout = TreeLayout()) throws(InteropError) -> ForeignSpace {
        guard let args = root["param_search_args"]?.objectValue else {
            throw InteropError(path: ["param_search_args"], "an mle-toolbox experiment needs a 'param_search_args' mapping")
        }
        let base = ["param_search_args"]
        let config = args["search_config"]?.objectValue
        let logging = args["search_logging"]?.objectValue
        let blockPath: [String]
        let block: JSONValue
        if let b = args["params_to_search"] {
            blockPath = base + ["params_to_search"]
            block = b
        } else if let b = config?["search_params"] {
            blockPath = base + ["search_config", "search_params"]
            block = b
        } else {
            throw InteropError(path: base, "param_search_args has no 'params_to_search' (or 'search_config: {search_params: ...}')")
        }
        let searchType = (args["search_type"] ?? config?["search_type"])?.stringValue
        var out = ForeignSpace()

        // The objective.
        let maxPath: [String]
        let maxValue: JSONValue?
        if let v = args["maximize_objective"] { (maxPath, maxValue) = (base + ["maximize_objective"], v) }
        else if let v = logging?["max_objective"] { (maxPath, maxValue) = (base + ["search_logging", "max_objective"], v) }
        else { (maxPath, maxValue) = (base, nil) }
        if let v = maxValue {
            guard let b = v.boolValue else { throw InteropError(path: maxPath, "'\(maxPath.last ?? "")' must be true or false, got \(Interop.describe(v))") }
            out.maximize = b
        } else {
            out.maximize = true   // mle-toolbox's default
        }
        let metricCandidates: [([String], JSONValue?)] = [
            (base + ["search_config", "search_config", "metric_to_model"], config?["search_config"]?["metric_to_model"]),
            (base + ["search_logging", "eval_metrics"], logging?["eval_metrics"]),
            (base + ["eval_metrics"], args["eval_metrics"]),
            (base + ["eval_score_type"], args["eval_score_type"]),
        ]
        for (path, v) in metricCandidates {
            guard let v else { continue }
            let name: String?
            switch v {
            case .string(let s): name = s
            case .array(let a): name = a.first?.stringValue
            default: name = nil
            }
            guard let name, !name.isEmpty else {
                throw InteropError(path: path, "'\(path.last ?? "")' must be a metric name (or a list of them), got \(Interop.describe(v))")
            }
            out.scoreKey = name
            break
        }

        guard let blocks = block.objectValue else {
            throw InteropError(path: blockPath, "'\(blockPath.last ?? "")' must be a mapping of categorical, real and integer parameters")
        }
        for kind in layout.keys(blockPath, of: blocks) {
            let kindPath = blockPath + [kind]
            guard ["categorical", "real", "integer"].contains(kind) else {
                throw InteropError(path: kindPath, "unknown parameter kind '\(kind)' (mle-toolbox has categorical, real and integer)")
            }
            guard let entries = blocks[kind]?.objectValue else {
                throw InteropError(path: kindPath, "'\(kind)' must be a mapping of parameter names")
            }
            for name in layout.keys(kindPath, of: entries) {
                guard let v = entries[name] else { continue }
                out.parameters.append(try parameter(name, kind: kind, v, at: kindPath + [name], searchType: searchType))
            }
        }
        guard !out.parameters.isEmpty else { throw InteropError(path: blockPath, "the experiment searches no parameter") }
        return out
    }

    static func parameter(_ name: String, kind: String, _ v: JSONValue, at path: [String], searchType: String?) throws(InteropError) -> Parameter {
        var d: [String: JSONValue] = ["param": .string(name)]
        if kind == "categorical" {
            guard let values = v.arrayValue else {
                throw InteropError(path: path, "parameter '\(name)': a categorical parameter is a list of its values")
            }
            d["space"] = "choice"
            d["values"] = .array(values)
            return try Interop.declare(d, at: path)
        }
        guard let o = v.objectValue else {
            throw InteropError(path: path, "parameter '\(name)': a \(kind) parameter is a mapping {begin, end, ...}")
        }
        let allowed: Set<String> = kind == "real" ? ["begin", "end", "prior", "bins"] : ["begin", "end", "prior", "spacing"]
        if let extra = o.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw InteropError(path: path + [extra], "parameter '\(name)': unknown key '\(extra)' for a \(kind) parameter (it takes \(allowed.sorted().joined(separator: ", ")))")
        }
        func number(_ key: String) throws(InteropError) -> Double {
            guard let x = o[key] else { throw InteropError(path: path, "parameter '\(name)': a \(kind) parameter needs '\(key)'") }
            guard let n = Interop.number(x) else {
                throw InteropError(path: path + [key], "parameter '\(name)': '\(key)' must be a finite number, got \(Interop.describe(x))")
            }
            if kind == "integer", n != n.rounded() {
                throw InteropError(path: path + [key], "parameter '\(name)': '\(key)' of an integer parameter must be an integer, got \(JSONWriter.format(n))")
            }
            return n
        }
        func count(_ key: String) throws(InteropError) -> Double? {
            guard o[key] != nil else { return nil }
            let n = try number(key)
            guard n >= 1, n == n.rounded() else {
                throw InteropError(path: path + [key], "parameter '\(name)': '\(key)' must be a positive integer, got \(JSONWriter.format(n))")
            }
            return n
        }
        let begin = try number("begin"), end = try number("end")
        guard (end - begin).isFinite else {
            throw InteropError(path: path, "parameter '\(name)': the range [\(JSONWriter.format(begin)), \(JSONWriter.format(end))] is too wide for a double")
        }
        var log = false
        if let prior = o["prior"] {
            switch prior.stringValue {
            case "uniform"?: log = false
            case "log-uniform"?, "log"?: log = true
            default:
                throw InteropError(path: path + ["prior"], "parameter '\(name)': prior must be uniform or log-uniform, got \(Interop.describe(prior))")
            }
        }
        let grid = searchType == "grid" || (searchType == nil && (o["bins"] != nil || o["spacing"] != nil))
        if kind == "real", grid, let bins = try count("bins") {
            guard bins <= Double(maxGridValues) else {
                throw InteropError(path: path + ["bins"], "parameter '\(name)': more than \(maxGridValues) bins")
            }
            // numpy's linspace: begin + i·(end − begin)/(bins − 1), the last value exactly end.
            let n = Int(bins)
            let values: [JSONValue] = (0..<n).map { i in
                if n == 1 { return .number(begin) }
                if i == n - 1 { return .number(end) }
                return .number(begin + Double(i) * ((end - begin) / Double(n - 1)))
            }
            return try choice(name, values, at: path)
        }
        if kind == "integer", grid {
            let spacing = try count("spacing") ?? 1
            guard end > begin else { throw InteropError(path: path, "parameter '\(name)': the grid arange(\(JSONWriter.format(begin)), \(JSONWriter.format(end))) is empty") }
            let n = ((end - begin) / spacing).rounded(.up)
            guard n <= Double(maxGridValues) else {
                throw InteropError(path: path, "parameter '\(name)': the grid has more than \(maxGridValues) values")
            }
            return try choice(name, (0..<Int(n)).map { .number(begin + Double($0) * spacing) }, at: path)
        }
        d["space"] = .string(log ? "log" : "linear")
        d["min"] = .number(begin)
        // mle-toolbox's random search draws integers from arange(begin, end): end is excluded.
        d["max"] = .number(kind == "integer" && searchType == "random" ? end - 1 : end)
        if kind == "integer" { d["integer"] = .bool(true) }
        return try Interop.declare(d, at: path)
    }

    static func choice(_ name: String, _ values: [JSONValue], at path: [String]) throws(InteropError) -> Parameter {
        try Interop.declare(["param": .string(name), "space": "choice", "values": .array(values)], at: path)
    }
}
