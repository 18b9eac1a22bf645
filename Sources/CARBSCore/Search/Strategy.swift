/// The search rules `carbs-suggest --strategy` offers.
public enum Strategy: String, Sendable, CaseIterable, Codable {
    /// Expected hypervolume improvement of the (score, log cost) front: the expected gain in best score, integrated
    /// over every budget from the candidate's predicted cost up. Cost-aware without a tuning knob. The default.
    case ehvi
    /// CARBS-style expected improvement over the front at the candidate's predicted cost, with CARBS's log-uniform
    /// cost-threshold clamp, on fitted GP hyperparameters and without the search-probability weight.
    case ei
    /// A faithful CARBS configuration: radius 0.3, 4 initial points around the center, fixed kernel
    /// hyperparameters, quantile-normal scores, EI with exploration bias 1, search-probability weight, conservative
    /// Pareto groups, resampling every 5 successes.
    case carbs
    /// PufferLib Protein's rule: min–max scaled GP mean × closeness of the predicted cost to a random target cost.
    case protein
    /// Uniform random points.
    case random
    /// A scrambled Sobol sequence continued across calls.
    case sobol
}

extension Strategy {
    /// The strategy resolved once into a value. Adding a strategy means adding a case above and its plan here.
    var plan: StrategyPlan {
        switch self {
        case .ehvi:
            StrategyPlan(strategy: self, modelFree: nil, radius: 0.5, resampleEvery: 0, initialCount: .scaled,
                         initialDesign: .sobol(cheapestOf: 4), transform: .standardize, kernel: .fitted, candidates: .mixed,
                         origins: .frontAndBest(3), acquisition: .hypervolume(costUncertainty: true),
                         frontValues: .denoised(minNoiseShare: 0.02), polish: .coordinate(starts: 5, rounds: 12),
                         costFloor: .underNoise(minNoiseShare: 0.2))
        case .ei:
            StrategyPlan(strategy: self, modelFree: nil, radius: 0.5, resampleEvery: 0, initialCount: .scaled,
                         initialDesign: .sobol(cheapestOf: 1), transform: .standardize, kernel: .fitted, candidates: .mixed,
                         origins: .frontAndBest(3), acquisition: .expectedImprovement(bias: 0, localityWeight: false))
        case .carbs:
            StrategyPlan(strategy: self, modelFree: nil, radius: 0.3, resampleEvery: 5, initialCount: .fixed(4),
                         initialDesign: .aroundCenter, transform: .quantileNormal,
                         kernel: .fixed(signalVariance: 0.9, noiseVariance: 0.01), candidates: .localOnly,
                         origins: .carbsFront(minCostFraction: 0.2), acquisition: .expectedImprovement(bias: 1, localityWeight: true))
        case .protein:
            StrategyPlan(strategy: self, modelFree: nil, radius: 0.5, resampleEvery: 0, initialCount: .scaled,
                         initialDesign: .sobol(cheapestOf: 1), transform: .standardize, kernel: .fitted, candidates: .mixed,
                         origins: .frontAndBest(3), acquisition: .protein)
        case .random:
            StrategyPlan(strategy: self, modelFree: .uniform, radius: 0.5, resampleEvery: 0, initialCount: .scaled,
                         initialDesign: .sobol(cheapestOf: 1), transform: .standardize, kernel: .fitted, candidates: .mixed,
                         origins: .frontAndBest(3), acquisition: .hypervolume(costUncertainty: false))
        case .sobol:
            StrategyPlan(strategy: self, modelFree: .sobol, radius: 0.5, resampleEvery: 0, initialCount: .scaled,
                         initialDesign: .sobol(cheapestOf: 1), transform: .standardize, kernel: .fitted, candidates: .mixed,
                         origins: .frontAndBest(3), acquisition: .hypervolume(costUncertainty: false))
        }
    }
}

/// Everything that differs between strategies: defaults, the model set-up, the candidate mix, how origins are
/// chosen and the acquisition. `Suggester` and `ModelSearch` read only this, never the strategy's name.
struct StrategyPlan: Sendable {
    /// The strategy this plan resolves (for messages only).
    var strategy: Strategy
    /// Strategies that never fit a model: every suggestion comes from this rule.
    var modelFree: ModelFree?
    /// Default search radius (σ of the local perturbations, in units of each parameter's `scale`).
    var radius: Double
    /// Default K of "re-run the least-sampled front point every K successes" (0 = never).
    var resampleEvery: Int
    /// Default number of successes before the models are used.
    var initialCount: InitialCount
    /// How the initial points are drawn.
    var initialDesign: InitialDesign
    /// Output transform of the score model.
    var transform: OutputTransform
    /// Fitted kernel hyperparameters, or fixed ones.
    var kernel: KernelRule
    /// Which candidates are drawn.
    var candidates: CandidateMix
    /// Where local candidates are centred.
    var origins: OriginRule
    /// How a candidate is scored.
    var acquisition: Acquisition
    /// What the front's points score: the observed group means, or (when the score model says the scores are
    /// noisy) the model's posterior mean at them.
    var frontValues: FrontValues = .observed
    /// Whether the best candidates are improved by a local search on the acquisition before the picks.
    var polish: Polish = .none
    /// Whether noisy picks must cost at least a random point of the runs' cost range.
    var costFloor: CostFloor = .none

