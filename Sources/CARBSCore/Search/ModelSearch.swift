#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The model-based phase of the search, as a pipeline: fit the models → build the front → draw candidates →
/// pick with believing. Each step is a named function; everything that differs between strategies comes from
/// `StrategyPlan`. One random stream is threaded through the steps (`inout`), in the order model fit,
/// candidates, acquisition draws, so the same log and seed give the same suggestions.
///
/// The models and the front read their observations separately (`Observations`): today both are the log's
/// dataset; a learning-curve model or a noise-aware front can hand either a different set.
struct ModelSearch {
    let context: Suggester
    var notes: [String] = []

    init(context: Suggester) { self.init(context: context, plan: context.plan) }

    /// With another plan than the options' (tests compare a plan with one step changed).
    init(context: Suggester, plan: StrategyPlan) {
        self.context = context
        self.plan = plan
    }

    var options: SearchOptions { context.options }
    let plan: StrategyPlan
    var sweep: SweepLog { context.log }

    /// The observations each step reads.
    struct Observations {
        /// What the score, cost and success models are fitted on (and whose pending runs they believe).
        var models: Dataset
        /// What the front, the origins, resampling and the explanation are built from.
        var front: Dataset
    }

    /// `count` suggestions indexed from `startIndex`: fit the models on `Observations.models`, build the front
    /// from `Observations.front`, maybe resample a front point, draw candidates, set up the acquisition, then
    /// pick with believing. Falls back to local perturbations of the best run when the models cannot be fitted.
    mutating func suggest(count: Int, startIndex: Int, rng: inout SeededGenerator) -> [Suggestion] {
        let observations = Observations(models: context.data, front: context.data)
        guard let models = fitModels(observations.models, rng: &rng) else {
            notes.append("model fit failed; falling back to local random search around the best runs")
            return fallback(count: count, startIndex: startIndex, rng: &rng)
        }
        let front = buildFront(observations.front, models: models)
        var out = resample(front: front, startIndex: startIndex)
        let drawn = drawCandidates(around: front.origins, rng: &rng)
        // The score model's predictions at the candidates and the scorer's (the cost model's) are independent.
        let scoreModel = models.score
        var (pred, scorer) = alongside({ scoreModel.batchPredictions(drawn) }, {
            Scorer(plan: plan, options: options, context: context, models: models, front: front, candidates: drawn,
                   rng: &rng)
        })
        polish(scorer: &scorer, predictions: &pred, models: models, front: front)
        out += pick(count: count - out.count, startIndex: startIndex + out.count, front: front, models: models,
                    scorer: scorer, predictions: pred)
        return out
    }

    // MARK: 1. Fit the models

    /// The fitted models, with the score model conditioned on its own mean at the pending runs (kriging
    /// believer), so new points go elsewhere.
    struct Models {
        var surrogates: Surrogates
        /// The score GP with pending runs believed.
        var score: GaussianProcess
        /// Pending inputs the score GP believes.
        var pending: [[Double]]

        /// The score GP's noise variance as a share of signal + noise: about 0 for a deterministic score.
        var noiseShare: Double {
            let h = surrogates.score.hyperparameters
            let total = h.noiseVariance + h.signalVariance
            return total > 0 ? h.noiseVariance / total : 0
        }
    }

    /// Fits score, cost and success models on `data` with the plan's output transform and kernel rule (a
    /// `--model` warm start of the right dimension overrides the kernel). Nil when the fit fails.
    func fitModels(_ data: Dataset, rng: inout SeededGenerator) -> Models? {
        let fixed = plan.kernel.hyperparameters(unitScales: context.unitScales, radius: options.effectiveRadius)
        var modelOptions = Surrogates.Options()
        modelOptions.transform = plan.transform
        modelOptions.score.fixed = fixed
        modelOptions.cost.fixed = fixed
        let d = context.dimension
        if let m = options.scoreModel, m.lengthscales.count == d { modelOptions.score.fixed = m }
        if let m = options.costModel, m.lengthscales.count == d { modelOptions.cost.fixed = m }
        guard let surrogates = try? Surrogates.fit(data, options: modelOptions, rng: &rng) else { return nil }
        var score = surrogates.score
        if !data.pending.isEmpty, let g = try? score.adding(x: data.pending, y: score.predictMean(data.pending)) {
            score = g
        }
        return Models(surrogates: surrogates, score: score, pending: data.pending)
    }

