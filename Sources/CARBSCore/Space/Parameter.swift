#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How a parameter's values map onto the search.
public enum SpaceType: String, Sendable, CaseIterable, Codable {
    case linear, log, logit, choice, fixed
}

/// One declared hyperparameter: `{"param":"lr","space":"log","min":1e-5,"max":0.1,"center":0.001}`.
///
/// Numeric spaces (`linear`, `log`, `logit`) map a value v to a *transformed* coordinate t = T(v) (v, log_base v,
/// log10(v/(1−v))) and then to the unit interval u = (t − T(min)) / (T(max) − T(min)). The search and the models
/// work in u. `scale` is in transformed units (decades for log10, doublings for log2, log10-odds for logit, value
/// units for linear): one unit of search radius moves a parameter by `scale`.
public struct Parameter: Sendable, Equatable {
    public var name: String
    public var type: SpaceType
    public var min: Double = 0
    public var max: Double = 1
    public var base: Double = 10
    public var integer = false
    public var step: Double = 1
    /// Search center for numeric spaces (in value units).
    public var center: Double = 0
    /// Transformed units reached by one unit of search radius.
    public var scale: Double = 1
    /// Values of a `choice` parameter; `center` index is `centerIndex`.
    public var values: [JSONValue] = []
    public var centerIndex = 0
    /// The constant of a `fixed` parameter.
    public var value: JSONValue = .null
    /// Whether center/scale were given explicitly (kept so declarations round-trip as written).
    public var explicitCenter = false
    public var explicitScale = false
    /// The parameter drives the cost (steps, epochs, width): the initial design keeps it in the cheapest quarter of
    /// its range, so the first runs are cheap (as Protein does with its cost parameter).
    public var drivesCost = false

    public init(name: String, type: SpaceType) {
        self.name = name
        self.type = type
    }

    public var isNumeric: Bool { type == .linear || type == .log || type == .logit }

    /// Number of unit-cube coordinates this parameter takes in the model's input (one-hot for choices).
    public var encodedWidth: Int {
        switch type {
        case .linear, .log, .logit: return 1
        case .choice: return values.count > 1 ? values.count : 0
        case .fixed: return 0
        }
    }

    // MARK: Transforms

    /// T(v); nil when v is outside T's domain (v ≤ 0 for log, v ∉ (0,1) for logit).
    public func transform(_ v: Double) -> Double? {
        guard v.isFinite else { return nil }
        switch type {
        case .linear: return v
        case .log:
            guard v > 0 else { return nil }
            // log10/log2 are exact on powers of their base; log(v)/log(base) is not (log(1000)/log(10) < 3).
            return base == 10 ? log10(v) : (base == 2 ? log2(v) : log(v) / log(base))
        case .logit: return (v > 0 && v < 1) ? log10(v / (1 - v)) : nil
        default: return nil
        }
    }

    public func untransform(_ t: Double) -> Double {
        switch type {
        case .log: return base == 2 ? exp2(t) : pow(base, t)
        case .logit:
            let e = pow(10, t)
            return e / (1 + e)
        default: return t
        }
    }

    var tMin: Double { transform(min) ?? 0 }
    var tMax: Double { transform(max) ?? 1 }

    /// Value → unit coordinate (not clamped: values outside the bounds map outside [0, 1]).
    public func unit(_ v: Double) -> Double? {
        guard let t = transform(v) else { return nil }
        let w = tMax - tMin
        return w > 0 ? (t - tMin) / w : 0.5
    }

    /// Unit coordinate → value, clamped into the bounds and rounded for integer spaces.
    public func value(unit u: Double) -> Double {
        let uc = u.isFinite ? Swift.min(1, Swift.max(0, u)) : 0.5
        var v = untransform(tMin + uc * (tMax - tMin))
        if type == .logit { v = Swift.min(max, Swift.max(min, v)) }
        return integer ? rounded(v) : Swift.min(max, Swift.max(min, v))
    }

    /// Rounds to the nearest multiple of `step` inside [min, max].
    public func rounded(_ v: Double) -> Double {
        var r = multiple((v / step).rounded())
        if r < min { r = multiple((min / step).rounded(.up)) }
        if r > max { r = multiple((max / step).rounded(.down)) }
        return r
    }

    /// k · step, computed as k / (1/step) when the step is the reciprocal of an integer (0.1, 0.25, 0.5) so that
    /// the result is the correctly rounded decimal (3 · 0.1 = 0.30000000000000004, but 3 / 10 = 0.3).
    func multiple(_ k: Double) -> Double {
        if step < 1 {
            let inv = 1 / step, n = inv.rounded()
            if n >= 1, abs(inv - n) <= 1e-9 * n { return k / n }
        }
        return k * step
    }

    /// Whether v is (up to rounding of its decimal form) a multiple of the step inside the bounds.
    func isOnStep(_ v: Double) -> Bool {
        let r = rounded(v)
        return v == r || abs(v - r) <= 1e-12 * Swift.max(abs(r), step)
    }

    /// Search scale in unit coordinates.
    public var unitScale: Double {
        let w = tMax - tMin
        return w > 0 ? scale / w : 0
    }

    /// Default scale: a quarter of the transformed range.
    public var defaultScale: Double { (tMax - tMin) / 4 }

    /// Default center: the middle of the transformed range (geometric mean for log spaces), rounded for integers.
    public var defaultCenter: Double {
        let v = untransform((tMin + tMax) / 2)
        return integer ? rounded(v) : v
    }

    /// The center as a parameter value.
    public var centerValue: JSONValue {
        switch type {
        case .linear, .log, .logit: return .number(center)
        case .choice: return values.indices.contains(centerIndex) ? values[centerIndex] : .null
        case .fixed: return value
        }
    }

    /// The index of a value among a choice's values.
    public func choiceIndex(of v: JSONValue) -> Int? { values.firstIndex(of: v) }

    /// Checks a value against this parameter: nil when valid, otherwise what is wrong.
    public func problem(with v: JSONValue) -> String? {
        switch type {
        case .linear, .log, .logit:
            guard let d = v.doubleValue else { return "parameter '\(name)' must be a number, got \(v.typeName)" }
            guard d.isFinite else { return "parameter '\(name)' is not finite" }
            if d < min || d > max {
                return "parameter '\(name)' = \(JSONWriter.format(d)) is outside [\(JSONWriter.format(min)), \(JSONWriter.format(max))]"
            }
            if integer, !isOnStep(d) {
                return "parameter '\(name)' = \(JSONWriter.format(d)) is not a multiple of its step \(JSONWriter.format(step))"
            }
            return nil
        case .choice:
            return choiceIndex(of: v) == nil ? "parameter '\(name)' = \(v.json) is not one of its values \(JSONValue.array(values).json)" : nil
        case .fixed:
            return v == value ? nil : "parameter '\(name)' = \(v.json) differs from its fixed value \(value.json)"
        }
    }
}