    enum CostFloor: Sendable {
        case none
        /// When the score model's noise variance is more than `minNoiseShare` of signal + noise, each call draws
        /// a log cost uniformly between its cheapest and costliest run and picks only among candidates predicted
        /// to cost at least that. Why: when the scores are mostly noise the model cannot tell one cheap region
        /// from another, and the hypervolume credits a cheap point with the most budgets, so a noisy search
        /// settles in the cheapest corner (on noisy hartmann6-cost a quarter of the seeds did); the floor spreads
        /// the picks over the budgets, as CARBS's and Protein's random target costs do.
        case underNoise(minNoiseShare: Double)

        var minNoiseShare: Double {
            if case .underNoise(let m) = self { return m }
            return 1
        }
    }

    enum Polish: Sendable {
        case none
        /// A coordinate search from the `starts` best candidates, at most `rounds` rounds
        /// (`ModelSearch.polish`).
        case coordinate(starts: Int, rounds: Int)
    }

    enum FrontValues: Sendable {
        /// The observed mean of each group of repeats.
        case observed
        /// The score GP's posterior mean at each group when its fitted noise variance is more than `minNoiseShare`
        /// of signal + noise (a lucky noisy run does not set the bar); the observed means otherwise.
        case denoised(minNoiseShare: Double)
    }

    enum ModelFree: Sendable {
        /// Uniform points of the unit cube.
        case uniform
        /// A scrambled Sobol sequence continued across calls.
        case sobol
    }

    enum InitialCount: Sendable {
        /// Exactly this many.
        case fixed(Int)
        /// max(4, ⌈d/2⌉ + 2) for d encoded dimensions.
        case scaled

        func count(dimension d: Int) -> Int {
            switch self {
            case .fixed(let n): n
            case .scaled: max(4, (d + 1) / 2 + 2)
            }
        }
    }

    enum InitialDesign: Sendable {
        /// The center plus a normal perturbation of the radius (CARBS).
        case aroundCenter
        /// Sobol points, cost-driving parameters in the cheapest quarter, the first point of a sweep the center.
        /// With `cheapestOf` k > 1, once two runs of different cost are in, a linear trend of log cost is fitted to
        /// the runs so far (`LogCostTrend`); a Sobol point it prices above the median run is replaced by the cheapest
        /// by the trend of it and k − 1 uniform points: the early design stays in the cheap part of the space
        /// without a `cost` hint, and keeps the Sobol spread where it is cheap already.
        case sobol(cheapestOf: Int)
    }

    enum KernelRule: Sendable {
        /// Fitted by marginal likelihood.
        case fitted
        /// CARBS keeps the kernel at its initial values: lengthscale radius·scale per numeric column (0.3 for
        /// one-hot columns), the given signal and noise variance, zero mean, no linear term.
        case fixed(signalVariance: Double, noiseVariance: Double)

        /// The fixed hyperparameters for columns with unit scales `unitScales`, or nil when they are fitted.
        func hyperparameters(unitScales: [Double], radius: Double) -> GPHyperparameters? {
            switch self {
            case .fitted:
                return nil
            case .fixed(let signal, let noise):
                let ls = unitScales.map { $0 > 0 ? radius * $0 : 0.3 }
                return GPHyperparameters(lengthscales: ls, signalVariance: signal, noiseVariance: noise, mean: 0, linearVariance: nil)
            }
        }
    }

    enum CandidateMix: Sendable {
        /// Local perturbations only, all at the search radius r (CARBS).
        case localOnly
        /// A `--global-share` of uniform points, the rest local at radii cycling r, r, r/3, 2r.
        case mixed

        func globalCount(total: Int, globalShare: Double) -> Int {
            switch self {
            case .localOnly: 0
            case .mixed: Int(Double(total) * globalShare)
            }
        }

        func radii(_ r: Double) -> [Double] {
            switch self {
            case .localOnly: [r]
            case .mixed: [r, r, r / 3, r * 2]
            }
        }
    }

    enum OriginRule: Sendable {
        /// CARBS's conservative Pareto groups, ignoring the cheapest `minCostFraction` of the cost range.
        case carbsFront(minCostFraction: Double)
        /// The plain front of the group means plus the best `n` groups by score, so a noisy cheap front cannot hide
        /// the best region.
        case frontAndBest(Int)
    }

    enum Acquisition: Sendable {
        /// Expected hypervolume improvement of the (score, log cost) front; with `costUncertainty`, over the cost
        /// model's predictive distribution of the log cost too, not only its mean.
        case hypervolume(costUncertainty: Bool)
        /// EI(μ, σ; best = max(front(ĉ), front(t)) + bias) at predicted log cost ĉ and a log-uniform cost threshold
        /// t drawn once per call; times the CARBS search-probability weight when `localityWeight`.
        case expectedImprovement(bias: Double, localityWeight: Bool)
        /// Min–max scaled mean × (1 − |target − scaled predicted cost|), target a random cost ratio.
        case protein

        /// Whether the log-uniform cost threshold is drawn.
        var usesCostThreshold: Bool {
            switch self {
            case .expectedImprovement: true
            case .hypervolume, .protein: false
            }
        }
    }
}
