/// Everything a sweep log says: its space, its objective and its runs, with every problem found on the way.
///
/// Reading never stops at a bad line: the line is reported as a `Diagnostic` (`FILE:LINE: message`) and skipped,
/// unless `strict` is set, in which case the first problem is thrown as `CARBSError.data`.
public struct SweepLog: Sendable {
    public var space = Space()
    public var objective = Objective()
    /// Runs in log order (a resolved pending run takes the position of its result).
    public var runs: [Run] = []
    public var diagnostics: [Diagnostic] = []
    /// Records that are neither declarations, objectives nor runs, with their line numbers.
    public var otherRecords: [(line: Int, record: [String: JSONValue])] = []
    /// Non-blank lines read.
    public var recordCount = 0
    /// FNV-1a hash of the log's bytes: mixed into seeds so that a longer log gives a new suggestion.
    public var contentHash: UInt64 = 0
    /// Whether the input ended without a final newline.
    public var endsWithoutNewline = false

    public init() {}

    public struct Options: Sendable {
        public var file = "<stdin>"
        public var strict = false
        public var objective = ObjectiveOverrides()
        /// A space given with `--space FILE`: it replaces the log's declarations.
        public var space: Space?
        public init(file: String = "<stdin>", strict: Bool = false, objective: ObjectiveOverrides = ObjectiveOverrides(), space: Space? = nil) {
            self.file = file
            self.strict = strict
            self.objective = objective
            self.space = space
        }
    }

    public var successes: [Run] { runs.filter { $0.status == .success } }
    public var failures: [Run] { runs.filter { $0.status == .failed } }
    public var pending: [Run] { runs.filter { $0.status == .pending } }

    /// Reads a whole log from a file descriptor, or with `limit` its first `limit` bytes (from the descriptor's
    /// offset): a log that other processes append to is read as it was when its size was taken.
    public static func read(fileDescriptor fd: Int32, options: Options, limit: Int64? = nil) throws(CARBSError) -> SweepLog {
        var reader = LineReader(fileDescriptor: fd, limit: limit)
        return try read(&reader, options: options)
    }

    static func read(_ reader: inout LineReader, options: Options) throws(CARBSError) -> SweepLog {
        var builder = Builder(options: options)
        do {
            while let line = try reader.next() {
                try builder.add(line)
            }
        } catch let e as CARBSError {
            throw e
        } catch let e as LineReader.LineTooLong {
            throw CARBSError.data(Diagnostic(file: options.file, line: e.line,
                message: "line longer than \(LineReader.maxLineBytes >> 20) MiB, the longest a log line may be"))
        } catch {
            throw CARBSError.io("\(options.file): \(error)")
        }
        return try builder.finish()
    }

    /// Reads a log held in memory (tests, in-process benchmarks).
    public static func parse(_ text: String, options: Options = Options()) throws(CARBSError) -> SweepLog {
        var reader = LineReader(bytes: Array(text.utf8))
        return try read(&reader, options: options)
    }

    /// Accumulates records line by line.
    public struct Builder {
        var log = SweepLog()
        let options: Options
        let decoder = RecordDecoder()
        var raw: [RawRun] = []
        var rawProgress: [RawProgress] = []
        var logObjective = Objective()
        var hasher = StableHasher()

        public init(options: Options) { self.options = options }

        mutating func report(_ line: Int?, _ message: String) throws(CARBSError) {
            let d = Diagnostic(file: options.file, line: line, message: message)
            if options.strict { throw CARBSError.data(d) }
            log.diagnostics.append(d)
        }

        public mutating func add(_ line: LineReader.Line) throws(CARBSError) {
            let hashed = Self.hashedBytes(line.bytes)
            hasher.combine(bytes: hashed)
            if hashed.count < line.bytes.count { hasher.combine(bytes: CollectionOfOne(125)) }   // the closing brace
            hasher.combine(bytes: CollectionOfOne(10))
            if !line.complete { log.endsWithoutNewline = true }
            let record: Record?
            do {
                record = try decoder.decode(line.bytes, line: line.number)
            } catch {
                let torn = line.complete ? "" : " (the last line is incomplete: a writer may have died mid-line)"
                try report(line.number, error.message + torn)
                return
            }
            guard let record else { return }
            log.recordCount += 1
            switch record {
            case .declaration(let p): if options.space == nil { log.space.declare(p) }
            case .objective(let o): logObjective = o
            case .run(let r): raw.append(r)
            case .progress(let p): rawProgress.append(p)
            case .other(let o): log.otherRecords.append((line.number, o))
            }
        }

