#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A linear trend of log cost in the model inputs, for the initial design (before any model is fitted).
///
/// With the successes' inputs xᵢ (centred on their mean x̄) as the rows of X and yᵢ = log costᵢ − ȳ, the trend is
/// the minimum-norm ridge solution ŷ(x) = ȳ + (x − x̄)·w, w = Xᵀ(XXᵀ + λI)⁻¹y, λ = 10⁻⁶·tr(XXᵀ)/n: with fewer
/// runs than inputs it is the smallest slope that explains the costs seen (two runs give the slope along their
/// difference), and it sharpens with every run. Costs in ML grow multiplicatively with sizes (epochs, width,
/// steps), so a trend in log cost extrapolates sensibly where a GP fitted to three points would revert to its mean.
struct LogCostTrend: Sendable {
    private let offset: Double
    private let center: [Double]
    private let weights: [Double]
    /// How many runs the trend was fitted to.
    let runCount: Int
    /// The median log cost of those runs.
    let medianLogCost: Double

    /// `nil` with fewer than two points or when every cost is the same (nothing to learn).
    init?(_ points: [Dataset.Point], maxPoints: Int = 64) {
        let used = Array(points.suffix(maxPoints))
        let n = used.count
        guard n >= 2, let d = used.first?.x.count, d > 0 else { return nil }
        let y = used.map { log($0.cost) }
        let yMean = y.reduce(0, +) / Double(n)
        guard y.contains(where: { abs($0 - yMean) > 1e-12 }) else { return nil }
        var mean = [Double](repeating: 0, count: d)
        for p in used { for j in 0..<d { mean[j] += p.x[j] / Double(n) } }
        let rows = used.map { p in (0..<d).map { p.x[$0] - mean[$0] } }
        var gram = Matrix(rows: n, cols: n)
        var trace = 0.0
        for i in 0..<n {
            for k in 0...i {
                var s = 0.0
                for j in 0..<d { s += rows[i][j] * rows[k][j] }
                gram[i, k] = s
                gram[k, i] = s
            }
            trace += gram[i, i]
        }
        guard trace > 0 else { return nil }
        let lambda = 1e-6 * trace / Double(n)
        for i in 0..<n { gram[i, i] += lambda }
        guard let factor = try? CholeskyFactor.factor(gram) else { return nil }
        let alpha = factor.solve(y.map { $0 - yMean })
        var w = [Double](repeating: 0, count: d)
        for i in 0..<n { for j in 0..<d { w[j] += alpha[i] * rows[i][j] } }
        guard w.allSatisfy(\.isFinite) else { return nil }
        offset = yMean
        center = mean
        weights = w
        runCount = n
        let sorted = y.sorted()
        medianLogCost = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }

    /// The trend's log cost at model input `x`.
    func logCost(at x: [Double]) -> Double {
        var s = offset
        for j in 0..<min(x.count, weights.count) { s += (x[j] - center[j]) * weights[j] }
        return s
    }
}
