import Foundation
import Testing
@testable import CARBSCore

private func uniformPoints(_ n: Int, _ d: Int, _ rng: inout SeededGenerator) -> [[Double]] {
    (0..<n).map { _ in (0..<d).map { _ in rng.uniform() } }
}

private func relativeError(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(abs(a), abs(b), 1e-8) }

/// The fixture written by `Fixtures/make_gp_fixture.py` (numpy/scipy reference).
private struct GPFixture: Decodable {
    struct Case: Decodable {
        var name: String
        var x: [[Double]]
        var y: [Double]
        var xs: [[Double]]
        var hyperparameters: GPHyperparameters
        var mean: [Double]
        var variance: [Double]
        var logMarginalLikelihood: Double
    }
    var cases: [Case]

    static func load() throws -> GPFixture {
        let url = try #require(Bundle.module.url(forResource: "gp_fixture", withExtension: "json",
                                                 subdirectory: "Fixtures"))
        return try JSONDecoder().decode(GPFixture.self, from: Data(contentsOf: url))
    }
}

@Suite struct GPTests {
    // MARK: Gradients

    @Test(arguments: [false, true])
    func kernelGradientMatchesFiniteDifferences(linear: Bool) {
        var rng = SeededGenerator(seed: 11)
        let d = 3, n = 9
        let x = Matrix(rowArrays: uniformPoints(n, d, &rng))
        var w = Matrix(rows: n, cols: n)
        for i in 0..<n { for j in 0...i { let v = rng.normal(); w[i, j] = v; w[j, i] = v } }
        // θ = (log ℓ…, log σ², [log σ_lin²])
        let theta0 = [log(0.3), log(0.7), log(1.4), log(1.2)] + (linear ? [log(0.6)] : [])
        func kernel(_ t: [Double]) -> Matern52Kernel {
            Matern52Kernel(lengthscales: t[0..<d].map { exp($0) }, signalVariance: exp(t[d]),
                           linearVariance: linear ? exp(t[d + 1]) : nil)
        }
        func contracted(_ t: [Double]) -> Double {
            let k = kernel(t).gram(x)
            return zip(w.storage, k.storage).reduce(0) { $0 + $1.0 * $1.1 }
        }
        let k0 = kernel(theta0)
        let analytic = k0.contractedGradient(w, points: x, parts: k0.gramParts(x))
        #expect(analytic.count == theta0.count)
        let h = 1e-5
        for p in theta0.indices {
            var up = theta0, down = theta0
            up[p] += h; down[p] -= h
            let numeric = (contracted(up) - contracted(down)) / (2 * h)
            #expect(relativeError(analytic[p], numeric) < 1e-5, "parameter \(p): \(analytic[p]) vs \(numeric)")
        }
    }

    @Test(arguments: [false, true])
    func logLikelihoodGradientMatchesFiniteDifferences(linear: Bool) throws {
        var rng = SeededGenerator(seed: 12)
        let d = 3, n = 14
        let xs = uniformPoints(n, d, &rng)
        let y = xs.map { sin(4 * $0[0]) + $0[1] * $0[2] + 0.1 * rng.normal() }
        let objective = GPObjective(x: Matrix(rowArrays: xs), y: y, useLinear: linear, noiseLowerBound: 1e-6)
        let theta0 = [log(0.4), log(0.9), log(0.25), log(0.8), log(0.05), 0.15] + (linear ? [log(0.3)] : [])
        let analytic = try #require(objective.logMarginalLikelihood(theta0)).gradient
        let h = 1e-5
        for p in theta0.indices {
            var up = theta0, down = theta0
            up[p] += h; down[p] -= h
            let fu = try #require(objective.logMarginalLikelihood(up)).value
            let fd = try #require(objective.logMarginalLikelihood(down)).value
            let numeric = (fu - fd) / (2 * h)
            #expect(relativeError(analytic[p], numeric) < 1e-5, "parameter \(p): \(analytic[p]) vs \(numeric)")
        }
        // The full objective (with priors) too.
        let full = objective.evaluate(theta0)
        for p in theta0.indices {
            var up = theta0, down = theta0
            up[p] += h; down[p] -= h
            let numeric = (objective.evaluate(up).value - objective.evaluate(down).value) / (2 * h)
            #expect(relativeError(full.gradient[p], numeric) < 1e-5)
        }
    }

