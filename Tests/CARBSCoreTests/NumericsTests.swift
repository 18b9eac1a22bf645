import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

@testable import CARBSCore

@Suite struct NumericsTests {
    @Test func normalCDFKnownValues() {
        // Values from tables of the standard normal distribution.
        #expect(abs(Normal.cdf(0) - 0.5) < 1e-16)
        #expect(abs(Normal.cdf(1.96) - 0.9750021048517795) < 1e-15)
        #expect(abs(Normal.cdf(-10) - 7.619853024160527e-24) / 7.619853024160527e-24 < 1e-12)
    }

    @Test func quantileInvertsCDF() {
        for p in [1e-12, 1e-6, 0.01, 0.02425, 0.3, 0.5, 0.77, 0.975, 1 - 1e-9] {
            #expect(abs(Normal.cdf(Normal.quantile(p)) - p) <= 1e-13 * max(1, p / 1e-3))
        }
        #expect(abs(Normal.quantile(0.975) - 1.959963984540054) < 1e-12)
    }

    @Test func logCDFIsContinuousAcrossTheSeriesSwitch() {
        let below = Normal.logCDF(-30.000001), above = Normal.logCDF(-29.999999)
        #expect(abs(below - above) < 1e-3)
        // scipy.special.log_ndtr(-40) = -804.6084420137538
        #expect(abs(Normal.logCDF(-40) - -804.6084420137538) < 1e-6)
    }

    @Test func expectedImprovementMatchesClosedForm() {
        // EI(μ=1, σ=2, best=0.5): d=0.5, z=0.25 → 0.5·Φ(0.25) + 2·φ(0.25)
        let expected = 0.5 * 0.5987063256829237 + 2 * 0.38666811680284924
        #expect(abs(Normal.expectedImprovement(mean: 1, sd: 2, best: 0.5) - expected) < 1e-12)
        #expect(Normal.expectedImprovement(mean: 0, sd: 0, best: 1) == 0)
        #expect(Normal.expectedImprovement(mean: 2, sd: 0, best: 1) == 1)
    }

    @Test func generatorIsReproducibleAndUniform() {
        var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 42), c = SeededGenerator(seed: 43)
        let xa = (0..<5).map { _ in a.next() }, xb = (0..<5).map { _ in b.next() }, xc = (0..<5).map { _ in c.next() }
        #expect(xa == xb)
        #expect(xa != xc)
        var g = SeededGenerator(seed: 1)
        var sum = 0.0, sumsq = 0.0
        let n = 20000
        for _ in 0..<n { let z = g.normal(); sum += z; sumsq += z * z }
        #expect(abs(sum / Double(n)) < 0.05)
        #expect(abs(sumsq / Double(n) - 1) < 0.05)
    }

    @Test func stableHasherMatchesFNV1aReference() {
        // FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c (reference value from the FNV specification's test suite).
        var h = StableHasher()
        h.combine("a")
        #expect(h.value == 0xAF63_DC4C_8601_EC8C)
    }
}

@Suite struct LineReaderChunkTests {
    /// Lines that straddle read chunks come back whole, however small the chunk.
    @Test(arguments: [1, 3, 7, 64])
    func linesAcrossChunkBoundaries(chunk: Int) throws {
        let lines = (0..<200).map { i in String(repeating: "x", count: i % 37) + "#\(i)" }
        let text = lines.joined(separator: "\n") + "\r\n"
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let bytes = Array(text.utf8)
        // The pipe buffer (64 KiB) holds the whole text, so write it all before reading.
        #expect(bytes.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) } == bytes.count)
        close(fds[1])
        var reader = LineReader(fileDescriptor: fds[0], chunkSize: chunk)
        var got: [String] = []
        while let l = try reader.next() { got.append(String(decoding: l.bytes, as: UTF8.self)) }
        close(fds[0])
        #expect(got == lines)
    }
}

@Suite struct AlongsideTests {
    /// Both results come back, each the value its closure computed, call after call (the hand-off from the
    /// background thread must never lose or swap a value).
    @Test func bothResultsComeBackEveryTime() {
        for k in 0..<300 {
            var local = 0
            let (a, b) = alongside({ (0...k).reduce(0, +) }, { local = k; return -k })
            #expect(a == k * (k + 1) / 2)
            #expect(b == -k && local == k)
        }
    }
}
