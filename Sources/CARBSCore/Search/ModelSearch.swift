/// The model-based phase of the search: fit the score, cost and success models, draw candidates around the
/// Pareto front and over the whole space, score them with the strategy's acquisition, and pick the best,
/// fantasizing each pick (kriging believer) so a batch spreads out.
struct ModelSearch {
    var suggester: Suggester
    var notes: [String] = []

    init(suggester: Suggester) { self.suggester = suggester }

    var options: SearchOptions { suggester.options }
    var data: Dataset { suggester.data }

    mutating func suggest(count: Int, startIndex: Int) -> [Suggestion] {
        let groups = data.groups
        let strategy = options.strategy
        let d = suggester.dimension
        var fitOptions = GPFitOptions()
        if strategy == .carbs {
            // CARBS's kernel hyperparameters stay at their initial values in practice (reference §2.3).
            let ls = suggester.unitScales.map { $0 > 0 ? options.effectiveRadius * $0 : 0.3 }
            fitOptions.fixed = GPHyperparameters(lengthscales: ls, signalVariance: 0.9, noiseVariance: 0.01, mean: 0, linearVariance: nil)
        }
        var modelOptions = Surrogates.Options()
        modelOptions.transform = strategy == .carbs ? .quantileNormal : .standardize
        modelOptions.score.fixed = fitOptions.fixed
        modelOptions.cost.fixed = fitOptions.fixed
        if let m = options.scoreModel, m.lengthscales.count == d { modelOptions.score.fixed = m }
        if let m = options.costModel, m.lengthscales.count == d { modelOptions.cost.fixed = m }

        var rng = suggester.rng
        guard let models = try? Surrogates.fit(data, options: modelOptions, rng: &rng) else {
            suggester.rng = rng
            notes.append("model fit failed; falling back to local random search around the best runs")
            return fallback(count: count, startIndex: startIndex)
        }
        suggester.rng = rng
        var scoreGP = models.score
        let transform = models.scoreTransform
        let ys = models.ys
        let logCosts = models.logCosts
        let successModel = models.success

        // The front, in transformed units, over groups of repeated points.
        let groupUtil = groups.map { transform.forward($0.meanUtility) }
        let floor = ys.min() ?? 0
        var frontPoints: [(utility: Double, cost: Double)] = zip(groupUtil, groups).map { ($0, $1.meanCost) }
        let front = StepFront(groups: frontPoints, floor: floor)
        // Pending runs: believe the model's mean for them (kriging believer) in the model and in the front, so new
        // points go elsewhere.
        var taken = Set<[Double]>()
        if !data.pending.isEmpty {
            let m = scoreGP.predictMean(data.pending)
            let pc = models.predictLogCost(data.pending)
            if let g = try? scoreGP.adding(x: data.pending, y: m) { scoreGP = g }
            frontPoints += zip(m, pc).map { ($0, exp($1)) }
            for p in data.pending { taken.insert(p) }
        }
        var believedFront = StepFront(groups: frontPoints, floor: floor)
        var origins: [[Double]]
        if strategy == .carbs {
            let pg = groups.enumerated().map { i, g in
                ParetoGroup(meanScore: g.meanUtility, meanCost: g.meanCost, maxScore: g.maxUtility, count: g.count, index: i)
            }
            origins = Pareto.carbsFront(pg, minCostFraction: 0.2, conservative: true).map { groups[$0.index].x }
        } else {
            origins = front.members.map { groups[$0].x }
            // Also the best few by score, so a noisy cheap front cannot hide the best region.
            let top = groups.indices.sorted { groupUtil[$0] > groupUtil[$1] }.prefix(3)
            for i in top where !origins.contains(groups[i].x) { origins.append(groups[i].x) }
        }
        if origins.isEmpty { origins = [suggester.centerX] }

        // Resampling of the least-sampled front point every K successes.
        var out: [Suggestion] = []
        let every = options.effectiveResampleEvery
        if every > 0 {
            // Stateless count of resamples so far: repeated evaluations of a point (a result record need not
            // carry the pending record's "kind"), plus resamples still pending.
            let repeats = data.successes.count - groups.count
            let done = max(repeats, data.kindCounts["resample", default: 0]) + data.pendingKinds["resample", default: 0]
            if data.successes.count >= (done + 1) * every, let pick = leastSampled(front: front, groups: groups) {
                out.append(suggester.make(x: groups[pick].x, index: startIndex, kind: "resample"))
                notes.append("resample: least-sampled front point (\(groups[pick].count) runs)")
            }
        }

        // Candidates.
        let radius = options.effectiveRadius
        let total = options.effectiveCandidates(dimension: d)
        var candidates: [[Double]] = []
        candidates.reserveCapacity(total + 64)
        let global = strategy == .carbs ? 0 : Int(Double(total) * options.globalShare)
        let radii: [Double] = strategy == .carbs ? [radius] : [radius, radius, radius / 3, radius * 2]
        for i in 0..<(total - global) {
            let o = origins[Int(suggester.rng.next() % UInt64(origins.count))]
            candidates.append(suggester.snap(suggester.perturb(o, radius: radii[i % radii.count])))
        }
        for _ in 0..<global { candidates.append(suggester.snap(suggester.uniformPoint())) }

        let costPred = models.predictLogCost(candidates)
        let pSuccess = models.pSuccess(candidates)
        let maxLogCost = options.maxCost.map { log($0) }

        // CARBS's log-uniform cost threshold (drawn once per call).
        var threshold: Double?
        if (strategy == .ei || strategy == .carbs), let lo = front.logCosts.first, let hiFront = front.logCosts.last {
            let hi = min(hiFront, maxLogCost ?? .infinity)
            if hi > lo { threshold = lo + (hi - lo) * suggester.rng.uniform() } else { threshold = lo }
        }
        // Protein's random target cost ratio.
        let ratios = [0.16, 0.32, 0.48, 0.64, 0.8, 1.0]
        let target = min(1, max(0, ratios[Int(suggester.rng.next() % 6)] + 0.1 * suggester.rng.normal())) * 1.1
        let lcMin = logCosts.min() ?? 0, lcMax = logCosts.max() ?? 0
        let yMin = ys.min() ?? 0, yMax = ys.max() ?? 1
        // EHVI integrates improvements up to a little past the costliest run or candidate, never past --max-cost.
        var upperLogCost = max(lcMax, costPred.max() ?? lcMax) + max(0.1, 0.1 * (lcMax - lcMin))
        if let m = maxLogCost { upperLogCost = min(upperLogCost, m) }

        // Predictions at the candidates, kept current as each pick of a batch is believed (rank-one updates).
        var pred = scoreGP.batchPredictions(candidates)
        while out.count < count {
            var bestI = -1
            var bestA = -Double.infinity
            var cheapestI = 0
            var masked = 0
            for i in candidates.indices {
                if costPred[i] < costPred[cheapestI] { cheapestI = i }
                if let m = maxLogCost, costPred[i] > m { masked += 1; continue }
                if taken.contains(candidates[i]) { continue }
                let mu = pred.mean[i], sd = max(0, pred.variance[i]).squareRoot()
                var a: Double
                switch strategy {
                case .ehvi:
                    a = believedFront.expectedHypervolumeImprovement(mean: mu, sd: sd, logCost: costPred[i], upper: upperLogCost)
                case .ei, .carbs:
                    var base = believedFront.level(at: costPred[i])
                    if let t = threshold { base = max(base, believedFront.level(at: t)) }
                    let bias = strategy == .carbs ? 1.0 : 0.0
                    a = Normal.expectedImprovement(mean: mu, sd: sd, best: base + bias)
                    if strategy == .carbs { a *= searchProbability(candidates[i], origins: origins, radius: radius) }
                case .protein:
                    let yn = yMax > yMin ? (mu - yMin) / (yMax - yMin) : 0.5
                    let cn = lcMax > lcMin ? (costPred[i] - lcMin) / (lcMax - lcMin) : 0.5
                    a = yn * (1 - abs(target - cn))
                default:
                    a = 0
                }
                a *= pSuccess[i]
                if a > bestA || (a == bestA && bestI >= 0 && costPred[i] < costPred[bestI]) {
                    bestA = a
                    bestI = i
                }
            }
            var warnings: [String] = []
            if bestI < 0 {
                warnings.append("no candidate is predicted to cost at most --max-cost \(JSONWriter.format(options.maxCost ?? 0)) (all \(masked) masked); suggesting the cheapest")
                bestI = cheapestI
            }
            let x = candidates[bestI]
            taken.insert(x)
            let mu = pred.mean[bestI], sd = max(0, pred.variance[bestI]).squareRoot()
            var s = suggester.make(x: x, index: startIndex + out.count, kind: "bo")
            let u = transform.inverse(mu)
            let uHi = transform.inverse(mu + sd), uLo = transform.inverse(mu - sd)
            s.predictedScore = sweep.objective.maximize ? u : -u
            s.predictedScoreStd = abs(uHi / 2 - uLo / 2)
            s.predictedCost = exp(costPred[bestI])
            if successModel != nil { s.pSuccess = pSuccess[bestI] }
            s.acquisition = bestA
            s.warnings = warnings
            if options.explain {
                s.explanation = explain(front: front, groups: groups, transform: transform, x: x, acquisition: bestA,
                                        cost: exp(costPred[bestI]), masked: masked, total: candidates.count, threshold: threshold)
                s.explanation += notes
                notes.removeAll()
            }
            out.append(s)
            if out.count < count {
                // Kriging believer: the model now "knows" its own prediction there.
                scoreGP.believe(bestI, in: &pred)
                frontPoints.append((mu, exp(costPred[bestI])))
                believedFront = StepFront(groups: frontPoints, floor: floor)
            }
        }
        return out
    }

