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
