/// The progress record of a running run and the advice that goes with it, for
/// `carbs-suggest --log FILE --progress ID --value score=S --value cost=C [--value step=K]`: checks the id and the
/// values against the log, asks `StopRule`, and writes the record (with the advice in it) with `Records.progress`.
public enum ProgressRecord {
    public struct Made: Sendable {
        /// The line to append.
        public var line: String
        public var advice: StopRule.Advice
        public var step: Double
        public var score: Double
        public var cost: Double
    }

    /// `fields` are the `--value` fields (`ResultRecord.fields(values:)`): the objective's score and cost keys
    /// (the cost so far, cumulative) and optionally `step` (default: the run's last step + 1, or 1).
    public static func make(id: String, fields: [String: JSONValue], log: SweepLog, file: String,
                            options: StopRule.Options = StopRule.Options()) throws(CARBSError) -> Made {
        guard let index = log.runs.firstIndex(where: { $0.id == id }) else {
            throw CARBSError.data(Diagnostic(file: file, line: nil, message: "no run with id '\(id)'"))
        }
        let run = log.runs[index]
        guard run.status == .pending else {
            throw CARBSError.data(Diagnostic(file: file, line: run.line, message: "run '\(id)' already has a result: it is not running"))
        }
        let o = log.objective
        func number(_ key: String, _ what: String) throws(CARBSError) -> Double {
            guard let v = fields[key] else { throw CARBSError.usage("--progress needs --value \(key)=NUMBER (\(what))") }
            guard let d = v.doubleValue, d.isFinite else { throw CARBSError.usage("'\(key)' must be a finite number, got \(v.json)") }
            return d
        }
        let score = try number(o.scoreKey, "the score so far")
        let cost = try number(o.costKey, "the cumulative cost so far")
        guard cost > 0 else { throw CARBSError.usage("'\(o.costKey)' must be positive (the cost so far), got \(JSONWriter.format(cost))") }
        let last = run.progress.last
        let step = fields["step"] == nil ? (last.map { $0.step + 1 } ?? 1) : try number("step", "the step count")
        guard step >= 0 else { throw CARBSError.usage("'step' must not be negative") }
        if let last {
            guard step > last.step else {
                throw CARBSError.data(Diagnostic(file: file, line: last.line,
                    message: "step \(JSONWriter.format(step)) of '\(id)' does not follow its step \(JSONWriter.format(last.step))"))
            }
            guard cost >= last.cost else {
                throw CARBSError.data(Diagnostic(file: file, line: last.line,
                    message: "'\(o.costKey)' of '\(id)' would fall from \(JSONWriter.format(last.cost)) to \(JSONWriter.format(cost)): give the cumulative cost so far"))
            }
        }
        var judged = log
        judged.runs[index].progress.append(Checkpoint(step: step, score: score, cost: cost, line: log.recordCount + 1))
        let advice = StopRule.advise(judged, id: id, options: options)
        let line = Records.progress(id: id, step: step, score: score, cost: cost, objective: o, fields: fields,
                                    advice: advice.stop ? "stop" : "continue")
        return Made(line: line, advice: advice, step: step, score: score, cost: cost)
    }
}