    var sweep: SweepLog { suggester.log }

    /// CARBS's locality weight: the normal density of the basic-space distance to the nearest origin.
    func searchProbability(_ x: [Double], origins: [[Double]], radius: Double) -> Double {
        var best = 0.0
        for o in origins {
            var d2 = 0.0
            for i in x.indices where suggester.unitScales[i] > 0 {
                let t = (x[i] - o[i]) / suggester.unitScales[i]
                d2 += t * t
            }
            best = max(best, Normal.pdf(d2.squareRoot() / radius))
        }
        return best
    }

    /// The front member with the fewest runs (pending ones at the same point count), cheapest first.
    func leastSampled(front: StepFront, groups: [Dataset.Group]) -> Int? {
        var best: Int?
        var bestCount = Int.max
        for m in front.members {
            let c = groups[m].count + data.pending.filter { $0 == groups[m].x }.count
            if c < bestCount { best = m; bestCount = c }
        }
        return best
    }

    /// When the models cannot be fitted: local perturbations of the best runs.
    mutating func fallback(count: Int, startIndex: Int) -> [Suggestion] {
        let best = data.successes.max { $0.utility < $1.utility }?.x ?? suggester.centerX
        var out: [Suggestion] = []
        for i in 0..<count {
            var s = suggester.make(x: suggester.snap(suggester.perturb(best, radius: options.effectiveRadius)), index: startIndex + i, kind: "fallback")
            s.explanation = notes
            out.append(s)
        }
        return out
    }

