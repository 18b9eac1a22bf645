#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Deterministic, locale-free number formatting for people: tick labels, SVG coordinates, the summary line and the
/// fit table. (Numbers in JSON records are written by `JSONWriter.format`.)
public enum NumberText {
    /// `v` with exactly `digits` decimals (0…9), no exponent, no "-0". Non-finite values print as `nan`/`inf`.
    public static func fixed(_ v: Double, _ digits: Int) -> String {
        guard v.isFinite else { return v.isNaN ? "nan" : (v < 0 ? "-inf" : "inf") }
        let d = min(9, max(0, digits))
        var scale: UInt64 = 1
        for _ in 0..<d { scale *= 10 }
        let scaled = (abs(v) * Double(scale)).rounded()
        guard scaled < 9e18 else { return compact(v) }
        let n = UInt64(scaled)
        let intPart = String(n / scale)
        var text = intPart
        if d > 0 {
            let frac = String(n % scale)
            text += "." + String(repeating: "0", count: d - frac.count) + frac
        }
        return (v < 0 && n != 0) ? "-" + text : text
    }

    /// `fixed` without trailing zeros (and without a trailing point).
    public static func trimmed(_ v: Double, _ digits: Int) -> String {
        var s = fixed(v, digits)
        guard s.contains("."), v.isFinite else { return s }
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s == "-0" ? "0" : s
    }

    /// A short label with at most three significant digits: `0.25`, `42`, `3.2k`, `1.5M`, `1e-3`, `2.5e-6`, `1e18`.
    public static func compact(_ v: Double) -> String {
        guard v.isFinite else { return v.isNaN ? "nan" : (v < 0 ? "-inf" : "inf") }
        if v == 0 { return "0" }
        let a = abs(v)
        let sign = v < 0 ? "-" : ""
        if a >= 1e15 || a < 1e-2 {
            var e = Int(log10(a).rounded(.down))
            var m = (a / pow(10, Double(e)) * 100).rounded() / 100
            if m >= 10 { m /= 10; e += 1 }
            return sign + trimmed(m, 2) + "e" + String(e)
        }
        if a >= 999.5 {
            let units: [(Double, String)] = [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")]
            for (u, suffix) in units where a >= u * 0.9995 {
                return sign + significant(a / u) + suffix
            }
        }
        return sign + significant(a)
    }

    /// Three significant digits of a positive number below 1000, trimmed.
    private static func significant(_ a: Double) -> String {
        let digits = max(0, 2 - Int(log10(a).rounded(.down)))
        return trimmed(a, digits)
    }

    /// A tick label for a linear axis whose ticks are `step` apart.
    public static func tick(_ v: Double, step: Double) -> String {
        if step > 0, abs(v) < step * 1e-9 { return "0" }
        let a = abs(v)
        if a >= 1e4 || a < 1e-2 { return compact(v) }
        return trimmed(v, decimals(step))
    }

    /// Smallest number of decimals (≤ 6) that writes `step` exactly.
    static func decimals(_ step: Double) -> Int {
        guard step.isFinite, step > 0 else { return 0 }
        for d in 0...6 {
            let s = step * pow(10, Double(d))
            if abs(s - s.rounded()) < 1e-6 * max(1, s) { return d }
        }
        return 6
    }

    /// A value for the `carbs-fit` table: three decimals at most, trimmed, or below 1e-3 and from 1e5 on a mantissa
    /// with two decimals and an exponent (`1.23e-5`); non-finite values print as `–`.
    public static func rounded(_ x: Double) -> String {
        guard x.isFinite else { return "–" }
        let a = abs(x)
        if a != 0 && (a < 1e-3 || a >= 1e5) {
            let e = Int(floor(log10(a)))
            let m = (x / pow(10, Double(e)) * 100).rounded() / 100
            return "\(JSONWriter.format(m))e\(e)"
        }
        return JSONWriter.format((x * 1000).rounded() / 1000)
    }
}
