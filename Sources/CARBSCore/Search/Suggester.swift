#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `carbs-suggest`'s engine: a pure function of the log and the options. The same log and seed give the same
/// suggestions; a longer log gives new ones.
public struct Suggester {
    public let log: SweepLog
    public let options: SearchOptions
    let space: Space
    let data: Dataset
    /// The strategy, resolved.
    let plan: StrategyPlan
    /// Unit-cube σ per encoded column for one unit of radius (0 for one-hot columns).
    let unitScales: [Double]
    /// For each encoded column, the range of its one-hot block (nil for numeric columns).
    let blocks: [(range: Range<Int>, scale: Double)]

    public init(log: SweepLog, options: SearchOptions) {
        self.log = log
        self.options = options
        self.space = log.space
        self.data = Dataset(log: log)
        self.plan = options.plan
        var scales: [Double] = []
        var blocks: [(Range<Int>, Double)] = []
        for p in log.space.parameters where p.encodedWidth > 0 {
            if p.isNumeric {
                scales.append(p.unitScale)
            } else {
                blocks.append((scales.count..<(scales.count + p.encodedWidth), p.scale))
                scales.append(contentsOf: Array(repeating: 0, count: p.encodedWidth))
            }
        }
        self.unitScales = scales
        self.blocks = blocks
    }

    /// Suggestions for the log. Throws only for unusable input (no space).
    public static func suggest(log: SweepLog, options: SearchOptions) throws(CARBSError) -> [Suggestion] {
        guard !log.space.isEmpty else {
            throw CARBSError.data(Diagnostic(file: "<log>", line: nil, message: "no parameters declared"))
        }
        var s = Suggester(log: log, options: options)
        return s.run()
    }

    var dimension: Int { unitScales.count }

    /// Runs of the log whose parameters cannot be encoded in the space (not used by the models).
    public var unusableRuns: [(line: Int, reason: String)] { data.skipped }

    /// The suggestions (the same as `Suggester.suggest`, for a caller that looked at `unusableRuns` first).
    ///
    /// Retries first (no model), then the strategy's model-free rule or the initial design while there are too
    /// few successes, then the model search. One random stream, seeded by `--seed` and the log's content, is
    /// threaded through these steps in that order.
    public mutating func run() -> [Suggestion] {
        let retried = retries(max(0, options.count))
        let n = max(0, options.count) - retried.count
        guard n > 0 else { return retried }
        var rng = SeededGenerator(seed: RunID.streamSeed(seed: options.seed, logHash: log.contentHash))
        return retried + suggest(n, rng: &rng)
    }

    /// Re-issued pending runs (`SearchOptions.retries`), at most `n`.
    func retries(_ n: Int) -> [Suggestion] {
        var retried: [Suggestion] = []
        for r in options.retries.prefix(n) {
            let params = space.parameters.compactMap { p in r.params[p.name].map { (p.name, $0) } }
            var s = Suggestion(id: RunID.make(seed: options.seed, logHash: log.contentHash, index: retried.count, salt: "retry"),
                               params: params, kind: "retry")
            s.retryOf = r.id
            retried.append(s)
        }
        return retried
    }

    /// `n > 0` new suggestions, indexed from 0.
    func suggest(_ n: Int, rng: inout SeededGenerator) -> [Suggestion] {
        if dimension == 0 {
            return (0..<n).map { i in make(x: [], index: i, kind: "fixed") }
        }
        switch plan.modelFree {
        case .uniform:
            return (0..<n).map { i in make(x: (0..<dimension).map { _ in rng.uniform() }, index: i, kind: "random") }
        case .sobol:
            return sobolPoints(n, kind: "sobol", centerFirst: false, rng: &rng)
        case nil:
            break
        }
        var out: [Suggestion] = []
        let initial = options.effectiveInitialCount(dimension: dimension)
        // Initial design while there are too few successes (pending initial points count, so parallel agents
        // spread out instead of all asking for the same first points).
        let have = data.successes.count
        var designed = 0
        var trend: LogCostTrend?
        if case .sobol(let k) = plan.initialDesign, k > 1, have < initial { trend = LogCostTrend(data.successes) }
        while out.count < n && (have + designed < initial || have == 0) {
            switch plan.initialDesign {
            case .aroundCenter:
                out.append(aroundCenter(index: out.count, rng: &rng))
            case .sobol(let cheapestOf):
                out.append(contentsOf: sobolPoints(1, kind: "initial", offset: out.count, centerFirst: true,
                                                   cheapestOf: cheapestOf, trend: trend, rng: &rng))
            }
            designed += 1
        }
        if out.count == n { return out }
        var engine = ModelSearch(context: self)
        out.append(contentsOf: engine.suggest(count: n - out.count, startIndex: out.count, rng: &rng))
        return out
    }

