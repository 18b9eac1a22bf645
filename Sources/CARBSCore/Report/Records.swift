/// Every record the tools print, each kind built by one function here as a `JSONObject` and written by `JSONWriter`.
///
/// Key order is part of each format (scripts cut ids out of lines by column), so each builder states it. Numbers are
/// written in their shortest round-trip form; objects held as `JSONValue.object` print with sorted keys.
public enum Records {
    /// What the models predict at a point; absent numbers are left out of the `predicted` object.
    public struct Predicted: Sendable {
        public var score: Double?
        public var scoreStd: Double?
        public var cost: Double?
        public var pSuccess: Double?

        public init(score: Double? = nil, scoreStd: Double? = nil, cost: Double? = nil, pSuccess: Double? = nil) {
            self.score = score
            self.scoreStd = scoreStd
            self.cost = cost
            self.pSuccess = pSuccess
        }

        /// `{"score","score_std","cost","p_success"}`, each when known.
        var object: JSONObject {
            var o = JSONObject()
            o.append("score", ifPresent: score.map { .number($0) })
            o.append("score_std", ifPresent: scoreStd.map { .number($0) })
            o.append("cost", ifPresent: cost.map { .number($0) })
            o.append("p_success", ifPresent: pSuccess.map { .number($0) })
            return o
        }
    }

    /// A run's parameters in the space's declaration order, then (with `undeclared`) the ones the space does not
    /// declare, sorted by name.
    public static func ordered(_ params: [String: JSONValue], space: Space, undeclared: Bool = true) -> [(String, JSONValue)] {
        let declared = space.parameters.compactMap { p in params[p.name].map { (p.name, $0) } }
        guard undeclared else { return declared }
        return declared + params.keys.sorted().filter { space[$0] == nil }.compactMap { k in params[k].map { (k, $0) } }
    }

    /// A pending run, ready to append to the log (`carbs-suggest`, `carbs-space sample`):
    /// `{"id","status":"pending","params":{…},"predicted":{…}?,"kind","retry_of"?,"time"?}`.
    ///
    /// `time` (Unix seconds, rounded to milliseconds) lets stale pending runs be recognized later (`--pending-timeout`).
    public static func pending(
        id: String, params: [(String, JSONValue)], predicted: Predicted = Predicted(), kind: String,
        retryOf: String? = nil, time: Double? = nil
    ) -> String {
        var o = JSONObject([("id", .string(id)), ("status", "pending")])
        o.append("params", JSONObject(params))
        let p = predicted.object
        if !p.isEmpty { o.append("predicted", p) }
        o.append("kind", .string(kind))
        o.append("retry_of", ifPresent: retryOf.map { .string($0) })
        o.append("time", ifPresent: time.map { .number(($0 * 1000).rounded() / 1000) })
        return o.line
    }

    /// The result of a run (`carbs-suggest --record`): `{"id","status":"failed"?,"params":{…},FIELD…}`, the fields
    /// sorted by key.
    public static func result(id: String, failed: Bool, params: [(String, JSONValue)], fields: [String: JSONValue]) -> String {
        var o = JSONObject([("id", .string(id))])
        if failed { o.append("status", "failed") }
        o.append("params", JSONObject(params))
        o.append(contentsOf: fields.keys.sorted().compactMap { k in fields[k].map { (k, $0) } })
        return o.line
    }

    /// A checkpoint of a running run (`carbs-suggest --progress`):
    /// `{"progress":ID,"step","SCORE_KEY","COST_KEY",FIELD…,"advice"}`, the extra fields sorted by key.
    public static func progress(id: String, step: Double, score: Double, cost: Double, objective: Objective,
                                fields: [String: JSONValue] = [:], advice: String) -> String {
        var o = JSONObject([("progress", .string(id)), ("step", .number(step))])
        o.append(objective.scoreKey, .number(score))
        o.append(objective.costKey, .number(cost))
        let own: Set<String> = ["progress", "step", "advice", objective.scoreKey, objective.costKey]
        o.append(contentsOf: fields.keys.sorted().filter { !own.contains($0) }.compactMap { k in fields[k].map { (k, $0) } })
        o.append("advice", .string(advice))
        return o.line
    }

