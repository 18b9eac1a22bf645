#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// P(success | x) from observed successes and failures: binary GP classification with a probit likelihood and
/// the Laplace approximation (Rasmussen & Williams, Algorithms 3.1 and 3.2).
///
/// Latent prior: f ~ GP(0, σ_b² + σ²·Matérn-5/2(ℓ)) with σ_b² = 4 (a constant offset with a wide prior, so a base rate near 0 or 1 can be learned and all-success data can
/// push the whole surface up) and σ² = 1. Labels are +1 for success, −1 for failure. The predictive probability
/// is exact for the probit link given the Gaussian approximation: Φ(μ*/√(1 + σ*²)), clipped to
/// [1e-12, 1 − 1e-12]. At most the 1,000 most recent observations are used.
public struct SuccessModel: Sendable {
    static let biasVariance = 4.0
    static let signalVariance = 1.0
    static let defaultLengthscale = 0.3
    static let maxPoints = 1000

    let x: Matrix
    let kernel: Matern52Kernel
    /// ∇ log p(y | f̂) at the mode.
    let gradient: [Double]
    /// √W at the mode.
    let sqrtW: [Double]
    /// Cholesky factor of B = I + √W·K·√W.
    let factor: CholeskyFactor

    /// Lengthscales of the latent GP.
    public var lengthscales: [Double] { kernel.lengthscales }

    /// Fits the Laplace approximation (Newton iterations with step halving, at most 50).
    /// - Parameters:
    ///   - lengthscales: one per dimension, or `nil` for 0.3 in every dimension.
    /// - Throws: `GPError` for empty, mismatched or non-finite input, or bad lengthscales.
    public static func fit(x: [[Double]], success: [Bool], lengthscales: [Double]?) throws -> SuccessModel {
        var xm = try validatedInputs(x, success.map { _ in 0.0 })
        var labels = success.map { $0 ? 1.0 : -1.0 }
        let d = xm.cols
        let ls = lengthscales ?? [Double](repeating: defaultLengthscale, count: d)
        guard ls.count == d, ls.allSatisfy({ $0 > 0 && $0.isFinite }) else {
            throw GPError.invalidHyperparameters("success model needs \(d) positive finite lengthscales")
        }
        if xm.rows > maxPoints {
            xm = xm.selectingRows(Array((xm.rows - maxPoints)..<xm.rows))
            labels = Array(labels.suffix(maxPoints))
        }
        let kernel = Matern52Kernel(lengthscales: ls, signalVariance: signalVariance)
        var k = kernel.gram(xm)
        for i in k.storage.indices { k.storage[i] += biasVariance }
        let n = xm.rows

        func likelihood(_ f: [Double]) -> (logp: Double, grad: [Double], w: [Double]) {
            var lp = 0.0
            var g = [Double](repeating: 0, count: n), w = [Double](repeating: 0, count: n)
            for i in 0..<n {
                let z = labels[i] * f[i]
                let logPhi = Normal.logCDF(z)
                let ratio = exp(-0.5 * z * z - 0.5 * log(2 * Double.pi) - logPhi)  // φ(z)/Φ(z)
                lp += logPhi
                g[i] = labels[i] * ratio
                w[i] = max(ratio * ratio + z * ratio, 1e-12)
            }
            return (lp, g, w)
        }

        var f = [Double](repeating: 0, count: n)
        var a = [Double](repeating: 0, count: n)
        var state = likelihood(f)
        var psi = state.logp
        var lastFactor: CholeskyFactor? = nil
        for _ in 0..<50 {
            let sw = state.w.map { $0.squareRoot() }
            var b = k
            for j in 0..<n { for i in 0..<n { b[i, j] *= sw[i] * sw[j] } }
            for i in 0..<n { b[i, i] += 1 }
            guard let chol = try? CholeskyFactor.factor(b) else { break }
            lastFactor = chol
            let bvec = (0..<n).map { state.w[$0] * f[$0] + state.grad[$0] }
            let kb = LAPACK.multiply(k, vector: bvec)
            let inner = chol.solve((0..<n).map { sw[$0] * kb[$0] })
            var aNew = (0..<n).map { bvec[$0] - sw[$0] * inner[$0] }
            var fNew = LAPACK.multiply(k, vector: aNew)
            var newState = likelihood(fNew)
            var psiNew = newState.logp - 0.5 * zip(aNew, fNew).reduce(0) { $0 + $1.0 * $1.1 }
            var halvings = 0
            while !(psiNew >= psi - 1e-12) && halvings < 20 {
                aNew = (0..<n).map { 0.5 * (a[$0] + aNew[$0]) }
                fNew = LAPACK.multiply(k, vector: aNew)
                newState = likelihood(fNew)
                psiNew = newState.logp - 0.5 * zip(aNew, fNew).reduce(0) { $0 + $1.0 * $1.1 }
                halvings += 1
            }
            guard psiNew.isFinite, psiNew >= psi - 1e-12 else { break }
            let improvement = psiNew - psi
            a = aNew; f = fNew; state = newState; psi = psiNew
            if improvement < 1e-10 * max(1, abs(psi)) { break }
        }
        // Factor B at the final mode (Algorithm 3.2 needs it there).
        let sw = state.w.map { $0.squareRoot() }
        var b = k
        for j in 0..<n { for i in 0..<n { b[i, j] *= sw[i] * sw[j] } }
        for i in 0..<n { b[i, i] += 1 }
        guard let chol = (try? CholeskyFactor.factor(b)) ?? lastFactor else {
            throw GPError.numericalFailure("success model: I + √W K √W could not be factored")
        }
        return SuccessModel(x: xm, kernel: kernel, gradient: state.grad, sqrtW: sw, factor: chol)
    }

    /// Predictive probability of success at each point, in (0, 1).
    public func probability(_ xs: [[Double]]) -> [Double] {
        if xs.isEmpty { return [] }
        precondition(xs.allSatisfy { $0.count == x.cols }, "query points must have the model's input dimension")
        let q = Matrix(rowArrays: xs, columns: x.cols)
        var ks = kernel.cross(x, q)
        for i in ks.storage.indices { ks.storage[i] += Self.biasVariance }
        let mean = LAPACK.multiply(ks, vector: gradient, transpose: .transpose)
        let n = x.rows
        for j in 0..<q.rows { for i in 0..<n { ks[i, j] *= sqrtW[i] } }
        let v = factor.solveLower(ks)
        return (0..<q.rows).map { j in
            var s = 0.0
            for i in 0..<n { let e = v[i, j]; s += e * e }
            let variance = max(0, Self.signalVariance + Self.biasVariance - s)
            let p = Normal.cdf(mean[j] / (1 + variance).squareRoot())
            return p.isFinite ? min(max(p, 1e-12), 1 - 1e-12) : 0.5
        }
    }
}
