#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A toy "tune as you scale" training run in the spirit of the CARBS paper: the loss of a model of a given width
/// trained for a given number of steps follows a Chinchilla-style power law, plus penalties for a learning rate and
/// a weight decay away from their optima. The best learning rate moves with width (µP-like, lr* ∝ width^−½) and
/// the best weight decay moves with the learning rate (their product is what matters), so a sweep that tunes at
/// small width and copies the learning rate to large width loses.
enum ScalingLaw {
    /// Best learning rate for a width: 3e-3 at width 256, ∝ width^−½.
    static func bestLearningRate(width: Double) -> Double { 3e-3 * (256 / width).squareRoot() }

    /// Best weight decay for a learning rate: lr · wd = 3e-7.
    static func bestWeightDecay(lr: Double) -> Double { 3e-7 / lr }

    /// The irreducible-plus-power-law part: decreasing in width and steps.
    static func baseLoss(width: Double, steps: Double) -> Double {
        1.8 + 2.5 * pow(width / 64, -0.35) + 3.0 * pow(steps / 1000, -0.3)
    }

    /// Final training loss (lower is better), capped at 10 ("diverged").
    static func loss(lr: Double, width: Double, steps: Double, wd: Double) -> Double {
        let lrStar = bestLearningRate(width: width)
        let l = log(lr / lrStar)
        // Too high a learning rate hurts more than too low a one.
        let lrPenalty = l > 0 ? 0.28 * l * l : 0.08 * l * l
        let w = log(wd / bestWeightDecay(lr: lr))
        let wdPenalty = 0.02 * w * w
        return min(10, baseLoss(width: width, steps: steps) + lrPenalty + wdPenalty)
    }

    /// Cost of a run: width × steps in units of the smallest run (64 × 1000).
    static func cost(width: Double, steps: Double) -> Double { width * steps / 64_000 }
}