    // MARK: 2. Build the front

    /// The score-versus-cost front in the score model's transformed units.
    struct Front {
        /// Groups of repeated points of the front's observations.
        var groups: [Dataset.Group]
        /// The observations the front was built from.
        var data: Dataset
        /// The measured front of the group means.
        var measured: StepFront
        /// Points of the believed front: the groups, then pending runs and picks at their predicted (mean, cost).
        var believedPoints: [(utility: Double, cost: Double)]
        /// The level below the cheapest member: the lowest transformed score the models saw.
        var floor: Double
        /// Centres of the local candidates.
        var origins: [[Double]]
        /// Inputs not to suggest again (pending runs, then picks).
        var taken: Set<[Double]>

        var believed: StepFront { StepFront(groups: believedPoints, floor: floor) }
        /// When the front's points score the model's posterior mean (noisy scores): the fitted noise share.
        var denoisedShare: Double?
    }

    /// The measured front of `data`'s groups, the believed front (pending runs at the models' predicted mean and
    /// cost), and the origins by the plan's rule.
    func buildFront(_ data: Dataset, models: Models) -> Front {
        let groups = data.groups
        let transform = models.surrogates.scoreTransform
        // Noisy scores (the plan denoises and the noise share is above its bar): the model's posterior means.
        var denoisedShare: Double?
        if case .denoised(let minShare) = plan.frontValues, models.noiseShare > minShare { denoisedShare = models.noiseShare }
        let groupUtil = denoisedShare != nil
            ? models.surrogates.score.predictMean(groups.map(\.x))
            : groups.map { transform.forward($0.meanUtility) }
        let floor = models.surrogates.ys.min() ?? 0
        var points: [(utility: Double, cost: Double)] = zip(groupUtil, groups).map { ($0, $1.meanCost) }
        // Checkpoints are points of the front (a model trained that far), but not groups: no origin, no resample.
        // The first `groups.count` points stay the groups', as `measured.members` indexes them.
        if options.checkpoints {
            points += data.checkpoints.map { (transform.forward($0.utility), $0.cost) }
        }
        let measured = StepFront(groups: points, floor: floor)
        var taken = Set<[Double]>()
        if !data.pending.isEmpty {
            let m = models.surrogates.score.predictMean(data.pending)
            let pc = models.surrogates.predictLogCost(data.pending)
            points += zip(m, pc).map { ($0, exp($1)) }
            for p in data.pending { taken.insert(p) }
        }
        var origins: [[Double]]
        switch plan.origins {
        case .carbsFront(let minCostFraction):
            let pg = groups.enumerated().map { i, g in
                ParetoGroup(meanScore: g.meanUtility, meanCost: g.meanCost, maxScore: g.maxUtility, count: g.count, index: i)
            }
            origins = Pareto.carbsFront(pg, minCostFraction: minCostFraction, conservative: true).map { groups[$0.index].x }
        case .frontAndBest(let n):
            origins = measured.members.filter { $0 < groups.count }.map { groups[$0].x }
            let top = groups.indices.sorted { groupUtil[$0] > groupUtil[$1] }.prefix(n)
            for i in top where !origins.contains(groups[i].x) { origins.append(groups[i].x) }
        }
        if origins.isEmpty { origins = [context.centerX] }
        return Front(groups: groups, data: data, measured: measured, believedPoints: points, floor: floor,
                     origins: origins, taken: taken, denoisedShare: denoisedShare)
    }

    /// Every K successes (`--resample-every`), a re-run of the least-sampled front point.
    mutating func resample(front: Front, startIndex: Int) -> [Suggestion] {
        let every = options.effectiveResampleEvery
        guard every > 0 else { return [] }
        let data = front.data, groups = front.groups
        // Stateless count of resamples so far: repeated evaluations of a point (a result record need not
        // carry the pending record's "kind"), plus resamples still pending.
        let repeats = data.successes.count - groups.count
        let done = max(repeats, data.kindCounts["resample", default: 0]) + data.pendingKinds["resample", default: 0]
        guard data.successes.count >= (done + 1) * every, let pick = leastSampled(front: front) else { return [] }
        notes.append("resample: least-sampled front point (\(groups[pick].count) runs)")
        return [context.make(x: groups[pick].x, index: startIndex, kind: "resample")]
    }

