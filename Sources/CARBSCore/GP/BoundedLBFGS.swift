/// A small box-constrained limited-memory BFGS minimizer (projected L-BFGS).
///
/// Each iteration fixes the variables that sit on a bound with the gradient pushing outward, builds the
/// two-loop L-BFGS direction on the free ones, and runs a backtracking Armijo search along the projected path
/// `P(x + t·d)`. Non-finite objective values are treated as "too far" and make the step shrink. When the
/// quasi-Newton direction fails, the memory is cleared and the projected steepest-descent direction is used.
struct BoundedLBFGS: Sendable {
    var memory: Int = 8
    var maxIterations: Int = 60
    /// Stop when the projected gradient's largest component is below this.
    var gradientTolerance: Double = 1e-6
    /// Stop when an accepted step lowers f by less than this times max(1, |f|).
    var relativeTolerance: Double = 1e-10
    /// Stop when the last `stallWindow` accepted steps together lowered f by less than this (absolute units of
    /// f; 0 turns the test off). For a log posterior, improvements far below one nat do not change the model.
    var stallTolerance: Double = 0
    var stallWindow: Int = 3

    struct Result: Sendable {
        var x: [Double]
        var value: Double
        var iterations: Int
        var evaluations: Int
    }

    func minimize(start: [Double], lower: [Double], upper: [Double],
                  _ f: ([Double]) -> (value: Double, gradient: [Double])) -> Result {
        let n = start.count
        precondition(lower.count == n && upper.count == n, "bounds must match the start")
        func project(_ v: [Double]) -> [Double] { (0..<n).map { min(max(v[$0], lower[$0]), upper[$0]) } }
        func dot(_ a: [Double], _ b: [Double]) -> Double {
            var s = 0.0
            for i in 0..<a.count { s += a[i] * b[i] }
            return s
        }
        var x = project(start)
        var (fx, g) = f(x)
        var evaluations = 1
        guard fx.isFinite else { return Result(x: x, value: fx, iterations: 0, evaluations: evaluations) }
        var sMem: [[Double]] = [], yMem: [[Double]] = [], rhoMem: [Double] = []
        var iteration = 0
        var recent: [Double] = []
        while iteration < maxIterations {
            iteration += 1
            // Projected gradient and the set of variables held at a bound.
            var pgMax = 0.0
            var free = [Bool](repeating: true, count: n)
            for i in 0..<n {
                let pg = x[i] - min(max(x[i] - g[i], lower[i]), upper[i])
                pgMax = max(pgMax, abs(pg))
                let atLower = x[i] <= lower[i] + 1e-12 && g[i] > 0
                let atUpper = x[i] >= upper[i] - 1e-12 && g[i] < 0
                if atLower || atUpper { free[i] = false }
            }
            if pgMax < gradientTolerance { break }
            let gFree = (0..<n).map { free[$0] ? g[$0] : 0 }

            func direction(useMemory: Bool) -> [Double] {
                var q = gFree
                guard useMemory, !sMem.isEmpty else { return q.map { -$0 } }
                var a = [Double](repeating: 0, count: sMem.count)
                for k in stride(from: sMem.count - 1, through: 0, by: -1) {
                    a[k] = rhoMem[k] * dot(sMem[k], q)
                    for i in 0..<n { q[i] -= a[k] * yMem[k][i] }
                }
                let last = sMem.count - 1
                let gamma = dot(sMem[last], yMem[last]) / max(dot(yMem[last], yMem[last]), 1e-300)
                for i in 0..<n { q[i] *= gamma }
                for k in 0..<sMem.count {
                    let b = rhoMem[k] * dot(yMem[k], q)
                    for i in 0..<n { q[i] += sMem[k][i] * (a[k] - b) }
                }
                return (0..<n).map { free[$0] ? -q[$0] : 0 }
            }

            var accepted: (x: [Double], f: Double, g: [Double])? = nil
            for useMemory in [true, false] {
                var d = direction(useMemory: useMemory)
                let gd = dot(gFree, d)
                if !(gd < 0) { d = gFree.map { -$0 } }
                // First steepest-descent step: scale so the largest move is at most 1 (log-space units).
                var t = 1.0
                if !useMemory || sMem.isEmpty {
                    let dMax = d.map { abs($0) }.max() ?? 0
                    if dMax > 1 { t = 1 / dMax }
                }
                for _ in 0..<40 {
                    let xNew = project((0..<n).map { x[$0] + t * d[$0] })
                    var decrease = 0.0
                    for i in 0..<n { decrease += g[i] * (xNew[i] - x[i]) }
                    if decrease >= 0 { t *= 0.5; continue }
                    let (fNew, gNew) = f(xNew)
                    evaluations += 1
                    if fNew.isFinite && fNew <= fx + 1e-4 * decrease {
                        accepted = (xNew, fNew, gNew)
                        break
                    }
                    t *= 0.5
                }
                if accepted != nil || sMem.isEmpty { break }
                sMem.removeAll(); yMem.removeAll(); rhoMem.removeAll()
            }
            guard let step = accepted else { break }
            let s = (0..<n).map { step.x[$0] - x[$0] }
            let yv = (0..<n).map { step.g[$0] - g[$0] }
            let sy = dot(s, yv)
            if sy > 1e-10 * (dot(s, s).squareRoot() * dot(yv, yv).squareRoot()) && sy > 0 {
                sMem.append(s); yMem.append(yv); rhoMem.append(1 / sy)
                if sMem.count > memory { sMem.removeFirst(); yMem.removeFirst(); rhoMem.removeFirst() }
            }
            let improvement = fx - step.f
            x = step.x; fx = step.f; g = step.g
            if improvement <= relativeTolerance * max(1, abs(fx)) { break }
            recent.append(improvement)
            if recent.count > stallWindow { recent.removeFirst() }
            if stallTolerance > 0 && recent.count == stallWindow && recent.reduce(0, +) < stallTolerance { break }
        }
        return Result(x: x, value: fx, iterations: iteration, evaluations: evaluations)
    }
}