    // MARK: Helpers shared by the strategies

    /// A suggestion at model input `x` (decoding rounds integers, picks one choice value, clamps to the bounds).
    func make(x: [Double], index: Int, kind: String) -> Suggestion {
        let params = space.decode(x)
        let id = RunID.make(seed: options.seed, logHash: log.contentHash, index: index, salt: kind)
        return Suggestion(id: id, params: params, kind: kind)
    }

    /// Snaps a model input to the nearest representable point (integers rounded, one choice value, in bounds).
    func snap(_ x: [Double]) -> [Double] {
        let params = Dictionary(space.decode(x), uniquingKeysWith: { a, _ in a })
        if case .success(let e) = space.encode(params) { return e }
        return x
    }

    /// The search center in model coordinates.
    var centerX: [Double] {
        let params = Dictionary(space.center, uniquingKeysWith: { a, _ in a })
        if case .success(let e) = space.encode(params) { return e }
        return Array(repeating: 0.5, count: dimension)
    }

    /// Sobol points continued across calls: the sequence depends on `--seed` only and is indexed by the number of
    /// runs already in the log, so successive calls walk it. With `centerFirst`, the very first point of a fresh
    /// sweep is the declared center. With `cheapestOf` k > 1 and a cost trend, a Sobol point the trend prices above
    /// the median run is replaced by the cheapest by the trend of it and k − 1 uniform points (the cost-aware start,
    /// `InitialDesign.sobol`).
    func sobolPoints(_ n: Int, kind: String, offset: Int = 0, centerFirst: Bool, cheapestOf: Int = 1,
                     trend: LogCostTrend? = nil, rng: inout SeededGenerator) -> [Suggestion] {
        var shiftRNG: SeededGenerator? = SeededGenerator(seed: options.seed ^ 0x5DEE_CE66_D1CE_5EED)
        let coordinates = space.coordinateCount
        guard coordinates <= SobolSequence.maxDimension,
              var seq = try? SobolSequence(dimension: coordinates, scramble: &shiftRNG)
        else {
            return (0..<n).map { i in make(x: (0..<dimension).map { _ in rng.uniform() }, index: offset + i, kind: kind) }
        }
        let start = log.runs.count + offset
        var out: [Suggestion] = []
        for _ in 0..<start where start > 0 { _ = seq.next() }
        for i in 0..<n {
            let idx = offset + i
            if start + i == 0 && centerFirst {
                var s = Suggestion(id: RunID.make(seed: options.seed, logHash: log.contentHash, index: idx, salt: kind),
                                   params: space.center, kind: kind)
                if options.explain { s.explanation = [initialNote + "the declared center"] }
                out.append(s)
                _ = seq.next()
                continue
            }
            var c = seq.next()
            if kind == "initial" { c = cheapFirst(c) }
            var note = cheapestOf > 1 ? "a Sobol point (no cost trend: it needs two runs of different cost and inputs)" : "a Sobol point"
            if let trend, cheapestOf > 1 {
                let sobolCost = trendLogCost(trend, c)
                var best = sobolCost
                if sobolCost > trend.medianLogCost {
                    for _ in 1..<cheapestOf {
                        let u = cheapFirst((0..<coordinates).map { _ in rng.uniform() })
                        let v = trendLogCost(trend, u)
                        if v < best { (best, c) = (v, u) }
                    }
                }
                if options.explain {
                    let fitted = "a trend of log cost fitted to \(trend.runCount) runs (median run cost \(costText(trend.medianLogCost)))"
                    note = sobolCost <= trend.medianLogCost
                        ? "the Sobol point, predicted cost \(costText(sobolCost)) by \(fitted)"
                        : "the cheapest of the Sobol point (predicted cost \(costText(sobolCost))) and \(cheapestOf - 1) uniform draws "
                            + "by \(fitted): predicted cost \(costText(best))"
                }
            }
            var s = Suggestion(id: RunID.make(seed: options.seed, logHash: log.contentHash, index: idx, salt: kind),
                               params: space.values(fromCoordinates: c), kind: kind)
            if options.explain && kind == "initial" { s.explanation = [initialNote + note] }
            out.append(s)
        }
        return out
    }

