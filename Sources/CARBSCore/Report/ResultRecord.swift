/// The result record of a run for `carbs-suggest --log FILE --record ID --value KEY=VALUE…`: checks the id and the
/// values against the log, then writes the record with `Records.result`.
public enum ResultRecord {
    /// With `newID`, records a further evaluation of run `id`'s params (pending or finished) under `newID`.
    /// `fields` are the result's keys (`fields(values:)`, `fields(output:file:)`).
    public static func make(
        id: String, fields: [String: JSONValue], failed: Bool, log: SweepLog, file: String, as newID: String? = nil
    ) throws(CARBSError) -> String {
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
        var fields = fields
        // A run that ends after `--progress` advised it to stop is marked stopped, unless the caller said otherwise.
        if newID == nil, !failed, fields["stopped"] == nil, pending.progress.last?.advice == "stop" {
            fields["stopped"] = .bool(true)
        }
        let o = log.objective
        if !failed {
            guard let s = fields[o.scoreKey] else {
                throw CARBSError.usage("--record needs --value \(o.scoreKey)=NUMBER (or --from, or --failed)")
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

    /// Keys a result cannot set: the log's own.
    static let reservedKeys: Set<String> = ["id", "params", "status"]

    /// The fields of `--value KEY=VALUE` options; a value reads as a number, `true`/`false` or a string.
    public static func fields(values: [String]) throws(CARBSError) -> [String: JSONValue] {
        var fields: [String: JSONValue] = [:]
        for v in values {
            guard let eq = v.firstIndex(of: "=") else { throw CARBSError.usage("--value takes KEY=VALUE, got '\(v)'") }
            let key = String(v[..<eq])
            guard !key.isEmpty, !reservedKeys.contains(key) else { throw CARBSError.usage("--value cannot set '\(key)'") }
            fields[key] = CompactSpec.scalar(String(v[v.index(after: eq)...]))
        }
        return fields
    }

    /// The fields a training program printed (`--record ID --from FILE`): its last non-blank line, either one JSON
    /// object (`{"score":0.91,"cost":812}`) or white-space separated `KEY=VALUE` words (`score=0.91 cost=812`,
    /// values read as `--value` reads them). Earlier lines (progress, logging) are ignored.
    public static func fields(output: String, file: String) throws(CARBSError) -> [String: JSONValue] {
        let lines = output.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        guard let index = lines.lastIndex(where: { !$0.allSatisfy(\.isWhitespace) }) else {
            throw CARBSError.data(Diagnostic(file: file, line: nil, message: "no result: the output is empty (expected KEY=VALUE words or a JSON object on its last line)"))
        }
        let number = index + 1
        var line = Substring(lines[index])
        while let last = line.last, last.isWhitespace { line = line.dropLast() }
        while let first = line.first, first.isWhitespace { line = line.dropFirst() }
        func bad(_ message: String) -> CARBSError { .data(Diagnostic(file: file, line: number, message: message)) }
        if line.hasPrefix("{") {
            let object: [String: JSONValue]
            do {
                object = try RecordDecoder().object(Array(line.utf8))
            } catch {
                throw bad(error.message)
            }
            if let key = object.keys.sorted().first(where: reservedKeys.contains) { throw bad("a result cannot set '\(key)'") }
            return object
        }
        var fields: [String: JSONValue] = [:]
        for word in line.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            guard let eq = word.firstIndex(of: "="), eq != word.startIndex else {
                throw bad("expected KEY=VALUE words or a JSON object on the last line, got '\(word.prefix(80))'")
            }
            let key = String(word[..<eq])
            if reservedKeys.contains(key) { throw bad("a result cannot set '\(key)'") }
            fields[key] = CompactSpec.scalar(String(word[word.index(after: eq)...]))
        }
        return fields
    }
}