    // MARK: Against the numpy/scipy reference

    @Test func predictionsMatchIndependentImplementation() throws {
        let fixture = try GPFixture.load()
        #expect(fixture.cases.count == 2)
        for c in fixture.cases {
            let gp = try GaussianProcess(x: c.x, y: c.y, hyperparameters: c.hyperparameters)
            #expect(gp.jitter == 0)
            let (mean, variance) = gp.predict(c.xs)
            for j in c.xs.indices {
                #expect(abs(mean[j] - c.mean[j]) < 1e-6, "\(c.name) mean \(j)")
                #expect(abs(variance[j] - c.variance[j]) < 1e-6, "\(c.name) variance \(j)")
            }
            #expect(abs(gp.logMarginalLikelihood - c.logMarginalLikelihood) < 1e-6)
        }
    }

    // MARK: Fitting

    @Test func recoversKnownOneDimensionalFunction() throws {
        let xs = (0..<20).map { [Double($0) / 19] }
        let y = xs.map { sin(6 * $0[0]) }
        var rng = SeededGenerator(seed: 5)
        let gp = try GaussianProcess.fit(x: xs, y: y, options: GPFitOptions(), rng: &rng)
        let grid = (0...200).map { [Double($0) / 200] }
        let (mean, variance) = gp.predict(grid)
        let maxError = zip(grid, mean).map { abs($1 - sin(6 * $0[0])) }.max() ?? .infinity
        #expect(maxError < 0.03, "max error \(maxError), hyperparameters \(gp.hyperparameters)")
        #expect(variance.allSatisfy { $0 >= 0 && $0 < 0.05 })
        #expect(gp.hyperparameters.noiseVariance < 1e-2)
        #expect(gp.pointsUsed == 20)
    }

    @Test func degenerateDataFitsWithoutNaN() throws {
        var rng = SeededGenerator(seed: 6)
        let grid = uniformPoints(50, 2, &rng)
        func check(_ x: [[Double]], _ y: [Double], linear: Bool) throws {
            var options = GPFitOptions()
            options.useLinearTerm = linear
            let gp = try GaussianProcess.fit(x: x, y: y, options: options, rng: &rng)
            let h = gp.hyperparameters
            #expect(h.lengthscales.allSatisfy { $0.isFinite && $0 > 0 })
            #expect(h.signalVariance.isFinite && h.noiseVariance.isFinite && h.mean.isFinite)
            #expect(gp.logMarginalLikelihood.isFinite)
            let (m, v) = gp.predict(grid)
            #expect(m.allSatisfy { $0.isFinite } && v.allSatisfy { $0.isFinite && $0 >= 0 })
            let loo = gp.leaveOneOut()
            #expect(loo.mean.allSatisfy { $0.isFinite } && loo.variance.allSatisfy { $0.isFinite })
        }
        for linear in [false, true] {
            // Identical points with differing scores.
            try check(Array(repeating: [0.3, 0.7], count: 8), [1, 2, 1.5, 1.2, 0.9, 1.1, 2.2, 1.7], linear: linear)
            // Constant scores.
            try check(uniformPoints(12, 2, &rng), Array(repeating: 3.5, count: 12), linear: linear)
            // A single observation.
            try check([[0.5, 0.5]], [42], linear: linear)
            // Identical points and identical scores at a huge scale.
            try check(Array(repeating: [0.1, 0.2], count: 5), Array(repeating: 1e9, count: 5), linear: linear)
        }
        // Constant scores: the mean is the constant.
        let gp = try GaussianProcess.fit(x: uniformPoints(12, 2, &rng), y: Array(repeating: 3.5, count: 12),
                                         options: GPFitOptions(), rng: &rng)
        #expect(gp.predict(grid).mean.allSatisfy { abs($0 - 3.5) < 1e-6 })
    }