    /// The start of an initial point's --explain line.
    private var initialNote: String {
        "initial design (\(data.successes.count) successes; the models start at \(options.effectiveInitialCount(dimension: dimension))): "
    }

    /// exp(`logCost`) to four significant digits, for explanations.
    private func costText(_ logCost: Double) -> String {
        let v = exp(logCost)
        guard v.isFinite, v > 0 else { return JSONWriter.format(v) }
        let scale = pow(10, 3 - floor(log10(v)))
        return JSONWriter.format((v * scale).rounded() / scale)
    }

    /// The trend's log cost at Sobol coordinates `c` (+∞ when they do not encode).
    private func trendLogCost(_ trend: LogCostTrend, _ c: [Double]) -> Double {
        let params = Dictionary(space.values(fromCoordinates: c), uniquingKeysWith: { a, _ in a })
        guard case .success(let x) = space.encode(params) else { return .infinity }
        return trend.logCost(at: x)
    }

    /// The initial design keeps cost-driving parameters (`"cost": true`) in the cheapest quarter of their range.
    func cheapFirst(_ coordinates: [Double]) -> [Double] {
        var c = coordinates
        var i = 0
        for p in space.parameters where p.type != .fixed {
            if p.drivesCost, i < c.count { c[i] *= 0.25 }
            i += 1
        }
        return c
    }

    /// CARBS's initial phase: the center plus a normal perturbation of radius r (clamped into the box).
    func aroundCenter(index: Int, rng: inout SeededGenerator) -> Suggestion {
        let r = options.effectiveRadius
        var x = perturb(centerX, radius: r, rng: &rng)
        x = snap(x)
        return make(x: x, index: index, kind: "initial")
    }

    /// A local candidate: normal steps of σ = radius·scale on numeric columns (clamped to the unit cube), and for
    /// each choice a switch to another value with probability min(0.9, radius·scale).
    func perturb(_ origin: [Double], radius: Double, rng: inout SeededGenerator) -> [Double] {
        var x = origin
        for i in 0..<x.count where unitScales[i] > 0 {
            x[i] = min(1, max(0, x[i] + radius * unitScales[i] * rng.normal()))
        }
        for (range, scale) in blocks where range.count > 1 {
            if rng.uniform() < min(0.9, radius * scale) {
                let current = range.first { x[$0] > 0.5 } ?? range.lowerBound
                var pick = range.lowerBound + Int(rng.uniform() * Double(range.count - 1))
                if pick >= current { pick += 1 }
                pick = min(range.upperBound - 1, pick)
                for j in range { x[j] = j == pick ? 1 : 0 }
            }
        }
        return x
    }

    /// A uniform point of the whole space.
    func uniformPoint(rng: inout SeededGenerator) -> [Double] {
        var x = (0..<dimension).map { _ in rng.uniform() }
        for (range, _) in blocks {
            let pick = range.lowerBound + min(range.count - 1, Int(rng.uniform() * Double(range.count)))
            for j in range { x[j] = j == pick ? 1 : 0 }
        }
        return x
    }
}
