#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Matérn-5/2 kernel with ARD lengthscales plus an optional linear term on centred inputs:
///
///     k(x, z) = σ²·(1 + √5·r + 5r²/3)·exp(−√5·r) + σ_lin²·(x − ½)·(z − ½),   r² = Σ_d (x_d − z_d)²/ℓ_d²
///
/// Inputs are rows of a `Matrix` (one point per row) in the unit cube. Pairwise squared distances are computed
/// with BLAS as ‖a‖² + ‖b‖² − 2·a·b on lengthscale-scaled, centred inputs and clamped at zero.
public struct Matern52Kernel: Sendable, Equatable {
    /// One lengthscale per input dimension.
    public var lengthscales: [Double]
    /// Amplitude σ² of the Matérn part.
    public var signalVariance: Double
    /// Variance of the linear part, or `nil` for none.
    public var linearVariance: Double?

    public init(lengthscales: [Double], signalVariance: Double, linearVariance: Double? = nil) {
        self.lengthscales = lengthscales
        self.signalVariance = signalVariance
        self.linearVariance = linearVariance
    }

    static let sqrt5 = 5.0.squareRoot()

    /// The unit-amplitude Matérn-5/2 correlation at squared scaled distance `r2`.
    @inline(__always) public static func correlation(r2: Double) -> Double {
        let r = r2.squareRoot()
        return (1 + sqrt5 * r + 5.0 / 3.0 * r2) * exp(-sqrt5 * r)
    }

    /// Inputs shifted by −½ (centred unit cube).
    static func centred(_ a: Matrix) -> Matrix {
        var c = a
        for i in c.storage.indices { c.storage[i] -= 0.5 }
        return c
    }

    /// Centred inputs divided column-wise by the lengthscales.
    func scaled(_ a: Matrix) -> Matrix {
        precondition(a.cols == lengthscales.count, "input dimension does not match the number of lengthscales")
        var s = a
        let n = a.rows
        s.storage.withUnsafeMutableBufferPointer { p in
            for j in 0..<a.cols {
                let inv = 1 / lengthscales[j]
                for i in 0..<n { p[i + j * n] = (p[i + j * n] - 0.5) * inv }
            }
        }
        return s
    }

    private static func rowNorms(_ a: Matrix) -> [Double] {
        var norms = [Double](repeating: 0, count: a.rows)
        for j in 0..<a.cols { for i in 0..<a.rows { let v = a[i, j]; norms[i] += v * v } }
        return norms
    }

    /// Squared scaled distances between the rows of `a` (n×d) and of `b` (m×d), as an n×m matrix (dgemm).
    public func squaredDistances(_ a: Matrix, _ b: Matrix) -> Matrix {
        let sa = scaled(a), sb = scaled(b)
        var d = Matrix(rows: a.rows, cols: b.rows)
        LAPACK.gemm(.none, sa, .transpose, sb, alpha: -2, beta: 0, into: &d)
        let na = Self.rowNorms(sa), nb = Self.rowNorms(sb)
        let n = a.rows
        d.storage.withUnsafeMutableBufferPointer { p in
            for j in 0..<b.rows {
                for i in 0..<n { p[i + j * n] = max(0, p[i + j * n] + na[i] + nb[j]) }
            }
        }
        return d
    }

    /// Squared scaled distances among the rows of `a` (n×n, dsyrk), exactly zero on the diagonal and exactly
    /// symmetric (each pair is computed once, from the lower triangle).
    public func squaredDistances(_ a: Matrix) -> Matrix {
        let sa = scaled(a)
        let n = a.rows
        var d = Matrix(rows: n, cols: n)
        LAPACK.syrk(.none, sa, alpha: -2, beta: 0, symmetrize: false, into: &d)
        let na = Self.rowNorms(sa)
        d.storage.withUnsafeMutableBufferPointer { p in
            for j in 0..<n {
                p[j + j * n] = 0
                for i in (j + 1)..<max(j + 1, n) {
                    let v = max(0, p[i + j * n] + na[i] + na[j])
                    p[i + j * n] = v
                    p[j + i * n] = v
                }
            }
        }
        return d
    }

    /// The cross-covariance `K(a, b)` (n×m).
    public func cross(_ a: Matrix, _ b: Matrix) -> Matrix {
        var k = squaredDistances(a, b)
        let s2 = signalVariance
        k.storage.withUnsafeMutableBufferPointer { p in
            for i in p.indices { p[i] = s2 * Self.correlation(r2: p[i]) }
        }
        if let lv = linearVariance, a.cols > 0 {
            LAPACK.gemm(.none, Self.centred(a), .transpose, Self.centred(b), alpha: lv, beta: 1, into: &k)
        }
        return k
    }

