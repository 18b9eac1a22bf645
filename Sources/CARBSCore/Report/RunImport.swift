/// Past runs from a table (`carbs-space import`): one result record per row, to append after the declarations.
///
/// Columns: one per declared parameter, named as the parameter or with a prefix (`--prefix`; without it, a
/// parameter without its own column is looked for as `params_NAME`, Optuna's); a `fixed` parameter may have no
/// column (its value is taken). The score column (default: the objective's score key) and the cost column
/// (default: the cost key; optional: without one the runs have no cost, which the tools count as 1). A state
/// column (`--state-column`, default `state` or `status` when there is one): COMPLETE/finished/success → a
/// success, FAIL/failed/crashed/killed → a failed run, RUNNING/PRUNED/WAITING/pending → not a finished run (left
/// out, counted in a note). Other columns are ignored.
///
/// A row is bad (reported `FILE:LINE: message` and left out) when it has the wrong number of fields, a parameter
/// value that is missing, not a number, outside its bounds, off its step or not among its choices, a missing or
/// non-finite score, or a cost that is not positive. Ids come from `--id-column`, or are a hash of the row's
/// fields (and of how many identical rows came before it), so the same table always gives the same ids, and rows
/// whose id is already in the log are left out: importing a table twice adds nothing.
public enum RunImport {
    public struct Options: Sendable {
        public var scoreColumn: String?
        public var costColumn: String?
        public var stateColumn: String?
        public var idColumn: String?
        public var prefix: String?
        public init(scoreColumn: String? = nil, costColumn: String? = nil, stateColumn: String? = nil,
                    idColumn: String? = nil, prefix: String? = nil) {
            self.scoreColumn = scoreColumn
            self.costColumn = costColumn
            self.stateColumn = stateColumn
            self.idColumn = idColumn
            self.prefix = prefix
        }
    }

    public struct Outcome: Sendable {
        /// The result records, in table order.
        public var records: [String] = []
        /// Bad rows, in table order.
        public var problems: [Diagnostic] = []
        /// Remarks on the whole table (rows left out that are not errors, a missing cost column).
        public var notes: [String] = []
    }

    /// What a state column's value means.
    enum State { case success, failed, unfinished }

    static func state(_ s: String) -> State? {
        switch s.lowercased() {
        case "", "complete", "completed", "finished", "success", "succeeded", "ok", "done": return .success
        case "fail", "failed", "failure", "crashed", "error", "killed": return .failed
        case "running", "pruned", "waiting", "pending", "queued": return .unfinished
        default: return nil
        }
    }

