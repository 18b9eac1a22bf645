import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

@testable import CARBSCore

/// Naive references used to check the LAPACK/BLAS wrappers.
private enum Naive {
    static func multiply(_ a: Matrix, _ b: Matrix) -> Matrix {
        var c = Matrix(rows: a.rows, cols: b.cols)
        for i in 0..<a.rows { for j in 0..<b.cols { for k in 0..<a.cols { c[i, j] += a[i, k] * b[k, j] } } }
        return c
    }

    static func cholesky(_ a: Matrix) -> Matrix {
        let n = a.rows
        var l = Matrix(rows: n, cols: n)
        for j in 0..<n {
            var s = a[j, j]
            for k in 0..<j { s -= l[j, k] * l[j, k] }
            l[j, j] = s.squareRoot()
            for i in (j + 1)..<max(j + 1, n) {
                var t = a[i, j]
                for k in 0..<j { t -= l[i, k] * l[j, k] }
                l[i, j] = t / l[j, j]
            }
        }
        return l
    }

    /// Solves L·x = b by forward substitution.
    static func forward(_ l: Matrix, _ b: [Double]) -> [Double] {
        var x = b
        for i in 0..<l.rows {
            for k in 0..<i { x[i] -= l[i, k] * x[k] }
            x[i] /= l[i, i]
        }
        return x
    }
}

private func random(_ rows: Int, _ cols: Int, _ rng: inout SeededGenerator) -> Matrix {
    Matrix(rows: rows, cols: cols, storage: (0..<(rows * cols)).map { _ in rng.normal() })
}

private func randomSPD(_ n: Int, _ rng: inout SeededGenerator) -> Matrix {
    let g = random(n, n, &rng)
    var a = Naive.multiply(g, g.transposed)
    for i in 0..<n { a[i, i] += Double(n) }
    return a
}

private func maxAbsDiff(_ a: Matrix, _ b: Matrix) -> Double {
    precondition(a.rows == b.rows && a.cols == b.cols)
    return zip(a.storage, b.storage).map { abs($0 - $1) }.max() ?? 0
}

@Suite struct LinearAlgebraTests {
    @Test func matrixLayoutAndTranspose() {
        let m = Matrix(rowArrays: [[1, 2, 3], [4, 5, 6]])
        #expect(m.rows == 2 && m.cols == 3)
        #expect(m.storage == [1, 4, 2, 5, 3, 6])
        #expect(m[1, 2] == 6)
        #expect(m.transposed.rowArrays == [[1, 4], [2, 5], [3, 6]])
        #expect(m.selectingRows([1]).rowArrays == [[4, 5, 6]])
    }

    @Test func gemmMatchesNaiveForAllTransposes() {
        var rng = SeededGenerator(seed: 1)
        let a = random(5, 3, &rng), b = random(3, 4, &rng)
        let expected = Naive.multiply(a, b)
        #expect(maxAbsDiff(LAPACK.multiply(a, b), expected) < 1e-13)
        #expect(maxAbsDiff(LAPACK.multiply(a.transposed, b, transposeA: .transpose), expected) < 1e-13)
        #expect(maxAbsDiff(LAPACK.multiply(a, b.transposed, transposeB: .transpose), expected) < 1e-13)
        #expect(maxAbsDiff(LAPACK.multiply(a.transposed, b.transposed, transposeA: .transpose, transposeB: .transpose), expected) < 1e-13)
        var c = Matrix(rows: 5, cols: 4, repeating: 1)
        LAPACK.gemm(.none, a, .none, b, alpha: 2, beta: 3, into: &c)
        #expect(abs(c[2, 3] - (2 * expected[2, 3] + 3)) < 1e-13)
    }