    @Test func invalidInputThrowsTypedErrors() throws {
        var rng = SeededGenerator(seed: 7)
        #expect(throws: GPError.noData) { try GaussianProcess.fit(x: [], y: [], options: GPFitOptions(), rng: &rng) }
        #expect(throws: GPError.self) {
            try GaussianProcess.fit(x: [[0.1], [0.2]], y: [1], options: GPFitOptions(), rng: &rng)
        }
        #expect(throws: GPError.self) {
            try GaussianProcess.fit(x: [[0.1], [0.2]], y: [1, .nan], options: GPFitOptions(), rng: &rng)
        }
        let bad = GPHyperparameters(lengthscales: [0.1, 0.2], signalVariance: 1, noiseVariance: 0.1, mean: 0)
        #expect(throws: GPError.self) { try GaussianProcess(x: [[0.1]], y: [1], hyperparameters: bad) }
        #expect(throws: GPError.noData) {
            try SuccessModel.fit(x: [], success: [], lengthscales: nil)
        }
    }

    @Test func ardShrinksLengthscalesOfRelevantDimensions() throws {
        var rng = SeededGenerator(seed: 8)
        let x = uniformPoints(80, 6, &rng)
        let y = x.map { sin(5 * $0[0]) + cos(4 * $0[1]) }
        let gp = try GaussianProcess.fit(x: x, y: y, options: GPFitOptions(), rng: &rng)
        let ls = gp.hyperparameters.lengthscales
        let order = ls.indices.sorted { ls[$0] < ls[$1] }
        #expect(Set(order.prefix(2)) == [0, 1], "lengthscales \(ls)")
    }

    @Test func fixedHyperparametersAndSubsampling() throws {
        var rng = SeededGenerator(seed: 9)
        let x = uniformPoints(40, 2, &rng)
        let y = x.map { $0[0] - $0[1] }
        let fixed = GPHyperparameters(lengthscales: [0.3, 0.3], signalVariance: 0.9, noiseVariance: 0.01, mean: 0,
                                      linearVariance: 0.9)
        var options = GPFitOptions(maxPoints: 25, fixed: fixed)
        let gp = try GaussianProcess.fit(x: x, y: y, options: options, rng: &rng)
        #expect(gp.hyperparameters == fixed)
        #expect(gp.pointsUsed == 25)
        // The most recent 25 points are the ones kept.
        let direct = try GaussianProcess(x: Array(x.suffix(25)), y: Array(y.suffix(25)), hyperparameters: fixed)
        #expect(gp.predict([[0.5, 0.5]]).mean == direct.predict([[0.5, 0.5]]).mean)
        // Fitting on a subsample still conditions on every point.
        options = GPFitOptions(maxFitPoints: 10)
        let sub = try GaussianProcess.fit(x: x, y: y, options: options, rng: &rng)
        #expect(sub.pointsUsed == 40)
    }

    @Test func fitIsReproducibleForASeed() throws {
        var data = SeededGenerator(seed: 17)
        let x = uniformPoints(30, 3, &data)
        let y = x.map { $0[0] * $0[0] - $0[2] + 0.05 * data.normal() }
        var a = SeededGenerator(seed: 99), b = SeededGenerator(seed: 99)
        let options = GPFitOptions(useLinearTerm: true)
        let ga = try GaussianProcess.fit(x: x, y: y, options: options, rng: &a)
        let gb = try GaussianProcess.fit(x: x, y: y, options: options, rng: &b)
        #expect(ga.hyperparameters == gb.hyperparameters)
        #expect(ga.hyperparameters.linearVariance != nil)
        // The MAP fit beats the default start in marginal likelihood.
        let defaults = GPHyperparameters(lengthscales: [0.5, 0.5, 0.5], signalVariance: 1, noiseVariance: 0.01,
                                         mean: 0, linearVariance: 0.5)
        let ys = FittedTransform.fit(y, kind: .standardize)
        let standardized = try GaussianProcess.fit(x: x, y: y.map { ys.forward($0) }, options: options, rng: &a)
        let atDefaults = try GaussianProcess(x: x, y: y.map { ys.forward($0) }, hyperparameters: defaults)
        #expect(standardized.logMarginalLikelihood > atDefaults.logMarginalLikelihood)
    }

    // MARK: Posterior operations

    @Test func leaveOneOutMatchesBruteForceRefits() throws {
        var rng = SeededGenerator(seed: 10)
        let x = uniformPoints(15, 2, &rng)
        let y = x.map { sin(3 * $0[0]) * cos(2 * $0[1]) + 0.05 * rng.normal() }
        let h = GPHyperparameters(lengthscales: [0.35, 0.5], signalVariance: 0.7, noiseVariance: 0.02, mean: 0.1,
                                  linearVariance: 0.4)
        let gp = try GaussianProcess(x: x, y: y, hyperparameters: h)
        let loo = gp.leaveOneOut()
        for i in x.indices {
            var xi = x, yi = y
            xi.remove(at: i); yi.remove(at: i)
            let refit = try GaussianProcess(x: xi, y: yi, hyperparameters: h).predict([x[i]])
            #expect(abs(loo.mean[i] - refit.mean[0]) < 1e-8)
            #expect(abs(loo.variance[i] - refit.variance[0]) < 1e-8)
        }
    }

    @Test func addingEqualsConditioningOnEverything() throws {
        var rng = SeededGenerator(seed: 13)
        let x = uniformPoints(12, 3, &rng), extra = uniformPoints(4, 3, &rng)
        let y = x.map { $0.reduce(0, +) }, ey = extra.map { $0.reduce(0, +) + 1 }
        let h = GPHyperparameters(lengthscales: [0.4, 0.4, 0.4], signalVariance: 1, noiseVariance: 0.01, mean: 0)
        let added = try GaussianProcess(x: x, y: y, hyperparameters: h).adding(x: extra, y: ey)
        let direct = try GaussianProcess(x: x + extra, y: y + ey, hyperparameters: h)
        let q = uniformPoints(20, 3, &rng)
        let a = added.predict(q), b = direct.predict(q)
        #expect(added.pointsUsed == 16)
        for j in q.indices {
            #expect(abs(a.mean[j] - b.mean[j]) < 1e-12 && abs(a.variance[j] - b.variance[j]) < 1e-12)
        }
        #expect(throws: GPError.self) { try added.adding(x: [[0.1]], y: [1]) }
    }

    // MARK: Transforms

    @Test func outputTransformsRoundTrip() {
        let y: [Double] = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
        for kind in [OutputTransform.standardize, .quantileNormal, .minMax] {
            let t = FittedTransform.fit(y, kind: kind)
            for v in y + [-10, 0.5, 7.5, 20] {
                #expect(abs(t.inverse(t.forward(v)) - v) < 1e-9, "\(kind) at \(v)")
            }
            // Monotone increasing.
            let grid = stride(from: -5.0, through: 15, by: 0.25).map { t.forward($0) }
            #expect(zip(grid, grid.dropFirst()).allSatisfy { $0 < $1 })
        }
        let s = FittedTransform.fit(y, kind: .standardize)
        let z = y.map { s.forward($0) }
        #expect(abs(z.reduce(0, +)) < 1e-12)
        #expect(abs(z.reduce(0) { $0 + $1 * $1 } / Double(z.count) - 1) < 1e-12)
        let mm = FittedTransform.fit(y, kind: .minMax)
        #expect(mm.forward(1) == -1 && mm.forward(9) == 1)
        // Quantile: ties share one score, the median maps to 0, scores are symmetric.
        let q = FittedTransform.fit([1, 2, 2, 3], kind: .quantileNormal)
        #expect(abs(q.forward(2)) < 1e-12)  // average rank 1.5 of 4 → p = 0.5
        #expect(abs(q.forward(1) - Normal.quantile(0.125)) < 1e-12)
        #expect(abs(q.forward(1) + q.forward(3)) < 1e-12)
        // Degenerate inputs stay finite and invertible.
        for kind in [OutputTransform.standardize, .quantileNormal, .minMax] {
            let c = FittedTransform.fit([2, 2, 2], kind: kind)
            #expect(c.forward(2).isFinite && abs(c.inverse(c.forward(2.5)) - 2.5) < 1e-12)
            let e = FittedTransform.fit([], kind: kind)
            #expect(e.forward(1.5) == 1.5)
        }
    }

    // MARK: Success model

    @Test func successModelLearnsFailingRegion() throws {
        var rng = SeededGenerator(seed: 15)
        let x = uniformPoints(120, 2, &rng)
        // Failures where x₀ + x₁ > 1.3 (the top-right corner).
        let success = x.map { $0[0] + $0[1] <= 1.3 }
        let model = try SuccessModel.fit(x: x, success: success, lengthscales: nil)
        let p = model.probability([[0.95, 0.9], [0.85, 0.95], [0.1, 0.1], [0.3, 0.5], [0.8, 0.1]])
        #expect(p[0] < 0.2 && p[1] < 0.2, "\(p)")
        #expect(p[2] > 0.8 && p[3] > 0.8 && p[4] > 0.8, "\(p)")
        let grid = uniformPoints(500, 2, &rng)
        let all = model.probability(grid)
        #expect(all.allSatisfy { $0 > 0 && $0 < 1 && !$0.isNaN })
        // Training accuracy of the 0.5-threshold rule.
        let fitted = model.probability(x)
        let correct = zip(fitted, success).filter { ($0 > 0.5) == $1 }.count
        #expect(correct >= 108)
    }

    @Test func successModelDegenerateLabels() throws {
        var rng = SeededGenerator(seed: 16)
        let x = uniformPoints(30, 3, &rng)
        let allGood = try SuccessModel.fit(x: x, success: Array(repeating: true, count: 30), lengthscales: nil)
        let pGood = allGood.probability(x + uniformPoints(50, 3, &rng))
        #expect(pGood.allSatisfy { $0 > 0.9 && $0 < 1 }, "\(pGood.min() ?? .nan) \(pGood.max() ?? .nan)")
        let allBad = try SuccessModel.fit(x: x, success: Array(repeating: false, count: 30),
                                          lengthscales: [0.5, 0.5, 0.5])
        #expect(allBad.probability(x).allSatisfy { $0 < 0.1 && $0 > 0 })
        let duplicates = try SuccessModel.fit(x: Array(repeating: [0.5, 0.5, 0.5], count: 6),
                                              success: [true, false, true, false, true, true], lengthscales: nil)
        let pd = duplicates.probability([[0.5, 0.5, 0.5], [0, 0, 0]])
        #expect(pd.allSatisfy { $0.isFinite && $0 > 0 && $0 < 1 })
        #expect(pd[0] > 0.5)  // 4 of 6 succeeded there
        let single = try SuccessModel.fit(x: [[0.2, 0.2, 0.2]], success: [false], lengthscales: nil)
        #expect(single.probability([[0.2, 0.2, 0.2]])[0] < 0.5)
    }

    // MARK: Optimizer

    /// Rosenbrock's function (a = 1, b = 100) and its gradient.
    static func rosenbrock(_ v: [Double]) -> (value: Double, gradient: [Double]) {
        let a = 1 - v[0], b = v[1] - v[0] * v[0]
        return (a * a + 100 * b * b, [-2 * a - 400 * v[0] * b, 200 * b])
    }

    @Test func boundedLBFGSFindsConstrainedMinimum() {
        // Rosenbrock: unconstrained minimum (1, 1); with x ≤ 0.5 the minimum is on the bound at (0.5, 0.25).
        let rosen = Self.rosenbrock
        let opt = BoundedLBFGS(maxIterations: 500, gradientTolerance: 1e-9, relativeTolerance: 0)
        let free = opt.minimize(start: [-1.2, 1], lower: [-5, -5], upper: [5, 5], rosen)
        #expect(abs(free.x[0] - 1) < 1e-4 && abs(free.x[1] - 1) < 1e-4, "\(free.x)")
        let boxed = opt.minimize(start: [-1.2, 1], lower: [-5, -5], upper: [0.5, 5], rosen)
        #expect(abs(boxed.x[0] - 0.5) < 1e-8 && abs(boxed.x[1] - 0.25) < 1e-4, "\(boxed.x)")
    }

    @Test func stallToleranceStopsEarlyButCloseToTheMinimum() {
        // Rosenbrock from (−1.2, 1): the path creeps along the valley, so a full run takes many small steps.
        let rosen = Self.rosenbrock
        var opt = BoundedLBFGS(maxIterations: 500, gradientTolerance: 1e-12, relativeTolerance: 0)
        let full = opt.minimize(start: [-1.2, 1], lower: [-5, -5], upper: [5, 5], rosen)
        opt.stallTolerance = 1e-3
        let stalled = opt.minimize(start: [-1.2, 1], lower: [-5, -5], upper: [5, 5], rosen)
        #expect(stalled.evaluations < full.evaluations, "\(stalled.evaluations) vs \(full.evaluations)")
        // Stopped only once three steps gained < 1e-3 together; L-BFGS is converging superlinearly there.
        #expect(stalled.value - full.value < 1e-2, "\(stalled.value) vs \(full.value)")
        #expect(stalled.value < rosen([-1.2, 1]).value / 100)
    }

    @Test func startsRunSideBySideGiveTheSequentialResult() throws {
        // The fit runs its starts concurrently; the hyperparameters must be those of running them one after the
        // other and keeping the first best, as done here by hand with the same draws.
        var data = SeededGenerator(seed: 8)
        let x = (0..<40).map { _ in [data.uniform(), data.uniform(), data.uniform()] }
        let y = x.map { sin(7 * $0[0]) * $0[1] + 0.3 * $0[2] }
        let options = GPFitOptions(restarts: 4)
        var rng = SeededGenerator(seed: 2)
        let fitted = try GaussianProcess.fit(x: x, y: y, options: options, rng: &rng)
        var byHand = SeededGenerator(seed: 2)
        let centre = y.reduce(0, +) / Double(y.count)
        let sd = (y.map { ($0 - centre) * ($0 - centre) }.reduce(0, +) / Double(y.count)).squareRoot()
        let objective = GPObjective(x: Matrix(rowArrays: x, columns: 3), y: y.map { ($0 - centre) / sd },
                                    useLinear: false, noiseLowerBound: options.noiseFloor / (sd * sd))
        var optimizer = BoundedLBFGS(maxIterations: options.maxIterations)
        optimizer.stallTolerance = options.stallTolerance
        var best: (x: [Double], value: Double)? = nil
        for k in 0..<4 {
            let t0 = k == 0 ? objective.defaultStart : objective.randomStart(&byHand)
            let r = optimizer.minimize(start: t0, lower: objective.lower, upper: objective.upper, objective.evaluate)
            if r.value < (best?.value ?? .infinity) { best = (r.x, r.value) }
        }
        let expected = try #require(best).x
        let lengthscales = expected[0..<3].map { exp($0) }
        #expect(fitted.hyperparameters.lengthscales == lengthscales)
        #expect(rng.next() == byHand.next(), "the fit drew as many numbers as the sequential starts")
    }

    @Test func largeFitSetsUseTheDeterministicStartOnly() throws {
        // A start drawn from the priors consumes random draws: with ≥ singleStartPoints points none is drawn.
        var data = SeededGenerator(seed: 5)
        func sample(_ n: Int) -> ([[Double]], [Double]) {
            let x = (0..<n).map { _ in [data.uniform(), data.uniform()] }
            return (x, x.map { sin(5 * $0[0]) + $0[1] })
        }
        let options = GPFitOptions(restarts: 2, singleStartPoints: 40)
        let (bigX, bigY) = sample(40), (smallX, smallY) = sample(39)
        var rng = SeededGenerator(seed: 1), untouched = SeededGenerator(seed: 1)
        _ = try GaussianProcess.fit(x: bigX, y: bigY, options: options, rng: &rng)
        #expect(rng.next() == untouched.next())
        var rng2 = SeededGenerator(seed: 1), untouched2 = SeededGenerator(seed: 1)
        _ = try GaussianProcess.fit(x: smallX, y: smallY, options: options, rng: &rng2)
        #expect(rng2.next() != untouched2.next())
    }

    @Test func fitWithTheDefaultStallToleranceMatchesAFullyConvergedFit() throws {
        // The fit stops early; its log marginal likelihood and predictions stay those of a fit run to the end.
        var data = SeededGenerator(seed: 21)
        let x = (0..<80).map { _ in (0..<5).map { _ in data.uniform() } }
        let y = x.map { sin(6 * $0[0]) + $0[1] * $0[2] - 0.5 * $0[3] + 0.05 * data.normal() }
        var r1 = SeededGenerator(seed: 3), r2 = SeededGenerator(seed: 3)
        let quick = try GaussianProcess.fit(x: x, y: y, rng: &r1)
        let full = try GaussianProcess.fit(x: x, y: y, options: GPFitOptions(stallTolerance: 0), rng: &r2)
        #expect(abs(quick.logMarginalLikelihood - full.logMarginalLikelihood) < 0.05,
                "\(quick.logMarginalLikelihood) vs \(full.logMarginalLikelihood)")
        let q = (0..<40).map { _ in (0..<5).map { _ in data.uniform() } }
        let a = quick.predict(q), b = full.predict(q)
        let spread = (b.mean.max() ?? 0) - (b.mean.min() ?? 0)
        for i in q.indices { #expect(abs(a.mean[i] - b.mean[i]) < 0.01 * spread) }
    }
}

