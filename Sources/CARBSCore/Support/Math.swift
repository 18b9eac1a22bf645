#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Scalar special functions that glibc lacks: the normal distribution and its inverse.
public enum Normal {
    public static let invSqrt2Pi = 0.398_942_280_401_432_677_94

    /// Standard normal density.
    public static func pdf(_ z: Double) -> Double { invSqrt2Pi * exp(-0.5 * z * z) }

    /// Standard normal CDF, accurate in both tails (erfc avoids cancellation).
    public static func cdf(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }

    /// log Φ(z), finite for very negative z (asymptotic series where erfc underflows).
    public static func logCDF(_ z: Double) -> Double {
        if z > -30 { return log(cdf(z)) }
        let z2 = z * z
        // Φ(z) ≈ φ(z)/(-z) · (1 − 1/z² + 3/z⁴ − 15/z⁶)
        let series = 1 - 1 / z2 + 3 / (z2 * z2) - 15 / (z2 * z2 * z2)
        return -0.5 * z2 - log(-z) - 0.5 * log(2 * Double.pi) + log(series)
    }

    /// Inverse standard normal CDF (Acklam's rational approximation refined by one Halley step; |error| < 1e-15
    /// in double precision over (0, 1)). Returns ∓infinity at 0 and 1.
    public static func quantile(_ p: Double) -> Double {
        if p <= 0 { return -.infinity }
        if p >= 1 { return .infinity }
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                 -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let plow = 0.02425
        var x: Double
        if p < plow {
            let q = (-2 * log(p)).squareRoot()
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else if p <= 1 - plow {
            let q = p - 0.5
            let r = q * q
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        } else {
            let q = (-2 * log(1 - p)).squareRoot()
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        // One Halley refinement step.
        let e = cdf(x) - p
        let u = e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
        x -= u / (1 + x * u / 2)
        return x
    }

    /// Expected improvement of N(mean, sd²) over `best`: E[max(Y − best, 0)].
    public static func expectedImprovement(mean: Double, sd: Double, best: Double) -> Double {
        let diff = mean - best
        guard sd > 1e-300 else { return max(diff, 0) }
        let z = diff / sd
        if z < -30 { return 0 }
        return max(0, diff * cdf(z) + sd * pdf(z))
    }
}
