/// The result record of a run for `carbs-suggest --log FILE --record ID --value KEY=VALUE…`: checks the id and the
/// values against the log, then writes the record with `Records.result`.
public enum ResultRecord {
    /// With `newID`, records a further evaluation of run `id`'s params (pending or finished) under `newID`.
    public static func make(id: String, values: [String], failed: Bool, log: SweepLog, file: String, as newID: String? = nil) throws(CARBSError) -> String {
        guard let pending = log.runs.first(where: { $0.id == id }) else {
            throw CARBSError.data(Diagnostic(file: file, line: nil, message: "no run with id '\(id)'"))
        }
        if let newID {
            guard !newID.isEmpty, !log.runs.contains(where: { $0.id == newID }) else {
                throw CARBSError.data(Diagnostic(file: file, line: nil, message: "--as: id '\(newID)' is already in the log"))
            }
        } else {
            guard pending.status == .pending else {
                throw CARBSError.data(Diagnostic(file: file, line: pending.line, message: "run '\(id)' already has a result"))
            }
        }
        var fields: [String: JSONValue] = [:]
        for v in values {
            guard let eq = v.firstIndex(of: "=") else { throw CARBSError.usage("--value takes KEY=VALUE, got '\(v)'") }
            let key = String(v[..<eq])
            guard !key.isEmpty, !["id", "params", "status"].contains(key) else {
                throw CARBSError.usage("--value cannot set '\(key)'")
            }
            fields[key] = CompactSpec.scalar(String(v[v.index(after: eq)...]))
        }
        let o = log.objective
        if !failed {
            guard let s = fields[o.scoreKey] else {
                throw CARBSError.usage("--record needs --value \(o.scoreKey)=NUMBER (or --failed)")
            }
            guard let d = s.doubleValue, d.isFinite else {
                throw CARBSError.usage("'\(o.scoreKey)' must be a finite number, got \(s.json)")
            }
        }
        if let c = fields[o.costKey] {
            guard let d = c.doubleValue, d.isFinite, d > 0 || (failed && d == 0) else {
                throw CARBSError.usage("'\(o.costKey)' must be a positive number, got \(c.json)")
            }
        }
        return Records.result(id: newID ?? id, failed: failed, params: Records.ordered(pending.params, space: log.space),
                              fields: fields)
    }
}