    // MARK: 3. Draw candidates

    /// `--candidates` points: local perturbations of uniformly chosen origins at the plan's radii, then the
    /// plan's share of uniform points of the whole space; each snapped to a representable point.
    func drawCandidates(around origins: [[Double]], rng: inout SeededGenerator) -> [[Double]] {
        let total = options.effectiveCandidates(dimension: context.dimension)
        let global = plan.candidates.globalCount(total: total, globalShare: options.globalShare)
        let radii = plan.candidates.radii(options.effectiveRadius)
        var candidates: [[Double]] = []
        candidates.reserveCapacity(total + 64)
        for i in 0..<(total - global) {
            let o = origins[Int(rng.next() % UInt64(origins.count))]
            candidates.append(context.snap(context.perturb(o, radius: radii[i % radii.count], rng: &rng)))
        }
        for _ in 0..<global { candidates.append(context.snap(context.uniformPoint(rng: &rng))) }
        return candidates
    }

    // MARK: 3b. Polish the best candidates

    /// The plan's local optimization of the acquisition (`StrategyPlan.Polish`): from the `starts` best distinct
    /// candidates, a coordinate search on the acquisition × P(success) against the front as it stands. Each round
    /// tries, for every start, each numeric column moved by ±step and set to either bound, and each other value
    /// of each choice; a start takes its best improving move, or halves its step when none improves (from 1/8 of
    /// the unit cube to 1/64). All moves of a round are scored as one batch; past 200 runs the rounds stop once
    /// 400,000/n moves (at least 300) have been scored, as each costs O(n²). The end points join the candidates,
    /// so the picks (and their believed updates) see them like any other.
    ///
    /// Why: among ~1,000 random candidates in 8 dimensions, the acquisition's maximum is rarely near one, and
    /// many of the best points of a real problem lie on the box's faces (the largest learning rate, no dropout,
    /// the largest batch), which random perturbations reach only one coordinate at a time.
    mutating func polish(scorer: inout Scorer, predictions pred: inout BatchPredictions, models: Models, front: Front) {
        guard case .coordinate(let starts, let rounds) = plan.polish, starts > 0, rounds > 0 else { return }
        let believed = front.believed
        func value(_ x: [Double], mean: Double, variance: Double, logCost: Double, logCostSD: Double, pSuccess: Double) -> Double {
            guard scorer.allows(logCost: logCost), !front.taken.contains(x) else { return -.infinity }
            return scorer.value(x: x, mean: mean, sd: max(0, variance).squareRoot(), logCost: logCost,
                                logCostSD: logCostSD, pSuccess: pSuccess, front: believed)
        }
        let m = scorer.candidates.count
        var values = [Double](repeating: -.infinity, count: m)
        for i in 0..<m {
            values[i] = value(scorer.candidates[i], mean: pred.mean[i], variance: pred.variance[i], logCost: scorer.costPred[i],
                              logCostSD: scorer.costSD[i], pSuccess: scorer.pSuccess[i])
        }
        var points: [[Double]] = []
        var best: [Double] = []
        var seen = Set<[Double]>()
        for i in values.indices.sorted(by: { (values[$0], -$0) > (values[$1], -$1) }) where values[i] > 0 && values[i].isFinite {
            guard !seen.contains(scorer.candidates[i]) else { continue }
            seen.insert(scorer.candidates[i])
            points.append(scorer.candidates[i])
            best.append(values[i])
            if points.count == starts { break }
        }
        guard !points.isEmpty else { return }
        let numeric = context.unitScales.indices.filter { context.unitScales[$0] > 0 }
        var steps = [Double](repeating: 0.125, count: points.count)
        var moved = [Bool](repeating: false, count: points.count)
        // Each scored move costs O(n²) (two variances); on long logs the rounds stop at a budget of moves.
        let n = models.surrogates.ys.count
        let budget = n <= 200 ? Int.max : max(300, 400_000 / n)
        var scored = 0
        for _ in 0..<rounds {
            var moves: [[Double]] = []
            var owner: [Int] = []
            for (k, x) in points.enumerated() where steps[k] >= 1.0 / 64 {
                var tried = Set<[Double]>([x])
                func add(_ y: [Double]) {
                    let z = context.snap(y)
                    if tried.insert(z).inserted { moves.append(z); owner.append(k) }
                }
                for j in numeric {
                    for target in [x[j] - steps[k], x[j] + steps[k], 0, 1] {
                        var y = x
                        y[j] = min(1, max(0, target))
                        add(y)
                    }
                }
                for (range, _) in context.blocks where range.count > 1 {
                    for v in range where x[v] < 0.5 {
                        var y = x
                        for j in range { y[j] = j == v ? 1 : 0 }
                        add(y)
                    }
                }
            }
            if moves.isEmpty || scored + moves.count > budget { break }
            scored += moves.count
            let scoreModel = models.score, batch = moves
            let (mp, cost) = alongside({ scoreModel.predict(batch) }, { scorer.costModel(moves, models: models) })
            let ps = models.surrogates.pSuccess(moves)
            var bestMove = [Int](repeating: -1, count: points.count)
            var bestValue = best
            for i in moves.indices {
                let v = value(moves[i], mean: mp.mean[i], variance: mp.variance[i], logCost: cost.mean[i],
                              logCostSD: cost.sd[i], pSuccess: ps[i])
                let k = owner[i]
                if v > bestValue[k] * (1 + 1e-9) + 1e-300 { bestValue[k] = v; bestMove[k] = i }
            }
            for k in points.indices where steps[k] >= 1.0 / 64 {
                if bestMove[k] >= 0 {
                    points[k] = moves[bestMove[k]]
                    best[k] = bestValue[k]
                    moved[k] = true
                } else {
                    steps[k] /= 2
                }
            }
        }
        var fresh = Set(scorer.candidates)
        let polished = points.indices.filter { moved[$0] }.map { points[$0] }.filter { fresh.insert($0).inserted }
        guard !polished.isEmpty else { return }
        scorer.append(polished, models: models)
        pred = pred.appending(models.score.batchPredictions(polished))
        notes.append("polish: \(polished.count) of the \(points.count) best candidates improved by a coordinate search on the acquisition")
    }