@Suite struct PredictMeanTests {
    @Test func predictMeanEqualsTheMeanOfPredict() throws {
        var rng = SeededGenerator(seed: 9)
        let x = (0..<30).map { _ in [rng.uniform(), rng.uniform()] }
        let y = x.map { sin(5 * $0[0]) + $0[1] }
        let gp = try GaussianProcess.fit(x: x, y: y, rng: &rng)
        let q = (0..<50).map { _ in [rng.uniform(), rng.uniform()] }
        #expect(gp.predictMean(q) == gp.predict(q).mean)
    }
}

@Suite struct BatchBeliefTests {
    /// Believing candidates one by one gives the same variances as refitting with the fantasies added.
    @Test func rankOneBeliefsMatchConditioningOnTheFantasies() throws {
        var rng = SeededGenerator(seed: 4)
        let x = (0..<25).map { _ in [rng.uniform(), rng.uniform(), rng.uniform()] }
        let y = x.map { sin(4 * $0[0]) + $0[1] * $0[2] }
        let gp = try GaussianProcess.fit(x: x, y: y, rng: &rng)
        let cands = (0..<60).map { _ in [rng.uniform(), rng.uniform(), rng.uniform()] }
        var batch = gp.batchPredictions(cands)
        let direct = gp.predict(cands)
        for i in cands.indices {
            #expect(abs(batch.mean[i] - direct.mean[i]) < 1e-12)
            #expect(abs(batch.variance[i] - direct.variance[i]) < 1e-12)
        }
        var fantasy = gp
        for j in [7, 31, 7 + 1] {
            let mu = batch.mean[j]
            gp.believe(j, in: &batch)
            fantasy = try fantasy.adding(x: [cands[j]], y: [mu])
            let refit = fantasy.predict(cands)
            for i in cands.indices {
                #expect(abs(batch.variance[i] - refit.variance[i]) < 1e-8, "candidate \(i) after believing \(j)")
                #expect(abs(batch.mean[i] - refit.mean[i]) < 1e-8)
            }
        }
    }
}
