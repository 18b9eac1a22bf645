import Testing
@testable import CARBSCore

private func unscrambled(_ d: Int, _ n: Int) throws -> [[Double]] {
    var none: SeededGenerator? = nil
    var s = try SobolSequence(dimension: d, scramble: &none)
    return (0..<n).map { _ in s.next() }
}

/// A space of d linear [0, 1] parameters: sampled values equal the sampler's coordinates.
private func unitSpace(_ d: Int) throws -> Space {
    Space(try (0..<d).map { try CompactSpec.parse("p\($0)=linear:0:1") })
}

private func numbers(_ point: [(String, JSONValue)]) -> [Double] { point.compactMap(\.1.doubleValue) }

@Suite struct SobolTests {
    @Test func matchesScipyFirstEightPointsInFiveDimensions() throws {
        // scipy.stats.qmc.Sobol(d=5, scramble=False).random(8)
        let expected: [[Double]] = [
            [0, 0, 0, 0, 0], [0.5, 0.5, 0.5, 0.5, 0.5], [0.75, 0.25, 0.25, 0.25, 0.75], [0.25, 0.75, 0.75, 0.75, 0.25],
            [0.375, 0.375, 0.625, 0.875, 0.375], [0.875, 0.875, 0.125, 0.375, 0.875], [0.625, 0.125, 0.875, 0.625, 0.625],
            [0.125, 0.625, 0.375, 0.125, 0.125],
        ]
        #expect(try unscrambled(5, 8) == expected)
    }

    @Test func matchesScipyInHighColumns() throws {
        // scipy.stats.qmc.Sobol(d=40, scramble=False).random(16)[:, [0, 7, 20, 39]]
        let expected: [[Double]] = [
            [0, 0, 0, 0], [0.5, 0.5, 0.5, 0.5], [0.75, 0.75, 0.25, 0.25], [0.25, 0.25, 0.75, 0.75],
            [0.375, 0.875, 0.125, 0.875], [0.875, 0.375, 0.625, 0.375], [0.625, 0.125, 0.375, 0.625],
            [0.125, 0.625, 0.875, 0.125], [0.1875, 0.9375, 0.1875, 0.5625], [0.6875, 0.4375, 0.6875, 0.0625],
            [0.9375, 0.1875, 0.4375, 0.8125], [0.4375, 0.6875, 0.9375, 0.3125], [0.3125, 0.0625, 0.0625, 0.4375],
            [0.8125, 0.5625, 0.5625, 0.9375], [0.5625, 0.8125, 0.3125, 0.1875], [0.0625, 0.3125, 0.8125, 0.6875],
        ]
        let got = try unscrambled(40, 16).map { row in [0, 7, 20, 39].map { row[$0] } }
        #expect(got == expected)
    }

    @Test func firstPowerOfTwoPointsAreStratified() throws {
        // Any 2^k leading points of a Sobol sequence put exactly one point in each 1/2^k cell of every coordinate.
        let pts = try unscrambled(64, 64)
        for j in 0..<64 {
            let cells = Set(pts.map { Int($0[j] * 64) })
            #expect(cells.count == 64, "dimension \(j)")
        }
    }

    @Test func scrambledStaysInUnitCubeAndDependsOnSeed() throws {
        func scrambled(_ seed: UInt64) throws -> [[Double]] {
            var g: SeededGenerator? = SeededGenerator(seed: seed)
            var s = try SobolSequence(dimension: 6, scramble: &g)
            return (0..<200).map { _ in s.next() }
        }
        let a = try scrambled(1), b = try scrambled(1), c = try scrambled(2)
        #expect(a == b)
        #expect(a != c)
        #expect(a.allSatisfy { $0.allSatisfy { $0 >= 0 && $0 < 1 } })
        #expect(c.allSatisfy { $0.allSatisfy { $0 >= 0 && $0 < 1 } })
        // A digital shift keeps the stratification of the first 2^k points.
        for j in 0..<6 { #expect(Set(a.prefix(128).map { Int($0[j] * 128) }).count == 128) }
    }

    @Test func tooManyDimensionsIsAnError() {
        var none: SeededGenerator? = nil
        #expect(throws: SpaceError.self) { _ = try SobolSequence(dimension: SobolSequence.maxDimension + 1, scramble: &none) }
    }
}

@Suite struct SamplerTests {
    @Test func latinHypercubeHasOnePointPerStratum() throws {
        let space = try unitSpace(4)
        for seed: UInt64 in [0, 1, 99] {
            let pts = try Sampler.sample(space, method: .lhs, count: 10, seed: seed).map(numbers)
            #expect(pts.count == 10)
            for j in 0..<4 {
                // Strata [k/10, (k+1)/10): each holds exactly one point.
                #expect(pts.map { Int($0[j] * 10) }.sorted() == Array(0..<10), "seed \(seed) coordinate \(j)")
            }
        }
    }