    /// The advice of `carbs-suggest --progress --format json`: `{"id","advice","reason","step","SCORE_KEY",
    /// "COST_KEY","judged_score","comparable","adding","chance"?}`.
    public static func advice(id: String, step: Double, score: Double, cost: Double, objective: Objective,
                              advice a: StopRule.Advice) -> String {
        var o = JSONObject([("id", .string(id)), ("advice", .string(a.stop ? "stop" : "continue")), ("reason", .string(a.reason))])
        o.append("step", .number(step))
        o.append(objective.scoreKey, .number(score))
        o.append(objective.costKey, .number(cost))
        o.append("judged_score", .number(a.score))
        o.append("comparable", .number(Double(a.comparable)))
        o.append("adding", .number(Double(a.addingPaths)))
        o.append("chance", ifPresent: a.chance.map { .number($0) })
        return o.line
    }

    /// A point of `carbs-pareto`'s front (or its `--budget` pick):
    /// `{"id"|"ids"?,"params":{…},SCORE_KEY,COST_KEY,"count","step"?,"stopped"?}` with the group's mean score and
    /// cost; `step` for a checkpoint of a run, `"stopped":true` for runs that ended early.
    public static func frontPoint(_ g: RunGroup, space: Space, objective: Objective) -> String {
        var o = JSONObject()
        if g.ids.count == 1, let id = g.ids.first { o.append("id", .string(id)) }
        if g.ids.count > 1 { o.append("ids", .array(g.ids.map { .string($0) })) }
        o.append("params", JSONObject(ordered(g.params, space: space)))
        o.append(objective.scoreKey, .number(g.meanScore))
        o.append(objective.costKey, .number(g.meanCost))
        o.append("count", .number(Double(g.count)))
        o.append("step", ifPresent: g.step.map { .number($0) })
        if g.stopped { o.append("stopped", .bool(true)) }
        return o.line
    }

    /// One fitted model (`carbs-fit`; read back by `carbs-suggest --model`):
    /// `{"model","observations","points_used"?,"failures"?,"transform"?,"hyperparameters"?,"lengthscales"?,
    /// "relevance"?,"loo"?,"log_marginal_likelihood"?}`.
    public static func model(_ m: FitReport.ModelSummary) -> String {
        var o = JSONObject([("model", .string(m.model)), ("observations", .number(Double(m.observations)))])
        if m.pointsUsed != m.observations { o.append("points_used", .number(Double(m.pointsUsed))) }
        o.append("failures", ifPresent: m.failures.map { .number(Double($0)) })
        o.append("transform", ifPresent: m.transform.map { .string($0) })
        if let h = m.hyperparameters {
            // Alphabetical, as the format has always printed them.
            var hp = JSONObject([("lengthscales", .array(h.lengthscales.map { .number($0) }))])
            hp.append("linearVariance", ifPresent: h.linearVariance.map { .number($0) })
            hp.append(contentsOf: [
                ("mean", .number(h.mean)), ("noiseVariance", .number(h.noiseVariance)),
                ("signalVariance", .number(h.signalVariance)),
            ])
            o.append("hyperparameters", hp)
        }
        if !m.lengthscales.isEmpty { o.append("lengthscales", JSONObject(m.lengthscales.map { ($0.0, .number($0.1)) })) }
        if !m.relevance.isEmpty {
            o.append("relevance", m.relevance.map { JSONObject([("param", .string($0.0)), ("relevance", .number($0.1))]) })
        }
        if m.looR2 != nil || m.looMSLL != nil {
            var loo = JSONObject()
            loo.append("msll", ifPresent: m.looMSLL.map { .number($0) })
            loo.append("r2", ifPresent: m.looR2.map { .number($0) })
            o.append("loo", loo)
        }
        o.append("log_marginal_likelihood", ifPresent: m.logMarginalLikelihood.map { .number($0) })
        return o.line
    }

    /// The models' prediction at one point (`carbs-fit --predict`): `{"id"?,"params":{…},"predicted":{…}}`.
    public static func prediction(id: String?, params: [(String, JSONValue)], predicted: Predicted) -> String {
        var o = JSONObject()
        o.append("id", ifPresent: id.map { .string($0) })
        o.append("params", JSONObject(params))
        o.append("predicted", predicted.object)
        return o.line
    }

