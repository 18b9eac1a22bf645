#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The classic test functions the problems are built from (minimization form, as in the literature).
enum TestFunctions {
    /// Branin–Hoo on x1 ∈ [−5, 10], x2 ∈ [0, 15]; global minimum 0.397887 at (−π, 12.275), (π, 2.275), (9.42478, 2.475).
    static func branin(_ x1: Double, _ x2: Double) -> Double {
        let a = 1.0, b = 5.1 / (4 * Double.pi * Double.pi), c = 5 / Double.pi
        let r = 6.0, s = 10.0, t = 1 / (8 * Double.pi)
        let u = x2 - b * x1 * x1 + c * x1 - r
        return a * u * u + s * (1 - t) * cos(x1) + s
    }

    static let braninMinimum = 0.397887357729738

    /// The 6-D Hartmann function on [0, 1]^6; global minimum −3.32237 at
    /// (0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573).
    static func hartmann6(_ x: [Double]) -> Double {
        let alpha = [1.0, 1.2, 3.0, 3.2]
        let a: [[Double]] = [
            [10, 3, 17, 3.5, 1.7, 8],
            [0.05, 10, 17, 0.1, 8, 14],
            [3, 3.5, 1.7, 10, 17, 8],
            [17, 8, 0.05, 10, 0.1, 14],
        ]
        let p: [[Double]] = [
            [1312, 1696, 5569, 124, 8283, 5886],
            [2329, 4135, 8307, 3736, 1004, 9991],
            [2348, 1451, 3522, 2883, 3047, 6650],
            [4047, 8828, 8732, 5743, 1091, 381],
        ]
        var total = 0.0
        for i in 0..<4 {
            var inner = 0.0
            for j in 0..<6 {
                let d = x[j] - p[i][j] * 1e-4
                inner += a[i][j] * d * d
            }
            total += alpha[i] * exp(-inner)
        }
        return -total
    }

    static let hartmann6Minimum = -3.322368011391339

    /// Ackley in any dimension; global minimum 0 at the origin.
    static func ackley(_ x: [Double]) -> Double {
        let n = Double(x.count)
        let sq = x.reduce(0) { $0 + $1 * $1 } / n
        let cs = x.reduce(0) { $0 + cos(2 * Double.pi * $1) } / n
        return -20 * exp(-0.2 * sq.squareRoot()) - exp(cs) + 20 + exp(1)
    }
}
