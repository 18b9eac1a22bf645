/// The Sobol low-discrepancy sequence (Joe–Kuo direction numbers, Gray-code order, first point 0), optionally
/// randomized by a digital shift (XOR with one random word per dimension), which keeps its net properties.
public struct SobolSequence {
    public let dimension: Int
    private var v: [[UInt32]]          // [dim][bit] direction numbers, 32 bits
    private var x: [UInt32]
    private var shift: [UInt32]
    private var index: UInt32 = 0

    public static var maxDimension: Int { SobolTable.maxDimension }

    /// Throws when `dimension` exceeds the table.
    public init(dimension: Int, scramble rng: inout SeededGenerator?) throws(SpaceError) {
        guard dimension <= SobolTable.maxDimension else {
            throw SpaceError("Sobol sampling supports at most \(SobolTable.maxDimension) parameters; use --method lhs or random")
        }
        self.dimension = dimension
        v = []
        for j in 0..<dimension {
            var dirs = [UInt32](repeating: 0, count: 32)
            if j == 0 {
                for k in 0..<32 { dirs[k] = 1 << (31 - UInt32(k)) }
            } else {
                let poly = SobolTable.polynomials[j]
                let s = max(1, 31 - poly.leadingZeroBitCount)  // degree
                var m = [UInt32](repeating: 0, count: 32)
                let initial = SobolTable.initial[j]
                for k in 0..<min(s, 32) { m[k] = k < initial.count ? initial[k] : 1 }
                if s < 32 {
                    for k in s..<32 {
                        var mk = m[k - s] ^ (m[k - s] << UInt32(s))
                        for i in 1..<s {
                            let a = (poly >> UInt32(s - i)) & 1
                            if a == 1 { mk ^= m[k - i] << UInt32(i) }
                        }
                        m[k] = mk
                    }
                }
                for k in 0..<32 { dirs[k] = m[k] << (31 - UInt32(k)) }
            }
            v.append(dirs)
        }
        x = [UInt32](repeating: 0, count: dimension)
        if var g = rng {
            shift = (0..<dimension).map { _ in UInt32(truncatingIfNeeded: g.next() >> 32) }
            rng = g
        } else {
            shift = [UInt32](repeating: 0, count: dimension)
        }
    }

    /// The next point in [0, 1)^dimension.
    public mutating func next() -> [Double] {
        let out = (0..<dimension).map { Double(x[$0] ^ shift[$0]) * 0x1.0p-32 }
        // Gray code: flip the direction number of the lowest zero bit of the index.
        let c = (~index).trailingZeroBitCount
        if c < 32 {
            for j in 0..<dimension { x[j] ^= v[j][c] }
        }
        index &+= 1
        return out
    }
}