    // MARK: 4. Pick with believing

    /// Picks `count` candidates one by one: the best acquisition × P(success) among those predicted to cost at
    /// most `--max-cost` (ties to the cheaper), or the cheapest when none is. After each pick the score model
    /// believes its own mean there (a rank-one update of the candidates' predictions) and the believed front
    /// gains the pick, so the batch spreads out.
    mutating func pick(count: Int, startIndex: Int, front: Front, models: Models, scorer: Scorer,
                       predictions: BatchPredictions) -> [Suggestion] {
        var out: [Suggestion] = []
        guard count > 0 else { return out }
        var front = front
        var believed = front.believed
        let candidates = scorer.candidates
        let costPred = scorer.costPred, pSuccess = scorer.pSuccess
        var pred = predictions
        while out.count < count {
            /// The best allowed, untaken candidate predicted to cost at least `floor` (log), if any.
            func scan(floor: Double?) -> (best: Int, value: Double, cheapest: Int, masked: Int) {
                var bestI = -1
                var bestA = -Double.infinity
                var cheapestI = 0
                var masked = 0
                for i in candidates.indices {
                    if costPred[i] < costPred[cheapestI] { cheapestI = i }
                    if !scorer.allows(logCost: costPred[i]) { masked += 1; continue }
                    if let floor, costPred[i] < floor { continue }
                    if front.taken.contains(candidates[i]) { continue }
                    let mu = pred.mean[i], sd = max(0, pred.variance[i]).squareRoot()
                    let a = scorer.value(i, mean: mu, sd: sd, front: believed)
                    if a > bestA || (a == bestA && bestI >= 0 && costPred[i] < costPred[bestI]) {
                        bestA = a
                        bestI = i
                    }
                }
                return (bestI, bestA, cheapestI, masked)
            }
            // The noisy cost floor gives way when nothing allowed and untaken is above it (--max-cost, a batch).
            var floor = scorer.costFloor
            var found = scan(floor: floor)
            if found.best < 0 && floor != nil {
                floor = nil
                found = scan(floor: nil)
            }
            var bestI = found.best
            let (bestA, cheapestI, masked) = (found.value, found.cheapest, found.masked)
            var warnings: [String] = []
            if bestI < 0 {
                warnings.append("no candidate is predicted to cost at most --max-cost \(JSONWriter.format(options.maxCost ?? 0)) (all \(masked) masked); suggesting the cheapest")
                bestI = cheapestI
            }
            let x = candidates[bestI]
            front.taken.insert(x)
            let mu = pred.mean[bestI], sd = max(0, pred.variance[bestI]).squareRoot()
            var s = context.make(x: x, index: startIndex + out.count, kind: "bo")
            let predicted = models.surrogates.predictedScore(mean: mu, sd: sd, maximize: sweep.objective.maximize)
            s.predictedScore = predicted.score
            s.predictedScoreStd = predicted.std
            s.predictedCost = exp(costPred[bestI])
            if models.surrogates.success != nil { s.pSuccess = pSuccess[bestI] }
            s.acquisition = bestA
            s.warnings = warnings
            if options.explain {
                s.explanation = explain(front: front, x: x, acquisition: bestA, cost: exp(costPred[bestI]),
                                        masked: masked, total: candidates.count, threshold: scorer.threshold)
                if let f = floor {
                    s.explanation.append("noisy scores (noise above \(JSONWriter.format(plan.costFloor.minNoiseShare * 100)) % of the score model's variance): this pick costs at least \(JSONWriter.format(exp(f))), a random point of the runs' cost range, so noisy picks spread over the budgets")
                }
                s.explanation += notes
                notes.removeAll()
            }
            out.append(s)
            if out.count < count {
                // Kriging believer: the model now "knows" its own prediction there.
                models.score.believe(bestI, in: &pred)
                front.believedPoints.append((mu, exp(costPred[bestI])))
                believed = front.believed
            }
        }
        return out
    }

