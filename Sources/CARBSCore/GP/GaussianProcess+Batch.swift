/// Predictions at a fixed set of candidates that stay current while points are "believed" one by one (kriging
/// believer: a fantasy observation equal to the posterior mean, with the model's noise). The mean does not change
/// under such a fantasy; each variance drops by a rank-one term, so a batch of K picks costs O(n·m) per pick
/// instead of refitting and re-predicting (O(n²m)).
public struct BatchPredictions: Sendable {
    /// Posterior mean at each candidate.
    public let mean: [Double]
    /// Latent variance at each candidate, after the beliefs so far (clamped at 0).
    public internal(set) var variance: [Double]
    let q: Matrix          // m×d candidates
    let v: Matrix          // n×m, L⁻¹K(x, q)
    var updates: [[Double]] = []   // u_i over the candidates, one per belief
}

extension BatchPredictions {
    /// These predictions followed by `other`'s (same GP, no beliefs yet in either).
    public func appending(_ other: BatchPredictions) -> BatchPredictions {
        precondition(updates.isEmpty && other.updates.isEmpty && q.cols == other.q.cols && v.rows == other.v.rows,
                     "only fresh predictions of one GP can be joined")
        let m = q.rows + other.q.rows
        var joined = Matrix(rows: m, cols: q.cols)
        for c in 0..<q.cols {
            for r in 0..<q.rows { joined[r, c] = q[r, c] }
            for r in 0..<other.q.rows { joined[q.rows + r, c] = other.q[r, c] }
        }
        // V is n×m column-major: appending candidates appends columns, that is storage.
        let vJoined = Matrix(rows: v.rows, cols: m, storage: v.storage + other.v.storage)
        return BatchPredictions(mean: mean + other.mean, variance: variance + other.variance, q: joined, v: vJoined)
    }
}

extension GaussianProcess {
    /// Posterior mean and variance at `xs`, ready for `believe(_:in:)`.
    public func batchPredictions(_ xs: [[Double]]) -> BatchPredictions {
        let q = queryMatrix(xs)
        let (ks, mean) = crossAndMean(q)
        let v = factor.solveLower(ks)
        var variance = kernel.diagonal(q)
        let n = x.rows
        v.storage.withUnsafeBufferPointer { p in
            for j in 0..<q.rows {
                var s = 0.0
                for i in 0..<n { let e = p[i + j * n]; s += e * e }
                variance[j] = max(0, variance[j] - s)
            }
        }
        return BatchPredictions(mean: mean, variance: variance, q: q, v: v)
    }

    /// Believes candidate `j` at its posterior mean: every candidate's variance drops by
    /// cov(c, j)² / (σ²(j) + σ_n²), with cov under the current beliefs.
    public func believe(_ j: Int, in p: inout BatchPredictions) {
        let m = p.q.rows, n = x.rows
        guard j >= 0, j < m else { return }
        // Prior covariance of every candidate with candidate j.
        var qj = Matrix(rows: 1, cols: p.q.cols)
        for c in 0..<p.q.cols { qj[0, c] = p.q[j, c] }
        var cov = kernel.cross(p.q, qj).storage                       // m
        // Minus the data's explanation: V[:, c]ᵀ V[:, j].
        let vj = Array(p.v.storage[(j * n)..<((j + 1) * n)])
        LAPACK.gemv(.transpose, p.v, vj, alpha: -1, beta: 1, into: &cov)
        // Minus earlier beliefs.
        for u in p.updates {
            let uj = u[j]
            for c in 0..<m { cov[c] -= u[c] * uj }
        }
        let denominator = max(p.variance[j], 0) + hyperparameters.noiseVariance + jitter
        guard denominator > 0, denominator.isFinite else { return }
        let scale = 1 / denominator.squareRoot()
        let u = cov.map { $0 * scale }
        for c in 0..<m { p.variance[c] = max(0, p.variance[c] - u[c] * u[c]) }
        p.updates.append(u)
    }
}
