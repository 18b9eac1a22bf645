/// Which keys hold the score and the cost, and whether the score is maximized.
/// Declared in a log as `{"objective":{"score":"val_loss","cost":"seconds","goal":"minimize"}}`; flags override it.
public struct Objective: Sendable, Equatable {
    public var scoreKey = "score"
    public var costKey = "cost"
    public var maximize = true

    public init(scoreKey: String = "score", costKey: String = "cost", maximize: Bool = true) {
        self.scoreKey = scoreKey
        self.costKey = costKey
        self.maximize = maximize
    }

    /// Parses the value of an `objective` record.
    public init(declaration v: JSONValue) throws(SpaceError) {
        guard let o = v.objectValue else { throw SpaceError("'objective' must be an object like {\"score\":\"val_loss\",\"goal\":\"minimize\"}") }
        self.init()
        for k in o.keys.sorted() where !["score", "cost", "goal"].contains(k) {
            throw SpaceError("objective: unknown key '\(k)' (expected score, cost, goal)")
        }
        if let s = o["score"] {
            guard let s = s.stringValue, !s.isEmpty else { throw SpaceError("objective: 'score' must be a key name") }
            scoreKey = s
        }
        if let c = o["cost"] {
            guard let c = c.stringValue, !c.isEmpty else { throw SpaceError("objective: 'cost' must be a key name") }
            costKey = c
        }
        if let g = o["goal"] {
            switch g.stringValue {
            case "maximize", "max": maximize = true
            case "minimize", "min": maximize = false
            default: throw SpaceError("objective: 'goal' must be \"maximize\" or \"minimize\"")
            }
        }
    }

    public var declarationPairs: [(String, JSONValue)] {
        [("objective", .object(["score": .string(scoreKey), "cost": .string(costKey), "goal": .string(maximize ? "maximize" : "minimize")]))]
    }

    /// Score oriented so that higher is better.
    public func utility(_ score: Double) -> Double { maximize ? score : -score }
}

/// Flags that override the log's objective record (nil = keep the log's value or the default).
public struct ObjectiveOverrides: Sendable, Equatable {
    public var scoreKey: String?
    public var costKey: String?
    public var maximize: Bool?
    public init(scoreKey: String? = nil, costKey: String? = nil, maximize: Bool? = nil) {
        self.scoreKey = scoreKey
        self.costKey = costKey
        self.maximize = maximize
    }
    public func applied(to o: Objective) -> Objective {
        var r = o
        if let scoreKey { r.scoreKey = scoreKey }
        if let costKey { r.costKey = costKey }
        if let maximize { r.maximize = maximize }
        return r
    }
}