    /// The state of a sweep in one line (`carbs-pareto --summary`): `{"runs","successes","failures","pending",
    /// "total_cost","best_score"?,"best_cost"?,"best_id"?,"front_size","hypervolume"?,"hypervolume_ref_score"?,"stopped"?,"stopped_cost"?,"saved_cost"?}` (the last three when runs were stopped early).
    public static func summary(_ s: SweepSummary) -> String {
        var o = JSONObject([
            ("runs", .number(Double(s.runs))), ("successes", .number(Double(s.successes))),
            ("failures", .number(Double(s.failures))), ("pending", .number(Double(s.pending))),
            ("total_cost", .number(s.totalCost)),
        ])
        o.append("best_score", ifPresent: s.bestScore.map { .number($0) })
        o.append("best_cost", ifPresent: s.bestCost.map { .number($0) })
        o.append("best_id", ifPresent: s.bestID.map { .string($0) })
        o.append("front_size", .number(Double(s.frontSize)))
        o.append("hypervolume", ifPresent: s.hypervolume.map { .number($0) })
        o.append("hypervolume_ref_score", ifPresent: s.referenceScore.map { .number($0) })
        if s.stopped > 0 {
            o.append("stopped", .number(Double(s.stopped)))
            o.append("stopped_cost", .number(s.stoppedCost))
            o.append("saved_cost", ifPresent: s.savedCost.map { .number($0) })
        }
        return o.line
    }

    /// The hypervolume of a front (`carbs-pareto --hypervolume`):
    /// `{"hypervolume","normalized"?,"ref_score","cost_min","cost_max","front_size","best_score"?}`.
    public static func hypervolume(
        _ hv: Double, normalized: Double?, refScore: Double, costMin: Double, costMax: Double, frontSize: Int,
        bestScore: Double?
    ) -> String {
        var o = JSONObject([("hypervolume", .number(hv))])
        o.append("normalized", ifPresent: normalized.map { .number($0) })
        o.append(contentsOf: [
            ("ref_score", .number(refScore)), ("cost_min", .number(costMin)), ("cost_max", .number(costMax)),
            ("front_size", .number(Double(frontSize))),
        ])
        o.append("best_score", ifPresent: bestScore.map { .number($0) })
        return o.line
    }

    /// A point drawn from the space (`carbs-space sample`): the pending record of `pending`, with the sampling
    /// method as its kind, or with `paramsOnly` just the parameter object.
    public static func sample(id: String, params: [(String, JSONValue)], method: String, paramsOnly: Bool) -> String {
        paramsOnly ? JSONObject(params).line : pending(id: id, params: params, kind: method)
    }

    /// A run mapped to the unit cube (`carbs-space encode`): `{"id"?,"x":{COLUMN:U,…}}`, columns in declaration order.
    public static func encoded(id: String?, x: [(String, Double)]) -> String {
        var o = JSONObject()
        o.append("id", ifPresent: id.map { .string($0) })
        o.append("x", JSONObject(x.map { ($0.0, .number($0.1)) }))
        return o.line
    }

    /// A unit-cube point mapped back to parameters (`carbs-space decode`): the record's other keys, sorted, then
    /// `"params":{…}`.
    public static func decoded(rest: [String: JSONValue], params: [(String, JSONValue)]) -> String {
        var o = JSONObject(rest.keys.sorted().compactMap { k in rest[k].map { (k, $0) } })
        o.append("params", JSONObject(params))
        return o.line
    }
}

extension Suggestion {
    /// The pending record of this suggestion (`Records.pending`).
    public func record(time: Double? = nil) -> String {
        Records.pending(
            id: id, params: params,
            predicted: Records.Predicted(score: predictedScore, scoreStd: predictedScoreStd, cost: predictedCost, pSuccess: pSuccess),
            kind: kind, retryOf: retryOf, time: time)
    }
}

extension FitReport.ModelSummary {
    /// The model record (`Records.model`).
    public var record: String { Records.model(self) }
}

extension SweepSummary {
    /// The summary record (`Records.summary`).
    public var record: String { Records.summary(self) }
}

extension RunGroup {
    /// The front-point record of this group (`Records.frontPoint`).
    public func record(space: Space, objective: Objective) -> String {
        Records.frontPoint(self, space: space, objective: objective)
    }
}