    /// The plan's acquisition, set up for one call: predicted log costs and P(success) at the candidates and the
    /// per-call random draws.
    struct Scorer {
        let rule: StrategyPlan.Acquisition
        private(set) var candidates: [[Double]]
        private(set) var costPred: [Double]
        /// Predictive standard deviation of the log cost (only when the acquisition uses it; zeros otherwise).
        private(set) var costSD: [Double]
        private(set) var pSuccess: [Double]
        let maxLogCost: Double?
        /// CARBS's log-uniform cost threshold t ~ U(front's cheapest, min(costliest, --max-cost)) in log cost.
        let threshold: Double?
        /// Protein's target cost ratio.
        let target: Double
        let lcMin: Double, lcMax: Double, yMin: Double, yMax: Double
        /// EHVI integrates improvements up to past the costliest run or candidate by half the runs' log-cost range
        /// (at least 0.1), never past --max-cost: the budgets a user of this sweep may still care about. (With a
        /// tenth of the range, as before, the costliest candidates were credited for a sliver of budgets and the
        /// long runs that reach the best scores were rarely tried: on LCBench HV@60 rose 0.03–0.07 with a half.)
        let upperLogCost: Double
        /// With cost uncertainty, improvements below the cheapest run by a tenth of the log-cost range (at least
        /// 0.1) are not counted: no credit for being cheaper than anything the space may hold.
        let lowerLogCost: Double
        let origins: [[Double]]
        let radius: Double
        let context: Suggester
        /// Under noise (`StrategyPlan.CostFloor`): this call's picks are predicted to cost at least this log cost, a
        /// uniform point of the runs' log-cost range (capped at --max-cost); nil otherwise, or when no allowed
        /// candidate reaches it. A pick with nothing allowed and untaken above it goes without (`pick`). The polish
        /// does not see it (polishing only above the floor measured worse on noisy hartmann6-cost: 0.689 → 0.669
        /// at 60 trials over 40 seeds; noise.md).
        let costFloor: Double?

