/// A run of the sweep after its pending record and its result were matched by id and the objective's keys applied.
public struct Run: Sendable, Equatable {
    public var id: String?
    public var line: Int
    public var status: RunStatus
    public var params: [String: JSONValue]
    /// The score as logged (not oriented); set for successes.
    public var score: Double?
    /// The cost as logged; successes default to 1 when the record has none.
    public var cost: Double?
    /// The whole record, unknown keys included.
    public var fields: [String: JSONValue]
    /// The checkpoints the run reported while it ran (progress records), in order of step.
    public var progress: [Checkpoint] = []

    /// The checkpoints that beat every earlier one of the run (oriented by `objective`): the only ones that can be
    /// on a score-versus-cost front, since costs do not fall along a run. Long curves shrink to their running
    /// best, losing nothing of the front.
    public func improvingCheckpoints(_ objective: Objective) -> [Checkpoint] {
        var best = -Double.infinity
        return progress.filter { p in
            let u = objective.utility(p.score)
            defer { best = max(best, u) }
            return u > best
        }
    }

    /// Whether the run ended early (`"stopped":true`: on `carbs-suggest --progress`'s advice or by the user). Its
    /// result is a real model trained that far.
    public var stopped: Bool { fields["stopped"]?.boolValue == true }

    public init(id: String?, line: Int, status: RunStatus, params: [String: JSONValue], score: Double?, cost: Double?,
                fields: [String: JSONValue] = [:]) {
        self.id = id
        self.line = line
        self.status = status
        self.params = params
        self.score = score
        self.cost = cost
        self.fields = fields
    }
}

/// One progress record of a run: after `step` steps (epochs, updates: whatever the trainer counts) the score was
/// `score` and the run had cost `cost` in all (cumulative). Steps increase and costs do not decrease along a run.
public struct Checkpoint: Sendable, Equatable {
    public var step: Double
    /// As logged (not oriented).
    public var score: Double
    public var cost: Double
    public var line: Int
    /// `continue` or `stop`: what `carbs-suggest --progress` advised when it wrote the record.
    public var advice: String?

    public init(step: Double, score: Double, cost: Double, line: Int, advice: String? = nil) {
        self.step = step
        self.score = score
        self.cost = cost
        self.line = line
        self.advice = advice
    }
}