    func explain(front: StepFront, groups: [Dataset.Group], transform: FittedTransform, x: [Double], acquisition: Double,
                 cost: Double, masked: Int, total: Int, threshold: Double?) -> [String] {
        var lines: [String] = []
        let o = sweep.objective
        lines.append("strategy \(options.strategy.rawValue): \(data.successes.count) successes, \(data.failures.count) failures, \(data.pending.count) pending, \(total) candidates")
        lines.append("front (\(front.members.count) points, cost → \(o.scoreKey)):")
        for m in front.members {
            let g = groups[m]
            let s = o.maximize ? g.meanUtility : -g.meanUtility
            lines.append("  cost \(JSONWriter.format(g.meanCost)) → \(JSONWriter.format(s))\(g.count > 1 ? " (mean of \(g.count))" : "")")
        }
        if let threshold { lines.append("cost threshold (CARBS clamp): \(JSONWriter.format(exp(threshold)))") }
        if let m = options.maxCost { lines.append("--max-cost \(JSONWriter.format(m)) removed \(masked) of \(total) candidates") }
        // Nearest front point as the origin.
        var nearest = -1
        var nd = Double.infinity
        for m in front.members {
            let dist = zip(groups[m].x, x).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
            if dist < nd { nd = dist; nearest = m }
        }
        if nearest >= 0 {
            lines.append("nearest front point: run at line \(sweep.runs[groups[nearest].runIndices[0]].line), distance \(JSONWriter.format((nd.squareRoot() * 1000).rounded() / 1000)) in the unit cube")
        }
        lines.append("acquisition \(JSONWriter.format(acquisition)), predicted cost \(JSONWriter.format(cost))")
        return lines
    }
}