        /// Draws, in this order: the cost threshold (EI acquisitions only), then Protein's target (one integer
        /// and one normal draw, taken for every acquisition so the stream is the same whatever the strategy).
        init(plan: StrategyPlan, options: SearchOptions, context: Suggester, models: Models, front: Front,
             candidates: [[Double]], rng: inout SeededGenerator) {
            rule = plan.acquisition
            self.candidates = candidates
            let cost = Self.costModel(candidates, rule: rule, models: models)
            costPred = cost.mean
            costSD = cost.sd
            pSuccess = models.surrogates.pSuccess(candidates)
            let maxLogCost = options.maxCost.map { log($0) }
            self.maxLogCost = maxLogCost
            var threshold: Double?
            if rule.usesCostThreshold, let lo = front.measured.logCosts.first, let hiFront = front.measured.logCosts.last {
                let hi = min(hiFront, maxLogCost ?? .infinity)
                if hi > lo { threshold = lo + (hi - lo) * rng.uniform() } else { threshold = lo }
            }
            self.threshold = threshold
            let ratios = [0.16, 0.32, 0.48, 0.64, 0.8, 1.0]
            target = min(1, max(0, ratios[Int(rng.next() % 6)] + 0.1 * rng.normal())) * 1.1
            let logCosts = models.surrogates.logCosts, ys = models.surrogates.ys
            lcMin = logCosts.min() ?? 0
            lcMax = logCosts.max() ?? 0
            yMin = ys.min() ?? 0
            yMax = ys.max() ?? 1
            var upper = max(lcMax, costPred.max() ?? lcMax) + max(0.1, 0.5 * (lcMax - lcMin))
            if let m = maxLogCost { upper = min(upper, m) }
            upperLogCost = upper
            lowerLogCost = lcMin - max(0.1, 0.1 * (lcMax - lcMin))
            // Drawn last and only when noisy, so deterministic sweeps keep their stream.
            var floor: Double?
            if case .underNoise(let minShare) = plan.costFloor, models.noiseShare > minShare {
                let hi = min(lcMax, maxLogCost ?? .infinity)
                let f = lcMin + rng.uniform() * max(0, hi - lcMin)
                if cost.mean.contains(where: { $0 >= f && Self.allows(logCost: $0, cap: maxLogCost) }) { floor = f }
            }
            costFloor = floor
            origins = front.origins
            radius = options.effectiveRadius
            self.context = context
        }

        /// Predicted log cost at `xs`, with its standard deviation when the rule uses it (zeros otherwise).
        static func costModel(_ xs: [[Double]], rule: StrategyPlan.Acquisition, models: Models) -> (mean: [Double], sd: [Double]) {
            if case .hypervolume(costUncertainty: true) = rule { return models.surrogates.predictLogCostDistribution(xs) }
            return (models.surrogates.predictLogCost(xs), Array(repeating: 0, count: xs.count))
        }

        func costModel(_ xs: [[Double]], models: Models) -> (mean: [Double], sd: [Double]) {
            Self.costModel(xs, rule: rule, models: models)
        }

        /// More candidates (polished points): their predicted costs and P(success). The per-call draws and the
        /// integration bounds stay those of the first candidates.
        mutating func append(_ xs: [[Double]], models: Models) {
            let cost = costModel(xs, models: models)
            candidates += xs
            costPred += cost.mean
            costSD += cost.sd
            pSuccess += models.surrogates.pSuccess(xs)
        }

        /// Whether a point predicted at `logCost` may be suggested: at most `--max-cost`.
        func allows(logCost: Double) -> Bool { Self.allows(logCost: logCost, cap: maxLogCost) }

        static func allows(logCost: Double, cap: Double?) -> Bool { cap.map { !(logCost > $0) } ?? true }

        /// What the picks and the polish maximize: the acquisition × P(success) of candidate `i` with predicted
        /// transformed score N(mean, sd²), against `front`.
        func value(_ i: Int, mean mu: Double, sd: Double, front: StepFront) -> Double {
            value(x: candidates[i], mean: mu, sd: sd, logCost: costPred[i], logCostSD: costSD[i], pSuccess: pSuccess[i], front: front)
        }

        /// The same for any point `x` with predicted log cost N(logCost, logCostSD²) and P(success) `pSuccess`.
        func value(x: [Double], mean mu: Double, sd: Double, logCost: Double, logCostSD: Double, pSuccess: Double,
                   front: StepFront) -> Double {
            score(x: x, mean: mu, sd: sd, logCost: logCost, logCostSD: logCostSD, front: front) * pSuccess
        }

