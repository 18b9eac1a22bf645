/// Reading and writing parameter declaration records.
extension Parameter {
    /// Parses a declaration record (an object with a `param` key). Throws a message describing what is wrong.
    public init(declaration o: [String: JSONValue]) throws(SpaceError) {
        guard let name = o["param"]?.stringValue, !name.isEmpty else {
            throw SpaceError("'param' must be a non-empty string")
        }
        guard let typeName = o["space"]?.stringValue else {
            throw SpaceError("parameter '\(name)': 'space' must be one of \(SpaceType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let known: Set<String> = ["param", "space", "min", "max", "base", "integer", "step", "center", "scale", "values", "value", "cost"]
        if let extra = o.keys.sorted().first(where: { !known.contains($0) }) {
            throw SpaceError("parameter '\(name)': unknown key '\(extra)'")
        }
        let type: SpaceType
        switch typeName {
        case "log2", "pow2":
            type = .log
        default:
            guard let t = SpaceType(rawValue: typeName) else {
                throw SpaceError("parameter '\(name)': unknown space '\(typeName)' (expected one of \(SpaceType.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            type = t
        }
        self.init(name: name, type: type)
        if typeName == "log2" || typeName == "pow2" { base = 2 }

        func number(_ key: String) throws(SpaceError) -> Double? {
            guard let v = o[key] else { return nil }
            guard let d = v.doubleValue, d.isFinite else {
                throw SpaceError("parameter '\(name)': '\(key)' must be a finite number, got \(v.typeName)")
            }
            return d
        }

        switch type {
        case .linear, .log, .logit:
            guard let lo = try number("min"), let hi = try number("max") else {
                throw SpaceError("parameter '\(name)': a \(type.rawValue) space needs 'min' and 'max'")
            }
            guard lo < hi else { throw SpaceError("parameter '\(name)': min (\(JSONWriter.format(lo))) must be less than max (\(JSONWriter.format(hi)))") }
            min = lo
            max = hi
            if type == .log {
                if let b = try number("base") {
                    guard b == 10 || b == 2 else { throw SpaceError("parameter '\(name)': base must be 10 or 2") }
                    base = b
                }
                guard lo > 0 else { throw SpaceError("parameter '\(name)': a log space needs min > 0") }
            } else if o["base"] != nil {
                throw SpaceError("parameter '\(name)': 'base' applies to log spaces only")
            }
            if type == .logit {
                guard lo > 0, hi < 1 else { throw SpaceError("parameter '\(name)': a logit space needs 0 < min < max < 1") }
            }
            if let i = o["integer"] {
                guard let b = i.boolValue else { throw SpaceError("parameter '\(name)': 'integer' must be true or false") }
                integer = b
            }
            if let s = try number("step") {
                guard s > 0 else { throw SpaceError("parameter '\(name)': 'step' must be positive") }
                step = s
                integer = true
            }
            guard (tMax - tMin).isFinite else {
                throw SpaceError("parameter '\(name)': the range [\(JSONWriter.format(lo)), \(JSONWriter.format(hi))] is too wide for a double")
            }
            if integer {
                guard type != .logit else { throw SpaceError("parameter '\(name)': a logit space cannot be integer") }
                // The bounds must be a finite number of steps from 0: a step of 5e-324 would make lo / step
                // infinite and every rounded value (the center, each suggestion) NaN.
                guard (lo / step).isFinite, (hi / step).isFinite else {
                    throw SpaceError("parameter '\(name)': step \(JSONWriter.format(step)) is too small for [\(JSONWriter.format(lo)), \(JSONWriter.format(hi))] (the bounds are more steps from 0 than a double can count)")
                }
                guard (lo / step).rounded(.up) * step <= hi else {
                    throw SpaceError("parameter '\(name)': no multiple of step \(JSONWriter.format(step)) lies in [\(JSONWriter.format(lo)), \(JSONWriter.format(hi))]")
                }
            }
            if let c = try number("center") {
                guard c >= lo, c <= hi else {
                    throw SpaceError("parameter '\(name)': center \(JSONWriter.format(c)) is outside [\(JSONWriter.format(lo)), \(JSONWriter.format(hi))]")
                }
                center = integer ? rounded(c) : c
                explicitCenter = true
            } else {
                center = defaultCenter
            }
            if let s = try number("scale") {
                guard s > 0 else { throw SpaceError("parameter '\(name)': 'scale' must be positive") }
                scale = s
                explicitScale = true
            } else {
                scale = defaultScale
            }
            if let c = o["cost"] {
                guard let b = c.boolValue else { throw SpaceError("parameter '\(name)': 'cost' must be true or false") }
                drivesCost = b
            }
        case .choice:
            guard let vs = o["values"]?.arrayValue, !vs.isEmpty else {
                throw SpaceError("parameter '\(name)': a choice space needs a non-empty 'values' array")
            }
            guard Set(vs).count == vs.count else { throw SpaceError("parameter '\(name)': 'values' has duplicates") }
            values = vs
            if let c = o["center"] {
                guard let i = vs.firstIndex(of: c) else {
                    throw SpaceError("parameter '\(name)': center \(c.json) is not one of its values")
                }
                centerIndex = i
                explicitCenter = true
            }
            if let s = try number("scale") {
                guard s > 0, s <= 1 else { throw SpaceError("parameter '\(name)': a choice's 'scale' (mutation probability per unit radius) must be in (0, 1]") }
                scale = s
                explicitScale = true
            } else {
                scale = 0.5
            }
        case .fixed:
            guard let v = o["value"] else { throw SpaceError("parameter '\(name)': a fixed space needs 'value'") }
            value = v
        }
    }

    /// The declaration record, keys in a fixed, readable order.
    public var declarationPairs: [(String, JSONValue)] {
        var p: [(String, JSONValue)] = [("param", .string(name))]
        switch type {
        case .linear, .log, .logit:
            p.append(("space", .string(type.rawValue)))
            p.append(("min", .number(min)))
            p.append(("max", .number(max)))
            if type == .log, base != 10 { p.append(("base", .number(base))) }
            if integer { p.append(("integer", .bool(true))) }
            if integer, step != 1 { p.append(("step", .number(step))) }
            p.append(("center", .number(center)))
            p.append(("scale", .number(scale)))
            if drivesCost { p.append(("cost", .bool(true))) }
        case .choice:
            p.append(("space", "choice"))
            p.append(("values", .array(values)))
            p.append(("center", centerValue))
            if explicitScale { p.append(("scale", .number(scale))) }
        case .fixed:
            p.append(("space", "fixed"))
            p.append(("value", value))
        }
        return p
    }

    public var declarationJSON: JSONValue { .object(Dictionary(uniqueKeysWithValues: declarationPairs)) }
}

/// A problem with a space declaration.
public struct SpaceError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
