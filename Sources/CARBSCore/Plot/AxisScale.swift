#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One axis of a plot: a linear or log10 mapping from data values to [0, 1], its ticks and their labels.
public struct AxisScale: Sendable, Equatable {
    /// Lower end of the axis (data units; > 0 on a log axis).
    public let lower: Double
    /// Upper end of the axis (data units; > `lower`).
    public let upper: Double
    /// Log10 axis.
    public let isLog: Bool
    /// Tick positions (data units), increasing, inside [lower, upper].
    public let ticks: [Double]
    /// Distance between linear ticks (0 on a log axis with 1-2-5 style ticks).
    let step: Double

    /// Fits an axis to `values` (non-finite values, and non-positive ones on a log axis, are skipped), aiming at
    /// about `targetTicks` ticks. A linear axis is widened to whole tick steps; a log axis spans the data exactly.
    /// A fixed `range` wins over the data. Empty or single-valued data get a sensible non-empty range.
    public init(values: [Double], log: Bool, targetTicks: Int, range: ClosedRange<Double>? = nil) {
        let target = max(2, targetTicks)
        isLog = log
        var lo = Double.infinity, hi = -Double.infinity
        if let range, range.lowerBound.isFinite, range.upperBound.isFinite, !log || range.lowerBound > 0 {
            lo = range.lowerBound
            hi = range.upperBound
        } else {
            for v in values where v.isFinite && (!log || v > 0) {
                lo = min(lo, v)
                hi = max(hi, v)
            }
        }
        if log {
            if lo > hi { lo = 1; hi = 10 }
            if lo == hi { lo /= 3.1622776601683795; hi *= 3.1622776601683795 }
            // Both ends inside [1e-300, 1e300], the lower at most 1e299, so that a decade above it is finite (data
            // near the largest double, such as a cumulative cost that overflowed, must not reach log10(∞)).
            lo = min(max(lo, 1e-300), 1e299)
            hi = min(max(hi, 1e-300), 1e300)
            if !(hi > lo) { hi = lo * 10 }
            let t = AxisScale.logTicks(lo, hi, target)
            lower = lo; upper = hi; ticks = t.ticks; step = t.step
        } else {
            if lo > hi { lo = 0; hi = 1 }
            lo = min(max(lo, -1e300), 1e300); hi = max(min(hi, 1e300), -1e300)
            if lo == hi {
                let d = lo == 0 ? 1 : abs(lo) * 0.1
                lo -= d; hi += d
            }
            if !(hi - lo).isFinite { lo /= 2; hi /= 2 }
            let s = AxisScale.niceStep((hi - lo) / Double(target))
            var l = lo, h = hi
            if range == nil, s > 0 {
                l = (lo / s).rounded(.down) * s
                h = (hi / s).rounded(.up) * s
                if !(l < h) { l = lo; h = hi }
            }
            let plain = AxisScale.linearTicks(l, h, s)
            let t = plain.count >= 2 ? (ticks: plain, step: s) : AxisScale.denseLinearTicks(l, h, target)
            lower = l; upper = h; step = t.step
            ticks = t.ticks
        }
    }

    /// Position of `v` on the axis, 0 at `lower` and 1 at `upper`; nil when it cannot be placed (non-finite, or
    /// ≤ 0 on a log axis). Values outside the axis give positions outside [0, 1].
    public func position(_ v: Double) -> Double? {
        guard v.isFinite else { return nil }
        let t: Double
        if isLog {
            guard v > 0 else { return nil }
            t = (log10(v) - log10(lower)) / (log10(upper) - log10(lower))
        } else {
            t = (v - lower) / (upper - lower)
        }
        return t.isFinite ? t : nil
    }

    /// The label of a tick.
    public func label(_ v: Double) -> String {
        isLog || step <= 0 ? NumberText.compact(v) : NumberText.tick(v, step: step)
    }

    /// 1, 2 or 5 × 10^k, the nice number nearest above `raw` in that sequence (roughly).
    static func niceStep(_ raw: Double) -> Double {
        guard raw.isFinite, raw > 0 else { return 1 }
        let mag = pow(10, log10(raw).rounded(.down))
        let r = raw / mag
        let m: Double = r < 1.5 ? 1 : r < 3 ? 2 : r < 7 ? 5 : 10
        return m * mag
    }

    static func linearTicks(_ lo: Double, _ hi: Double, _ step: Double) -> [Double] {
        guard step > 0, step.isFinite else { return [lo, hi] }
        let first = (lo / step - 1e-9).rounded(.up), last = (hi / step + 1e-9).rounded(.down)
        guard first <= last, last - first < 200 else { return [lo, hi] }
        var out: [Double] = []
        var k = first
        while k <= last {
            let v = k * step
            out.append(v == 0 ? 0 : min(max(v, lo), hi))
            k += 1
        }
        return out
    }

    /// Ticks m·10^k for the densest multiplier set (1…9, 1-2-5, 1-3, 1) that gives at most `target + 1` ticks, then
    /// every n-th decade; falls back to linear ticks inside the range when fewer than two fit.
    static func logTicks(_ lo: Double, _ hi: Double, _ target: Int) -> (ticks: [Double], step: Double) {
        let kLo = Int(log10(lo).rounded(.down)), kHi = Int(log10(hi).rounded(.up))
        func make(_ mults: [Double], stride: Int) -> [Double] {
            var out: [Double] = []
            for k in kLo...kHi where (((k - kLo) % stride) + stride) % stride == 0 {
                for m in mults {
                    let v = m * pow(10, Double(k))
                    if v >= lo * (1 - 1e-9), v <= hi * (1 + 1e-9) { out.append(min(max(v, lo), hi)) }
                }
            }
            return out
        }
        let sets: [[Double]] = [[1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 5], [1, 3], [1]]
        for mults in sets {
            let t = make(mults, stride: 1)
            if t.count >= 2, t.count <= target + 1 { return (t, 0) }
        }
        let decades = make([1], stride: 1)
        if decades.count > target {
            let stride = (decades.count + target - 1) / target
            let t = make([1], stride: stride)
            if t.count >= 2 { return (t, 0) }
        }
        // Less than a decade: linear ticks between the ends.
        return denseLinearTicks(lo, hi, target)
    }

    /// Linear ticks inside [lo, hi] with at least two ticks: the step shrinks until two fit.
    static func denseLinearTicks(_ lo: Double, _ hi: Double, _ target: Int) -> (ticks: [Double], step: Double) {
        var s = niceStep((hi - lo) / Double(target))
        for _ in 0..<6 {
            let t = linearTicks(lo, hi, s)
            if t.count >= 2 { return (t, s) }
            s = niceStep(s / 2.5)
        }
        return ([lo, hi], hi - lo)
    }
}