        /// The bytes of a line that identify it for the content hash: the wall-clock `"time"` that
        /// `carbs-suggest --log` appends to its pending records is left out, so a sweep driven through `--log`
        /// is as reproducible as one driven through pipes.
        static func hashedBytes(_ b: [UInt8]) -> ArraySlice<UInt8> {
            let marker = Array(",\"time\":".utf8)
            guard b.count > marker.count + 1, b.last == 125 else { return b[...] }
            var i = b.count - marker.count - 1
            let lowest = max(0, b.count - 40)
            while i >= lowest {
                if b[i] == 44, Array(b[i..<(i + marker.count)]) == marker {
                    // Only digits, '.', 'e', '+', '-' may follow up to the closing brace.
                    let tail = b[(i + marker.count)..<(b.count - 1)]
                    if !tail.isEmpty, tail.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 46 || $0 == 101 || $0 == 43 || $0 == 45 }) {
                        return b[..<i]
                    }
                    break
                }
                i -= 1
            }
            return b[...]
        }

        public mutating func finish() throws(CARBSError) -> SweepLog {
            log.contentHash = hasher.value
            if let s = options.space { log.space = s }
            log.objective = options.objective.applied(to: logObjective)
            let o = log.objective
            var resultLine: [String: Int] = [:]       // id → line of its result
            var pendingIndex: [String: Int] = [:]     // id → index in runs
            var pendingLine: [String: Int] = [:]      // id → line of its pending record
            var runs: [Run?] = []
            for r in raw {
                var status = r.status
                var score: Double?
                var cost: Double?
                if let v = r.fields[o.scoreKey], status != .failed, status != .pending {
                    guard let d = v.doubleValue else {
                        try report(r.line, "'\(o.scoreKey)' must be a number, got \(v.typeName)")
                        continue
                    }
                    guard d.isFinite else { try report(r.line, "'\(o.scoreKey)' is not finite"); continue }
                    score = d
                }
                if status == nil { status = score == nil ? nil : .success }
                guard let st = status else {
                    try report(r.line, "run has no '\(o.scoreKey)' and no \"status\" (use \"status\":\"failed\" or \"pending\")")
                    continue
                }
                if st == .success, score == nil {
                    try report(r.line, "successful run has no '\(o.scoreKey)'")
                    continue
                }
                if let v = r.fields[o.costKey], st != .pending {
                    guard let d = v.doubleValue else { try report(r.line, "'\(o.costKey)' must be a number, got \(v.typeName)"); continue }
                    guard d.isFinite, d > 0 || (st == .failed && d == 0) else {
                        try report(r.line, "'\(o.costKey)' must be a positive finite number, got \(JSONWriter.format(d))")
                        continue
                    }
                    cost = d
                } else if st == .success {
                    cost = 1
                }
                let run = Run(id: r.id, line: r.line, status: st, params: r.params, score: score, cost: cost, fields: r.fields)
                guard let id = r.id else {
                    if st == .pending { try report(r.line, "pending run has no 'id': its result can never be matched") }
                    runs.append(run)
                    continue
                }
                if let first = resultLine[id] {
                    try report(r.line, st == .pending
                        ? "pending record for id '\(id)' after its result (line \(first)); ignored"
                        : "second result for id '\(id)' (first at line \(first)); ignored")
                    continue
                }
                if st == .pending {
                    if pendingIndex[id] != nil {
                        try report(r.line, "duplicate pending record for id '\(id)'; ignored")
                        continue
                    }
                    pendingIndex[id] = runs.count
                    pendingLine[id] = r.line
                    runs.append(run)
                } else {
                    resultLine[id] = r.line
                    var result = run
                    if let i = pendingIndex.removeValue(forKey: id) {
                        // The result inherits what only the pending record said (the suggestion's kind, what it retries).
                        for key in ["kind", "retry_of"] where result.fields[key] == nil {
                            if let v = runs[i]?.fields[key] { result.fields[key] = v }
                        }
                        runs[i] = nil
                    }
                    runs.append(result)
                }
            }
            log.runs = runs.compactMap { $0 }
            try attachProgress(pendingLine: pendingLine, resultLine: resultLine)
            if log.recordCount == 0 && log.diagnostics.isEmpty {
                throw CARBSError.noInput("\(options.file): empty input (no records)")
            }
            return log
        }

        /// Gives each run the checkpoints its progress records report: between its pending record and its result,
        /// steps increasing, costs not decreasing, score and cost under the objective's keys.
        mutating func attachProgress(pendingLine: [String: Int], resultLine: [String: Int]) throws(CARBSError) {
            guard !rawProgress.isEmpty else { return }
            let o = log.objective
            var index: [String: Int] = [:]
            for (i, r) in log.runs.enumerated() { if let id = r.id, index[id] == nil { index[id] = i } }
            for p in rawProgress {
                guard let started = pendingLine[p.id], let i = index[p.id], started < p.line else {
                    try report(p.line, "progress for '\(p.id)', which has no pending record before this line; ignored")
                    continue
                }
                if let end = resultLine[p.id], end < p.line {
                    try report(p.line, "progress for '\(p.id)' after its result (line \(end)); ignored")
                    continue
                }
                guard let step = p.fields["step"]?.doubleValue, step.isFinite, step >= 0 else {
                    try report(p.line, "a progress record needs a 'step': a non-negative number")
                    continue
                }
                guard let score = p.fields[o.scoreKey]?.doubleValue, score.isFinite else {
                    try report(p.line, "a progress record needs '\(o.scoreKey)': a finite number")
                    continue
                }
                guard let cost = p.fields[o.costKey]?.doubleValue, cost.isFinite, cost > 0 else {
                    try report(p.line, "a progress record needs '\(o.costKey)': a positive finite number (the cost so far)")
                    continue
                }
                if let last = log.runs[i].progress.last {
                    guard step > last.step else {
                        try report(p.line, "step \(JSONWriter.format(step)) of '\(p.id)' does not follow step \(JSONWriter.format(last.step)) (line \(last.line)); ignored")
                        continue
                    }
                    guard cost >= last.cost else {
                        try report(p.line, "'\(o.costKey)' of '\(p.id)' fell from \(JSONWriter.format(last.cost)) to \(JSONWriter.format(cost)): a progress record holds the cumulative cost; ignored")
                        continue
                    }
                }
                log.runs[i].progress.append(Checkpoint(step: step, score: score, cost: cost, line: p.line,
                                                       advice: p.fields["advice"]?.stringValue))
            }
        }
    }
}

