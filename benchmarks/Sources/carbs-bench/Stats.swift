/// Order statistics used by every table.
enum Stats {
    /// The q-quantile with linear interpolation between order statistics (numpy's default, R type 7).
    static func quantile(_ values: [Double], _ q: Double) -> Double? {
        let v = values.filter(\.isFinite).sorted()
        guard !v.isEmpty else { return nil }
        let h = Double(v.count - 1) * min(1, max(0, q))
        let lo = Int(h.rounded(.down))
        let hi = min(v.count - 1, lo + 1)
        return v[lo] + (h - Double(lo)) * (v[hi] - v[lo])
    }

    static func median(_ values: [Double]) -> Double? { quantile(values, 0.5) }
}