    @Test func gemvAndSyrkMatchNaive() {
        var rng = SeededGenerator(seed: 2)
        let a = random(6, 4, &rng)
        let x = (0..<4).map { _ in rng.normal() }
        let y = LAPACK.multiply(a, vector: x)
        for i in 0..<6 {
            let e = (0..<4).reduce(0.0) { $0 + a[i, $1] * x[$1] }
            #expect(abs(y[i] - e) < 1e-13)
        }
        let z = (0..<6).map { _ in rng.normal() }
        let yt = LAPACK.multiply(a, vector: z, transpose: .transpose)
        for j in 0..<4 {
            let e = (0..<6).reduce(0.0) { $0 + a[$1, j] * z[$1] }
            #expect(abs(yt[j] - e) < 1e-13)
        }
        var c = Matrix(rows: 6, cols: 6)
        LAPACK.syrk(.none, a, into: &c)
        #expect(maxAbsDiff(c, Naive.multiply(a, a.transposed)) < 1e-13)
        var ct = Matrix(rows: 4, cols: 4)
        LAPACK.syrk(.transpose, a, into: &ct)
        #expect(maxAbsDiff(ct, Naive.multiply(a.transposed, a)) < 1e-13)
    }

    @Test func choleskySolveAndInverseMatchNaive() throws {
        var rng = SeededGenerator(seed: 3)
        let n = 7
        let a = randomSPD(n, &rng)
        let chol = try CholeskyFactor.factor(a)
        #expect(chol.jitter == 0)
        #expect(maxAbsDiff(chol.lower, Naive.cholesky(a)) < 1e-12)
        // Upper triangle cleared and L·Lᵀ = A.
        #expect(chol.lower[0, n - 1] == 0)
        #expect(maxAbsDiff(Naive.multiply(chol.lower, chol.lower.transposed), a) < 1e-12)
        // potrs
        let b = (0..<n).map { _ in rng.normal() }
        let x = chol.solve(b)
        let ax = LAPACK.multiply(a, vector: x)
        #expect(zip(ax, b).allSatisfy { abs($0 - $1) < 1e-12 })
        // potri
        let inv = try #require(chol.inverse())
        #expect(maxAbsDiff(Naive.multiply(inv, a), Matrix.identity(n)) < 1e-12)
        #expect(maxAbsDiff(inv, inv.transposed) == 0)
        // log-determinant against the naive factor
        let naiveLogDet = 2 * (0..<n).reduce(0.0) { $0 + log(Naive.cholesky(a)[$1, $1]) }
        #expect(abs(chol.logDeterminant - naiveLogDet) < 1e-12)
    }

    @Test func triangularSolvesMatchForwardSubstitution() throws {
        var rng = SeededGenerator(seed: 4)
        let n = 6
        let l = try CholeskyFactor.factor(randomSPD(n, &rng)).lower
        let b = random(n, 3, &rng)
        let viaTrsm = CholeskyFactor(lower: l, jitter: 0).solveLower(b)
        for j in 0..<3 {
            let e = Naive.forward(l, b.column(j))
            for i in 0..<n {
                #expect(abs(viaTrsm[i, j] - e[i]) < 1e-12)
            }
        }
        // Transposed solve: Lᵀ·x = b  ⇒  L·Lᵀ·x = L·b.
        var xt = b
        LAPACK.trsm(side: .left, triangle: .lower, transpose: .transpose, l, &xt)
        #expect(maxAbsDiff(Naive.multiply(l.transposed, xt), b) < 1e-12)
        // Right side: X·L = B.
        let br = random(2, n, &rng)
        var xr = br
        LAPACK.trsm(side: .right, triangle: .lower, transpose: .none, l, &xr)
        #expect(maxAbsDiff(Naive.multiply(xr, l), br) < 1e-12)
    }