        /// The acquisition of a point `x` with predicted transformed score N(mean, sd²) and log cost
        /// N(logCost, logCostSD²), against `front`.
        func score(x: [Double], mean mu: Double, sd: Double, logCost: Double, logCostSD: Double, front: StepFront) -> Double {
            switch rule {
            case .hypervolume:
                return front.expectedHypervolumeImprovement(mean: mu, sd: sd, logCost: logCost, logCostSD: logCostSD,
                                                            lower: lowerLogCost, upper: upperLogCost)
            case .expectedImprovement(let bias, let localityWeight):
                var base = front.level(at: logCost)
                if let t = threshold { base = max(base, front.level(at: t)) }
                var a = Normal.expectedImprovement(mean: mu, sd: sd, best: base + bias)
                if localityWeight { a *= searchProbability(x) }
                return a
            case .protein:
                let yn = yMax > yMin ? (mu - yMin) / (yMax - yMin) : 0.5
                let cn = lcMax > lcMin ? (logCost - lcMin) / (lcMax - lcMin) : 0.5
                return yn * (1 - abs(target - cn))
            }
        }

        /// CARBS's locality weight: the normal density of the basic-space distance to the nearest origin.
        func searchProbability(_ x: [Double]) -> Double {
            var best = 0.0
            for o in origins {
                var d2 = 0.0
                for i in x.indices where context.unitScales[i] > 0 {
                    let t = (x[i] - o[i]) / context.unitScales[i]
                    d2 += t * t
                }
                best = max(best, Normal.pdf(d2.squareRoot() / radius))
            }
            return best
        }
    }

    /// The front member with the fewest runs (pending ones at the same point count), cheapest first.
    func leastSampled(front: Front) -> Int? {
        let groups = front.groups
        var best: Int?
        var bestCount = Int.max
        for m in front.measured.members where m < groups.count {
            let c = groups[m].count + front.data.pending.filter { $0 == groups[m].x }.count
            if c < bestCount { best = m; bestCount = c }
        }
        return best
    }

    /// When the models cannot be fitted: local perturbations of the best runs.
    func fallback(count: Int, startIndex: Int, rng: inout SeededGenerator) -> [Suggestion] {
        let best = context.data.successes.max { $0.utility < $1.utility }?.x ?? context.centerX
        var out: [Suggestion] = []
        for i in 0..<count {
            var s = context.make(x: context.snap(context.perturb(best, radius: options.effectiveRadius, rng: &rng)),
                                 index: startIndex + i, kind: "fallback")
            s.explanation = notes
            out.append(s)
        }
        return out
    }

    /// The --explain account of one pick.
    func explain(front f: Front, x: [Double], acquisition: Double, cost: Double, masked: Int, total: Int,
                 threshold: Double?) -> [String] {
        let front = f.measured, groups = f.groups, data = f.data
        var lines: [String] = []
        let o = sweep.objective
        lines.append("strategy \(options.strategy.rawValue): \(data.successes.count) successes, \(data.failures.count) failures, \(data.pending.count) pending, \(total) candidates")
        let fromCheckpoints = front.members.filter { $0 >= groups.count }.count
        lines.append("front (\(front.members.count) points\(fromCheckpoints > 0 ? ", \(fromCheckpoints) of them checkpoints of runs" : ""), cost → \(o.scoreKey)):")
        for m in front.members where m < groups.count {
            let g = groups[m]
            let s = o.maximize ? g.meanUtility : -g.meanUtility
            lines.append("  cost \(JSONWriter.format(g.meanCost)) → \(JSONWriter.format(s))\(g.count > 1 ? " (mean of \(g.count))" : "")")
        }
        if let share = f.denoisedShare {
            lines.append("noisy scores (noise \(JSONWriter.format((share * 1000).rounded() / 10)) % of the score model's variance): the front scores the model's posterior mean at each point, not the observed value")
        }
        if let threshold { lines.append("cost threshold (CARBS clamp): \(JSONWriter.format(exp(threshold)))") }
        if let m = options.maxCost { lines.append("--max-cost \(JSONWriter.format(m)) removed \(masked) of \(total) candidates") }
        // Nearest front point as the origin.
        var nearest = -1
        var nd = Double.infinity
        for m in front.members where m < groups.count {
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
