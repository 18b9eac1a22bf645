/// An ordered set of parameters. Declaring a parameter again replaces the earlier declaration in place; that is how
/// a space evolves during a sweep.
public struct Space: Sendable, Equatable {
    public private(set) var parameters: [Parameter] = []

    public init(_ parameters: [Parameter] = []) {
        for p in parameters { declare(p) }
    }

    public mutating func declare(_ p: Parameter) {
        if let i = parameters.firstIndex(where: { $0.name == p.name }) {
            parameters[i] = p
        } else {
            parameters.append(p)
        }
    }

    public var isEmpty: Bool { parameters.isEmpty }
    public var names: [String] { parameters.map(\.name) }
    public subscript(name: String) -> Parameter? { parameters.first { $0.name == name } }

    /// Parameters that are searched (everything but `fixed` and single-valued choices).
    public var searched: [Parameter] { parameters.filter { $0.encodedWidth > 0 } }

    /// Width of the model input (unit-cube coordinates; one-hot columns for choices).
    public var encodedDimension: Int { parameters.reduce(0) { $0 + $1.encodedWidth } }

    /// Column names of the model input: `lr`, `opt=adam`, `opt=lion`, …
    public var encodedNames: [String] {
        parameters.flatMap { p -> [String] in
            switch p.encodedWidth {
            case 0: return []
            case 1 where p.isNumeric: return [p.name]
            default: return p.values.map { "\(p.name)=\($0.stringValue ?? $0.json)" }
            }
        }
    }

    /// Encodes parameter values into the model's unit-cube input. A parameter missing from `params` takes its
    /// center (a parameter added after the run); unknown keys are ignored (a parameter since removed). Values out
    /// of bounds map outside [0, 1]. Returns nil with a reason when a value cannot be encoded at all.
    public func encode(_ params: [String: JSONValue]) -> Result<[Double], SpaceError> {
        var out: [Double] = []
        out.reserveCapacity(encodedDimension)
        for p in parameters where p.encodedWidth > 0 {
            let v = params[p.name] ?? p.centerValue
            if p.isNumeric {
                guard let d = v.doubleValue else { return .failure(SpaceError("parameter '\(p.name)' must be a number, got \(v.typeName)")) }
                guard let u = p.unit(d) else {
                    return .failure(SpaceError("parameter '\(p.name)' = \(v.json) is outside the domain of its \(p.type.rawValue) space"))
                }
                out.append(u)
            } else {
                guard let k = p.choiceIndex(of: v) else {
                    return .failure(SpaceError("parameter '\(p.name)' = \(v.json) is not one of its values"))
                }
                for j in 0..<p.values.count { out.append(j == k ? 1 : 0) }
            }
        }
        return .success(out)
    }

    /// Decodes a model input back to parameter values (clamped into bounds, integers rounded, choices by the largest
    /// one-hot coordinate), in declaration order, fixed parameters included.
    public func decode(_ x: [Double]) -> [(String, JSONValue)] {
        var out: [(String, JSONValue)] = []
        var i = 0
        for p in parameters {
            switch p.type {
            case .linear, .log, .logit:
                out.append((p.name, .number(p.value(unit: i < x.count ? x[i] : 0.5))))
                i += 1
            case .choice:
                let w = p.encodedWidth
                var best = p.centerIndex
                if w > 0 {
                    var bestValue = -Double.infinity
                    for j in 0..<w where i + j < x.count && x[i + j] > bestValue {
                        bestValue = x[i + j]
                        best = j
                    }
                }
                out.append((p.name, p.values.indices.contains(best) ? p.values[best] : .null))
                i += w
            case .fixed:
                out.append((p.name, p.value))
            }
        }
        return out
    }

    /// Parameter values from one coordinate in [0, 1) per parameter (fixed parameters take no coordinate; a choice
    /// takes one, split into equal cells). Used by the samplers.
    public func values(fromCoordinates c: [Double]) -> [(String, JSONValue)] {
        var out: [(String, JSONValue)] = []
        var i = 0
        for p in parameters {
            switch p.type {
            case .fixed:
                out.append((p.name, p.value))
            case .choice:
                let u = i < c.count ? c[i] : 0
                let k = Swift.min(p.values.count - 1, Swift.max(0, Int(u * Double(p.values.count))))
                out.append((p.name, p.values[k]))
                i += 1
            default:
                out.append((p.name, .number(p.value(unit: i < c.count ? c[i] : 0.5))))
                i += 1
            }
        }
        return out
    }

    /// Number of sampler coordinates (one per non-fixed parameter).
    public var coordinateCount: Int { parameters.filter { $0.type != .fixed }.count }

    /// The search center as parameter values.
    public var center: [(String, JSONValue)] { parameters.map { ($0.name, $0.centerValue) } }

    /// Checks a run's parameters against the space; every problem found.
    public func problems(with params: [String: JSONValue]) -> [String] {
        var out: [String] = []
        for p in parameters {
            if let v = params[p.name] {
                if let m = p.problem(with: v) { out.append(m) }
            } else if p.type != .fixed {
                out.append("parameter '\(p.name)' is missing")
            }
        }
        for k in params.keys.sorted() where self[k] == nil {
            out.append("unknown parameter '\(k)'")
        }
        return out
    }
}