    /// Panels over a factor with a ragged last panel (37 rows in panels of 8 or 16; 300 rows in the production
    /// panels of 128), checked against forward substitution and against one dtrsm call.
    @Test(arguments: [(37, 8), (37, 16), (300, 128)]) func panelSolveMatchesForwardSubstitution(n: Int, panel: Int) throws {
        var rng = SeededGenerator(seed: 11)
        let l = try CholeskyFactor.factor(randomSPD(n, &rng)).lower
        let b = random(n, 5, &rng)
        var panels = b, single = b
        LAPACK.lowerSolveInPanels(l, &panels, panel: panel)
        LAPACK.trsm(side: .left, triangle: .lower, transpose: .none, l, &single)
        #expect(maxAbsDiff(panels, single) < 1e-12)
        for j in 0..<5 {
            let e = Naive.forward(l, b.column(j))
            for i in 0..<n { #expect(abs(panels[i, j] - e[i]) < 1e-10, "row \(i) column \(j)") }
        }
    }

    @Test func singularMatrixFactorsWithJitter() throws {
        // Rank one: v·vᵀ, plus an exact duplicate row/column pair.
        let v: [Double] = [1, 2, 3, 2, 1]
        var a = Matrix(rows: 5, cols: 5)
        for i in 0..<5 { for j in 0..<5 { a[i, j] = v[i] * v[j] } }
        var direct = a
        #expect(LAPACK.potrf(&direct) != .factored)
        let chol = try CholeskyFactor.factor(a)
        #expect(chol.jitter > 0)
        let meanDiag = a.diagonalElements.reduce(0, +) / 5
        #expect(chol.jitter <= 0.1 * meanDiag * (1 + 1e-12))
        var shifted = a
        for i in 0..<5 { shifted[i, i] += chol.jitter }
        #expect(maxAbsDiff(Naive.multiply(chol.lower, chol.lower.transposed), shifted) < 1e-9 * meanDiag)
        #expect(chol.lower.isFinite)
        // The zero matrix also factors (scale falls back to 1).
        let zero = try CholeskyFactor.factor(Matrix(rows: 3, cols: 3))
        #expect(zero.jitter > 0 && zero.lower.isFinite)
    }

    @Test func hopelessMatricesThrowTypedErrors() {
        let indefinite = Matrix(rowArrays: [[1, 0], [0, -1]])
        #expect(throws: LinearAlgebraError.self) { try CholeskyFactor.factor(indefinite) }
        let nan = Matrix(rowArrays: [[1, .nan], [.nan, 1]])
        #expect(throws: LinearAlgebraError.nonFinite) { try CholeskyFactor.factor(nan) }
    }
}

@Suite struct BorderedCholeskyTests {
    /// A random SPD matrix G·Gᵀ/m + I of order n.
    static func spd(_ n: Int, seed: UInt64) -> Matrix {
        var rng = SeededGenerator(seed: seed)
        let g = (0..<n).map { _ in (0..<n).map { _ in rng.normal() } }
        var a = Matrix(rows: n, cols: n)
        for i in 0..<n { for j in 0..<n {
            var s = 0.0
            for k in 0..<n { s += g[i][k] * g[j][k] }
            a[i, j] = s / Double(n) + (i == j ? 1 : 0)
        } }
        return a
    }

    @Test(arguments: [(6, 1), (6, 3), (40, 8)])
    func extendingEqualsFactoringTheWholeMatrix(n: Int, k: Int) throws {
        let full = Self.spd(n + k, seed: UInt64(n * 100 + k))
        var a = Matrix(rows: n, cols: n), b = Matrix(rows: n, cols: k), c = Matrix(rows: k, cols: k)
        for i in 0..<n { for j in 0..<n { a[i, j] = full[i, j] } }
        for i in 0..<n { for j in 0..<k { b[i, j] = full[i, n + j] } }
        for i in 0..<k { for j in 0..<k { c[i, j] = full[n + i, n + j] } }
        let grown = try CholeskyFactor.factor(a).extended(cross: b, corner: c)
        let direct = try CholeskyFactor.factor(full)
        #expect(grown.order == n + k)
        for i in 0..<(n + k) { for j in 0..<(n + k) {
            #expect(abs(grown.lower[i, j] - direct.lower[i, j]) < 1e-10)
        } }
    }

    @Test func aSingularBorderIsRefusedNotFactoredWrongly() throws {
        // A copy of the first row/column with a corner 1 smaller: the Schur complement is −1 (not positive definite).
        let a = Self.spd(5, seed: 9)
        var b = Matrix(rows: 5, cols: 1), c = Matrix(rows: 1, cols: 1)
        for i in 0..<5 { b[i, 0] = a[i, 0] }
        c[0, 0] = a[0, 0] - 1
        #expect(throws: LinearAlgebraError.self) { try CholeskyFactor.factor(a).extended(cross: b, corner: c) }
    }
}