extension SweepLog {
    /// Diagnostics for runs whose parameters do not fit the space (used by `carbs-space check`).
    public func parameterProblems(file: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for r in runs {
            for m in space.problems(with: r.params) { out.append(Diagnostic(file: file, line: r.line, message: m)) }
        }
        return out
    }

    /// The first run at which the cumulative cost of the finished runs overflows a double (each cost is finite,
    /// their sum is not): every cost is then kept, but a cumulative-cost view (`carbs-plot history --x cost`, the
    /// summary's total cost) cannot show it faithfully. Reported by `carbs-space check`.
    public func cumulativeCostProblem(file: String) -> Diagnostic? {
        var total = 0.0
        for r in runs where r.status != .pending {
            guard let c = r.cost else { continue }
            total += c
            if !total.isFinite {
                return Diagnostic(file: file, line: r.line, message: "the cumulative cost overflows a double here (the costs add up to more than 1.8e308); the tools clamp it")
            }
        }
        return nil
    }
}

extension SweepLog {
    /// Drops pending runs whose `time` field is more than `timeout` seconds before `now` (their agent died) and
    /// returns them; pending runs without a time are kept.
    @discardableResult
    public mutating func dropStalePending(olderThan timeout: Double?, now: Double) -> [Run] {
        guard let timeout else { return [] }
        var stale: [Run] = []
        runs.removeAll { r in
            guard r.status == .pending, let t = r.fields["time"]?.doubleValue, now - t > timeout else { return false }
            stale.append(r)
            return true
        }
        return stale
    }

    /// Stale or requested pending runs that no run retries yet (no record has `"retry_of"` naming them).
    public func unretried(_ candidates: [Run]) -> [Run] {
        let retried = Set(runs.compactMap { $0.fields["retry_of"]?.stringValue })
        return candidates.filter { r in r.id.map { !retried.contains($0) } ?? false }
    }
}