    @Test func gridSizesAndOrder() throws {
        let two = try unitSpace(2)
        let g = try Sampler.sample(two, method: .grid, count: nil, seed: 0, levels: 3).map(numbers)
        // 3 × 3 points, last parameter fastest.
        #expect(g == [[0, 0], [0, 0.5], [0, 1], [0.5, 0], [0.5, 0.5], [0.5, 1], [1, 0], [1, 0.5], [1, 1]])
        #expect(try Sampler.sample(two, method: .grid, count: 4, seed: 0, levels: 3).count == 4)
        #expect(try Sampler.sample(two, method: .grid, count: 100, seed: 0, levels: 3).count == 9)

        // Choices contribute all their values; fixed parameters no axis.
        let mixed = Space([try CompactSpec.parse("x=linear:0:1"), try CompactSpec.parse("o=choice:a,b,c"),
                           try CompactSpec.parse("s=fixed:7")])
        let m = try Sampler.sample(mixed, method: .grid, count: nil, seed: 0, levels: 4)
        #expect(m.count == 12)   // 4 × 3
        #expect(Set(m.map { $0[1].1 }) == ["a", "b", "c"])
        #expect(m.allSatisfy { $0[2].1 == 7 })

        // levels 1 = the middle.
        #expect(try Sampler.sample(two, method: .grid, count: nil, seed: 0, levels: 1).map(numbers) == [[0.5, 0.5]])
        #expect(throws: SpaceError.self) { _ = try Sampler.sample(two, method: .grid, count: nil, seed: 0, levels: 0) }
    }

    @Test func gridDeduplicatesIntegers() throws {
        // n ∈ [0, 2] at 5 levels: u = 0, .25, .5, .75, 1 → 0, 0.5→1, 1, 1.5→2, 2 → distinct {0, 1, 2}.
        let space = Space([try CompactSpec.parse("n=linear:0:2:int")])
        let g = try Sampler.sample(space, method: .grid, count: nil, seed: 0, levels: 5).map(numbers)
        #expect(g == [[0], [1], [2]])
    }

    @Test func hugeGridNeedsACount() throws {
        let space = try unitSpace(8)
        // 10^8 points > 10^7.
        #expect(throws: SpaceError.self) { _ = try Sampler.sample(space, method: .grid, count: nil, seed: 0, levels: 10) }
        #expect(try Sampler.sample(space, method: .grid, count: 3, seed: 0, levels: 10).count == 3)
    }

    @Test func centerMethodRepeatsTheCenter() throws {
        let space = Space([try CompactSpec.parse("lr=log:1e-5:1e-1"), try CompactSpec.parse("o=choice:a,b:center=b")])
        let pts = try Sampler.sample(space, method: .center, count: 3, seed: 5)
        #expect(pts.count == 3)
        #expect(pts.allSatisfy { $0[0].1 == 0.001 && $0[1].1 == "b" })
    }

    @Test(arguments: SamplingMethod.allCases)
    func everyValueInsideItsBounds(method: SamplingMethod) throws {
        let space = Space([
            try CompactSpec.parse("lr=log:1e-5:1e-1"),
            try CompactSpec.parse("width=log:16:4096:int"),
            try CompactSpec.parse("b=log2:8:512:int"),
            try CompactSpec.parse("w=linear:1:10:step=4"),
            try CompactSpec.parse("g=logit:0.9:0.999"),
            try CompactSpec.parse("x=linear:-5:10"),
            try CompactSpec.parse("opt=choice:adam,lion,sgd"),
            try CompactSpec.parse("seed=fixed:42"),
        ])
        for seed: UInt64 in [0, 7, 12345] {
            let pts = try Sampler.sample(space, method: method, count: 64, seed: seed, levels: 3)
            #expect(!pts.isEmpty)
            for pt in pts {
                #expect(pt.map(\.0) == space.names)
                #expect(space.problems(with: Dictionary(uniqueKeysWithValues: pt)).isEmpty, "\(pt)")
                for (name, v) in pt {
                    guard let p = space[name], p.isNumeric, let d = v.doubleValue else { continue }
                    #expect(d >= p.min && d <= p.max, "\(name) = \(d)")
                    if p.integer { #expect(d == d.rounded() && d.truncatingRemainder(dividingBy: p.step) == 0, "\(name) = \(d)") }
                }
            }
        }
    }

    @Test(arguments: [SamplingMethod.random, .sobol, .lhs])
    func seedDeterminesThePoints(method: SamplingMethod) throws {
        let space = try unitSpace(3)
        let a = try Sampler.sample(space, method: method, count: 5, seed: 7).map(numbers)
        let b = try Sampler.sample(space, method: method, count: 5, seed: 7).map(numbers)
        let c = try Sampler.sample(space, method: method, count: 5, seed: 8).map(numbers)
        #expect(a == b)
        #expect(a != c)
        #expect(a.count == 5)
    }

    @Test func choiceCellsAreEqual() throws {
        // A choice takes one coordinate split into equal cells: with LHS over 30 points each of 3 values
        // gets exactly 10.
        let space = Space([try CompactSpec.parse("o=choice:a,b,c")])
        let pts = try Sampler.sample(space, method: .lhs, count: 30, seed: 3)
        for v: JSONValue in ["a", "b", "c"] { #expect(pts.filter { $0[0].1 == v }.count == 10) }
    }
}