    /// The parts of the Gram matrix `K(a, a)`, each symmetric: the Matérn part (σ² included), the linear part,
    /// and the radial factor of the lengthscale gradient, σ²·(5/3)(1 + √5 r)·exp(−√5 r), which shares the
    /// exponential with the Matérn part (one `exp` per pair of points, not four).
    /// `withRadial: false` skips the radial factor (the posterior needs only K).
    func gramParts(_ a: Matrix, withRadial: Bool = true) -> GramParts {
        let r2 = squaredDistances(a)
        let n = a.rows
        var km = Matrix(rows: n, cols: n), radial = Matrix(rows: withRadial ? n : 0, cols: withRadial ? n : 0)
        let s2 = signalVariance
        r2.storage.withUnsafeBufferPointer { rp in
            km.storage.withUnsafeMutableBufferPointer { kp in
                radial.storage.withUnsafeMutableBufferPointer { gp in
                    for j in 0..<n {
                        for i in j..<n {
                            let q = rp[i + j * n], r = q.squareRoot()
                            let e = s2 * exp(-Self.sqrt5 * r)
                            let k = (1 + Self.sqrt5 * r + 5.0 / 3.0 * q) * e
                            let g = (5.0 / 3.0) * (1 + Self.sqrt5 * r) * e
                            kp[i + j * n] = k; kp[j + i * n] = k
                            if withRadial { gp[i + j * n] = g; gp[j + i * n] = g }
                        }
                    }
                }
            }
        }
        var kl: Matrix? = nil
        if let lv = linearVariance {
            var l = Matrix(rows: a.rows, cols: a.rows)
            LAPACK.syrk(.none, Self.centred(a), alpha: lv, beta: 0, into: &l)
            kl = l
        }
        return GramParts(matern: km, linear: kl, radial: radial)
    }

    /// The Gram matrix `K(a, a)` (n×n, symmetric).
    public func gram(_ a: Matrix) -> Matrix {
        let parts = gramParts(a, withRadial: false)
        guard let kl = parts.linear else { return parts.matern }
        var k = parts.matern
        for i in k.storage.indices { k.storage[i] += kl.storage[i] }
        return k
    }

    /// Prior variances `k(x, x)` for each row of `a`.
    public func diagonal(_ a: Matrix) -> [Double] {
        var d = [Double](repeating: signalVariance, count: a.rows)
        if let lv = linearVariance {
            for j in 0..<a.cols { for i in 0..<a.rows { let v = a[i, j] - 0.5; d[i] += lv * v * v } }
        }
        return d
    }

    /// The pieces of `K(a, a)` that the likelihood and its gradient share (see `gramParts`).
    struct GramParts {
        /// σ²·(1 + √5 r + 5r²/3)·exp(−√5 r).
        var matern: Matrix
        /// σ_lin²·(a − ½)(a − ½)ᵀ, or `nil` without the linear term.
        var linear: Matrix?
        /// σ²·(5/3)(1 + √5 r)·exp(−√5 r) (0×0 when not asked for).
        var radial: Matrix
    }

    /// Number of kernel parameters: d lengthscales, σ², and σ_lin² if present.
    public var parameterCount: Int { lengthscales.count + 1 + (linearVariance == nil ? 0 : 1) }

    /// `Σᵢⱼ Wᵢⱼ·∂Kᵢⱼ/∂θ` for every kernel parameter θ in the order (log ℓ₁…log ℓ_d, log σ², log σ_lin²),
    /// for a symmetric weight matrix `W`, where `parts` come from `gramParts(a)`.
    ///
    /// With r² = Σ (Δ_d/ℓ_d)²: ∂k/∂log ℓ_d = σ²·(5/3)(1 + √5 r)·exp(−√5 r)·Δ_d²/ℓ_d². The sum over pairs is
    /// evaluated as 2·Σᵢ sᵢ²·gᵢ − 2·sᵀ(G·s) per dimension (s = scaled inputs, G = W ∘ radial factor, g = G·1),
    /// with the product G·S done by one dgemm.
    func contractedGradient(_ w: Matrix, points a: Matrix, parts: GramParts) -> [Double] {
        let n = a.rows, d = a.cols
        precondition(w.rows == n && w.cols == n && parts.radial.rows == n, "weight matrix and radial factor must be n×n")
        var g = Matrix(rows: n, cols: n)
        var sumWKm = 0.0
        g.storage.withUnsafeMutableBufferPointer { gp in
            w.storage.withUnsafeBufferPointer { wp in
                parts.radial.storage.withUnsafeBufferPointer { rp in
                    parts.matern.storage.withUnsafeBufferPointer { kp in
                        for idx in 0..<(n * n) {
                            gp[idx] = wp[idx] * rp[idx]
                            sumWKm += wp[idx] * kp[idx]
                        }
                    }
                }
            }
        }
        var out = [Double](repeating: 0, count: parameterCount)
        if d > 0 {
            let s = scaled(a)
            var gs = Matrix(rows: n, cols: d)
            LAPACK.gemm(.none, g, .none, s, into: &gs)
            var rowSum = [Double](repeating: 0, count: n)
            let ones = [Double](repeating: 1, count: n)
            LAPACK.gemv(.none, g, ones, into: &rowSum)
            for dim in 0..<d {
                var acc = 0.0
                for i in 0..<n {
                    let v = s[i, dim]
                    acc += v * v * rowSum[i] - v * gs[i, dim]
                }
                out[dim] = 2 * acc
            }
        }
        out[d] = sumWKm
        if let kl = parts.linear {
            var sumWKl = 0.0
            for idx in 0..<(n * n) { sumWKl += w.storage[idx] * kl.storage[idx] }
            out[d + 1] = sumWKl
        }
        return out
    }
}
