#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Errors from the linear-algebra layer.
public enum LinearAlgebraError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The matrix stayed non-positive-definite even with the largest jitter tried.
    case notPositiveDefinite(maxJitter: Double)
    /// The matrix contains NaN or infinity.
    case nonFinite

    public var description: String {
        switch self {
        case .notPositiveDefinite(let j): return "matrix is not positive definite even with diagonal jitter \(j)"
        case .nonFinite: return "matrix contains NaN or infinite entries"
        }
    }
}

/// A lower Cholesky factor `L` with `A + jitter·I = L·Lᵀ`.
public struct CholeskyFactor: Sendable {
    /// The lower-triangular factor (upper triangle is zero).
    public let lower: Matrix
    /// The diagonal jitter that had to be added to make the factorization succeed (0 if none).
    public let jitter: Double

    /// Order of the factored matrix.
    public var order: Int { lower.rows }

    /// Factors a symmetric matrix (only its lower triangle is read), adding escalating diagonal jitter when needed.
    ///
    /// The first attempt uses no jitter. Each retry adds `jitter = 1e-10·mean(diag) · 10^k`, k = 0, 1, …, up to
    /// `maxRelativeJitter·mean(diag)` (mean(diag) is replaced by 1 when it is not positive). Never crashes.
    /// - Throws: `LinearAlgebraError.nonFinite` for NaN/∞ input, `.notPositiveDefinite` if every jitter fails.
    public static func factor(_ a: Matrix, minRelativeJitter: Double = 1e-10,
                              maxRelativeJitter: Double = 1e-1) throws -> CholeskyFactor {
        precondition(a.rows == a.cols, "Cholesky needs a square matrix")
        guard a.isFinite else { throw LinearAlgebraError.nonFinite }
        let n = a.rows
        var attempt = a
        if case .factored = LAPACK.potrf(&attempt) {
            return CholeskyFactor(lower: clearedUpper(attempt), jitter: 0)
        }
        let meanDiag = n > 0 ? a.diagonalElements.reduce(0, +) / Double(n) : 1
        let scale = meanDiag > 0 && meanDiag.isFinite ? meanDiag : 1
        var relative = minRelativeJitter
        while relative <= maxRelativeJitter * (1 + 1e-9) {
            let jitter = relative * scale
            attempt = a
            for i in 0..<n { attempt[i, i] += jitter }
            if case .factored = LAPACK.potrf(&attempt) {
                return CholeskyFactor(lower: clearedUpper(attempt), jitter: jitter)
            }
            relative *= 10
        }
        throw LinearAlgebraError.notPositiveDefinite(maxJitter: maxRelativeJitter * scale)
    }

    private static func clearedUpper(_ m: Matrix) -> Matrix {
        var l = m
        let n = m.rows
        l.storage.withUnsafeMutableBufferPointer { p in
            for j in 1..<max(1, n) { for i in 0..<j { p[i + j * n] = 0 } }
        }
        return l
    }

    /// `log det(A + jitter·I) = 2·Σ log Lᵢᵢ`.
    public var logDeterminant: Double {
        var s = 0.0
        for i in 0..<order { s += log(lower[i, i]) }
        return 2 * s
    }

    /// Solves `(A + jitter·I)·X = B` (`dpotrs`).
    public func solve(_ b: Matrix) -> Matrix {
        var x = b
        LAPACK.potrs(factor: lower, &x)
        return x
    }

    /// Solves `(A + jitter·I)·x = b` for one vector.
    public func solve(_ b: [Double]) -> [Double] {
        solve(Matrix(rows: b.count, cols: 1, storage: b)).storage
    }

    /// `L⁻¹·B` (`dtrsm`, many right-hand sides; in row panels for large n, see `LAPACK.lowerSolveInPanels`).
    public func solveLower(_ b: Matrix) -> Matrix {
        var x = b
        LAPACK.lowerSolveInPanels(lower, &x)
        return x
    }

    /// `(A + jitter·I)⁻¹` as a full symmetric matrix (`dpotri`). `nil` only if the factor is singular.
    public func inverse() -> Matrix? { LAPACK.potri(factor: lower) }
}

extension CholeskyFactor {
    /// The factor of the bordered matrix [[A, B], [Bᵀ, C]] from this factor of A, in O(n²k) instead of O((n+k)³):
    /// V = L⁻¹B, then the factor of the Schur complement C + jitter·I − VᵀV. This factor's jitter is added to C's
    /// diagonal too, so the result factors [[A, B], [Bᵀ, C]] + jitter·I as `factor` would with that jitter.
    /// - Throws: `LinearAlgebraError` when the Schur complement is not positive definite (the caller then factors
    ///   the whole matrix, with its jitter escalation).
    public func extended(cross b: Matrix, corner c: Matrix) throws -> CholeskyFactor {
        let n = order, k = c.rows
        precondition(b.rows == n && b.cols == k && c.cols == k, "bordered factor: shapes")
        let v = solveLower(b)                                           // n×k
        var s = c
        for i in 0..<k { s[i, i] += jitter }
        LAPACK.gemm(.transpose, v, .none, v, alpha: -1, beta: 1, into: &s)   // C + jitter·I − VᵀV
        guard s.isFinite else { throw LinearAlgebraError.nonFinite }
        guard case .factored = LAPACK.potrf(&s) else { throw LinearAlgebraError.notPositiveDefinite(maxJitter: jitter) }
        var l = Matrix(rows: n + k, cols: n + k)
        for j in 0..<n {
            for i in j..<n { l[i, j] = lower[i, j] }
            for i in 0..<k { l[n + i, j] = v[j, i] }
        }
        for j in 0..<k { for i in j..<k { l[n + i, n + j] = s[i, j] } }
        return CholeskyFactor(lower: l, jitter: jitter)
    }
}
