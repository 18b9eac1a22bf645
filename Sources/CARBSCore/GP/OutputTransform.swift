/// How raw scores are mapped to surrogate targets.
public enum OutputTransform: String, Codable, Sendable, CaseIterable {
    /// (y − mean)/sd (sd replaced by 1 when the values are constant).
    case standardize
    /// CARBS-style: empirical CDF (ties get their average rank, plotting position (rank + ½)/n) mapped through
    /// the standard normal quantile; in between and beyond the observed values, piecewise-linear (so invertible).
    case quantileNormal
    /// Affine map of [min, max] onto [−1, 1] (as CARBS's `MinMaxScaler(-1, 1)` for log cost); constant values
    /// map to 0.
    case minMax
}

/// A fitted, invertible, monotone increasing transform of scalar outputs.
public struct FittedTransform: Codable, Sendable, Equatable {
    /// The kind of transform.
    public let kind: OutputTransform
    /// Affine kinds: `forward(y) = (y − offset)/scale`.
    public let offset: Double
    /// Affine kinds: positive scale.
    public let scale: Double
    /// `quantileNormal`: distinct observed values, increasing.
    public let knots: [Double]
    /// `quantileNormal`: their normal scores, increasing.
    public let scores: [Double]

    init(kind: OutputTransform, offset: Double = 0, scale: Double = 1, knots: [Double] = [], scores: [Double] = []) {
        self.kind = kind
        self.offset = offset
        self.scale = scale
        self.knots = knots
        self.scores = scores
    }

    /// Fits a transform to the finite values of `y` (non-finite values are ignored; with no finite value the
    /// transform is the identity).
    public static func fit(_ y: [Double], kind: OutputTransform) -> FittedTransform {
        let v = y.filter { $0.isFinite }
        guard !v.isEmpty else { return FittedTransform(kind: kind) }
        switch kind {
        case .standardize:
            // Computed on values divided by the largest magnitude, so that scores near ±1e308 do not overflow.
            let big = v.reduce(0) { max($0, abs($1)) }
            let unit = big > 1 ? big : 1
            let w = v.map { $0 / unit }
            let m = w.reduce(0, +) / Double(w.count)
            let sd = (w.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(w.count)).squareRoot()
            return FittedTransform(kind: kind, offset: m * unit, scale: sd > 1e-12 * max(1, abs(m)) ? sd * unit : unit)
        case .minMax:
            let lo = v.min() ?? 0, hi = v.max() ?? 0
            let half = hi / 2 - lo / 2
            return FittedTransform(kind: kind, offset: lo / 2 + hi / 2, scale: half > 1e-12 * max(1, abs(lo)) ? half : 1)
        case .quantileNormal:
            let sorted = v.sorted()
            let n = Double(sorted.count)
            var knots: [Double] = [], scores: [Double] = []
            var start = 0
            while start < sorted.count {
                var end = start
                while end + 1 < sorted.count && sorted[end + 1] == sorted[start] { end += 1 }
                let averageRank = Double(start + end) / 2
                knots.append(sorted[start])
                scores.append(Normal.quantile((averageRank + 0.5) / n))
                start = end + 1
            }
            return FittedTransform(kind: kind, knots: knots, scores: scores)
        }
    }

    /// Raw value → transformed value.
    public func forward(_ y: Double) -> Double {
        switch kind {
        case .standardize, .minMax: return y / scale - offset / scale
        case .quantileNormal: return Self.interpolate(y, from: knots, to: scores)
        }
    }

    /// Transformed value → raw value (exact inverse of `forward`).
    public func inverse(_ z: Double) -> Double {
        switch kind {
        case .standardize, .minMax:
            let r = offset + scale * z
            return r.isFinite ? r : (r > 0 ? .greatestFiniteMagnitude : -.greatestFiniteMagnitude)
        case .quantileNormal: return Self.interpolate(z, from: scores, to: knots)
        }
    }

    /// Piecewise-linear interpolation through increasing `xs` → `ys`, extended linearly beyond both ends with
    /// the slope of the end segment (slope 1 through a single knot).
    static func interpolate(_ v: Double, from xs: [Double], to ys: [Double]) -> Double {
        guard let first = xs.first, let last = xs.last, xs.count == ys.count else { return v }
        if xs.count == 1 { return ys[0] + (v - first) }
        func along(_ i: Int) -> Double {  // on the line through knots i and i+1
            ys[i] + (ys[i + 1] - ys[i]) * (v - xs[i]) / (xs[i + 1] - xs[i])
        }
        if v <= first { return along(0) }
        if v >= last { return along(xs.count - 2) }
        var lo = 0, hi = xs.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if xs[mid] <= v { lo = mid } else { hi = mid }
        }
        return along(lo)
    }
}