    public static func convert(_ table: DelimitedTable, file: String, log: SweepLog, options: Options = Options()) throws(CARBSError) -> Outcome {
        var out = Outcome()
        let header = table.header
        func fail(_ message: String) -> CARBSError { CARBSError.data(Diagnostic(file: file, line: table.headerLine, message: message)) }
        var index: [String: Int] = [:]
        for (i, h) in header.enumerated() where index[h] == nil { index[h] = i }
        for (i, h) in header.enumerated() where index[h] != i {
            throw fail("column '\(h)' appears twice (columns \(index[h].map { $0 + 1 } ?? 0) and \(i + 1))")
        }
        let objective = log.objective

        // Where each parameter is.
        var columns: [(Parameter, Int?)] = []
        for p in log.space.parameters {
            let names = options.prefix.map { [$0 + p.name] } ?? [p.name, "params_" + p.name]
            if let c = names.lazy.compactMap({ index[$0] }).first {
                columns.append((p, c))
            } else if p.type == .fixed {
                columns.append((p, nil))
            } else {
                throw fail("no column for parameter '\(p.name)' (looked for \(names.map { "'\($0)'" }.joined(separator: ", ")))")
            }
        }
        let scoreName = options.scoreColumn ?? objective.scoreKey
        let costName = options.costColumn ?? objective.costKey
        guard let scoreColumn = index[scoreName] else {
            throw fail("no score column '\(scoreName)' (name it with --score-column COL, e.g. --score-column value for Optuna)")
        }
        let costColumn = index[costName]
        if costColumn == nil {
            if options.costColumn != nil { throw fail("no cost column '\(costName)'") }
            out.notes.append("no cost column '\(costName)': runs are recorded without a cost (the tools count 1 each)")
        }
        var stateColumn: Int?
        if let s = options.stateColumn {
            guard let c = index[s] else { throw fail("no state column '\(s)'") }
            stateColumn = c
        } else {
            stateColumn = index["state"] ?? index["status"]
        }
        var idColumn: Int?
        if let s = options.idColumn {
            guard let c = index[s] else { throw fail("no id column '\(s)'") }
            idColumn = c
        }
        for p in table.problems { out.problems.append(Diagnostic(file: file, line: p.line, message: p.message)) }

        let logIDs = Set(log.runs.compactMap(\.id))
        var seenIDs: [String: Int] = [:]       // id → line, of this table
        var occurrences: [[String]: Int] = [:]
        var unfinished: [String: Int] = [:]
        var alreadyThere = 0
        rows: for row in table.rows {
            func bad(_ message: String) { out.problems.append(Diagnostic(file: file, line: row.line, message: message + "; row skipped")) }
            let fields = row.fields
            guard fields.count == header.count else {
                bad("\(fields.count) field\(fields.count == 1 ? "" : "s"), the header has \(header.count)")
                continue
            }
            let occurrence = occurrences[fields, default: 0]
            occurrences[fields] = occurrence + 1
            var failed = false
            if let c = stateColumn {
                let raw = Interop.trim(fields[c])
                switch state(raw) {
                case .success?: failed = false
                case .failed?: failed = true
                case .unfinished?:
                    unfinished[raw, default: 0] += 1
                    continue rows
                case nil:
                    bad("unknown state '\(raw)' (expected COMPLETE/finished, FAIL/failed/crashed, or RUNNING/PRUNED to leave a row out)")
                    continue rows
                }
            }
            var params: [(String, JSONValue)] = []
            for (p, c) in columns {
                guard let c else {
                    params.append((p.name, p.value))
                    continue
                }
                let cell = Interop.trim(fields[c])
                switch value(cell, for: p) {
                case .success(let v): params.append((p.name, v))
                case .failure(let e):
                    bad(e.message)
                    continue rows
                }
            }
            var record: [String: JSONValue] = ["kind": "imported"]
            let scoreCell = Interop.trim(fields[scoreColumn])
            if !failed {
                guard !scoreCell.isEmpty else {
                    bad("no score ('\(scoreName)' is empty)")
                    continue
                }
                guard let s = Double(scoreCell), s.isFinite else {
                    bad("score '\(scoreName)' = '\(short(scoreCell))' is not a finite number")
                    continue
                }
                record[objective.scoreKey] = .number(s)
            }
            if let c = costColumn {
                let cell = Interop.trim(fields[c])
                if !cell.isEmpty {
                    guard let d = Double(cell), d.isFinite, d > 0 || (failed && d == 0) else {
                        bad("cost '\(costName)' = '\(short(cell))' is not a positive number")
                        continue
                    }
                    record[objective.costKey] = .number(d)
                }
            }
            let id: String
            if let c = idColumn {
                id = Interop.trim(fields[c])
                guard !id.isEmpty else {
                    bad("no id (column '\(header[c])' is empty)")
                    continue
                }
            } else {
                id = hashID(fields, occurrence: occurrence)
            }
            if logIDs.contains(id) {
                alreadyThere += 1
                continue
            }
            if let first = seenIDs[id] {
                bad("id '\(short(id))' is already the id of line \(first)")
                continue
            }
            seenIDs[id] = row.line
            out.records.append(Records.result(id: id, failed: failed, params: params, fields: record))
        }
        // By line: an unclosed quote (found while reading the table) among the rows before it.
        out.problems = out.problems.enumerated()
            .sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }.map(\.element)
        for (s, n) in unfinished.sorted(by: { $0.key < $1.key }) {
            out.notes.append("\(n) row\(n == 1 ? "" : "s") in state '\(s)' left out (not finished runs)")
        }
        if alreadyThere > 0 {
            out.notes.append("\(alreadyThere) row\(alreadyThere == 1 ? " is" : "s are") already in the log (same id); left out")
        }
        return out
    }

    /// A cell read as a value of `p`: numbers for numeric spaces, one of the values (by its text) for choices.
    static func value(_ cell: String, for p: Parameter) -> Result<JSONValue, SpaceError> {
        guard !cell.isEmpty else { return .failure(SpaceError("no value for parameter '\(p.name)'")) }
        switch p.type {
        case .linear, .log, .logit:
            guard let d = Double(cell) else {
                return .failure(SpaceError("parameter '\(p.name)' = '\(short(cell))' is not a number"))
            }
            let v = JSONValue.number(d)
            if let problem = p.problem(with: v) { return .failure(SpaceError(problem)) }
            return .success(v)
        case .choice:
            guard let v = match(cell, p.values) else {
                return .failure(SpaceError("parameter '\(p.name)' = '\(short(cell))' is not one of its values \(Interop.describe(.array(p.values)))"))
            }
            return .success(v)
        case .fixed:
            guard let v = match(cell, [p.value]) else {
                return .failure(SpaceError("parameter '\(p.name)' = '\(short(cell))' differs from its fixed value \(Interop.describe(p.value))"))
            }
            return .success(v)
        }
    }

    /// The value among `values` that a cell spells: a string exactly, else a number, a boolean (`true`, Python's
    /// `True`) or null (`null`, `None`), else an array or object by its JSON text.
    static func match(_ cell: String, _ values: [JSONValue]) -> JSONValue? {
        if let v = values.first(where: { $0.stringValue == cell }) { return v }
        let number = Double(cell)
        for v in values {
            switch v {
            case .number(let d): if number == d { return v }
            case .bool(let b): if cell.lowercased() == (b ? "true" : "false") { return v }
            case .null: if cell == "null" || cell == "None" { return v }
            case .array, .object: if cell == v.json { return v }
            case .string: break
            }
        }
        return nil
    }

    /// A deterministic id for a row: its fields, and how many identical rows came before it.
    static func hashID(_ fields: [String], occurrence: Int) -> String {
        var h = StableHasher()
        h.combine("carbs-space import")
        for f in fields {
            h.combine(UInt64(f.utf8.count))
            h.combine(f)
        }
        h.combine(UInt64(occurrence))
        let hex = String(h.value, radix: 16)
        return String(repeating: "0", count: max(0, 16 - hex.count)) + hex
    }

    static func short(_ s: String) -> String { s.count > 40 ? String(s.prefix(37)) + "..." : s }
}
