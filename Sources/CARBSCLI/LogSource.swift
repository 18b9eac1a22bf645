#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CARBSCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a tool's log comes from — a path, standard input, or a file shared by many agents and appended to under
/// a lock — with everything that goes with reading it: the name it has in messages, `--space`, the
/// objective overrides, whether a space is required, and one `Diagnostics` collector that decides, under
/// `--strict`, whether a problem is a warning or the end of the run.
public struct LogSource {
    /// The path as given (nil or "-" for standard input).
    public let path: String?
    public let common: CommonOptions

    public init(path: String?, common: CommonOptions) {
        self.path = path
        self.common = common
    }

    /// The log's name in `FILE:LINE:` messages: its path, or `<stdin>`.
    public var name: String { Files.displayName(path) }

    /// The collector every problem of this log goes through.
    public var diagnostics: Diagnostics { Diagnostics(file: name, strict: common.strict) }

    /// A data error (exit 65) about the whole log.
    public func error(_ message: String) -> CARBSError {
        CARBSError.data(Diagnostic(file: name, line: nil, message: message))
    }

    /// Reads the whole log. Problems of single lines are reported (or, with `--strict`, the first one thrown);
    /// with `requireSpace`, a log without parameter declarations (and no `--space`) is a data error.
    public func read(requireSpace: Bool) throws(CARBSError) -> SweepLog {
        let fd = try Files.open(path)
        defer { if fd != 0 { close(fd) } }
        return try read(fileDescriptor: fd, requireSpace: requireSpace)
    }

    /// Reads the whole log leniently, whatever `--strict` says, and reports nothing: every problem is left in
    /// the log's `diagnostics` for the caller to list (`carbs-space check`).
    public func readCollectingProblems() throws(CARBSError) -> SweepLog {
        let fd = try Files.open(path)
        defer { if fd != 0 { close(fd) } }
        return try SweepLog.read(fileDescriptor: fd, options: try parseOptions(strict: false))
    }

    /// How `appendComputed` decides whether lines computed from an earlier read of the log may still be appended
    /// after other agents appended to it.
    public enum Recheck: Sendable {
        /// Unless one of the lines appended since has the id or the params of one of ours (suggestions: two agents
        /// that read the same log with the same seed compute the same suggestion; any other line leaves them
        /// valid).
        case sameIDOrParams
        /// Only if nothing was appended since: the lines are exactly those a read and an append under one lock
        /// would have made (results and checkpoints, whose checks and advice depend on the whole log).
        case nothingAppended
    }

    /// Optimistic read–compute–append on a shared log, so that many agents do not queue behind each other's
    /// reads and model fits. Each attempt takes the log's size under a shared lock held for one `fstat` (it
    /// waits only while another process holds the exclusive lock), reads and parses that many bytes without any lock, and runs
    /// `compute` without any lock; then it takes the exclusive lock and, holding it, only compares the size,
    /// reads the bytes appended since (usually none or a few lines), checks them (`recheck`) and appends the
    /// lines in one write (`LockedLog.append`, fsync included). If the check fails, or the file was replaced
    /// (another inode) or cut back, the log is read again (after a random pause of at most what the attempt
    /// took, so that agents that lost to one another do not all read the same log again) and the lines
    /// recomputed, up to `attempts` times; the last attempt reads and computes under the exclusive lock, so every
    /// call ends. Each bad line of the log is reported once, however often it is read; with `--strict` the first
    /// one ends the call before anything is appended. Returns `compute`'s value of the attempt that was appended.
    public func appendComputed<T>(requireSpace: Bool, attempts: Int = 8, recheck: Recheck = .sameIDOrParams,
                                  _ compute: (SweepLog) throws(CARBSError) -> (lines: [String], value: T)) throws(CARBSError) -> T {
        guard let path, path != "-" else { throw CARBSError.usage("--log needs a file, not standard input") }
        // Reads the log from its start: its first `limit` bytes, or (under the exclusive lock) all of it. Each
        // problem is printed once, however often the log is read (`Diagnostics` prints each distinct one once;
        // a new problem in a later read, or in a replaced file, is printed then).
        func readOnce(_ handle: LockedLog, limit: Int64?) throws(CARBSError) -> SweepLog {
            let log = try handle.withReadDescriptor { fd throws(CARBSError) in
                try SweepLog.read(fileDescriptor: fd, options: try parseOptions(strict: common.strict), limit: limit)
            }
            diagnostics.warn(log.diagnostics)
            if requireSpace, log.space.isEmpty { throw error(Self.noSpaceMessage) }
            return log
        }
        for _ in 1..<max(attempts, 1) {
            let started = ContinuousClock.now
            let (log, stamp) = try LockedLog.withStamp(path) { handle, stamp throws(CARBSError) in
                (try readOnce(handle, limit: stamp.size), stamp)
            }
            let computed = try compute(log)
            let took = ContinuousClock.now - started
            let appended = try LockedLog.withExclusiveLock(path) { handle throws(CARBSError) -> Bool in
                let now = try handle.stamp()
                if now != stamp {
                    guard recheck == .sameIDOrParams, now.device == stamp.device, now.inode == stamp.inode,
                          now.size > stamp.size else { return false }
                    if Self.conflict(computed.lines, with: try handle.read(from: stamp.size)) { return false }
                }
                try handle.append(computed.lines)
                return true
            }
            if appended { return computed.value }
            // Agents that read the same log compute the same lines and only one of them can append them: the
            // others wait a random part of what the attempt took before reading again, so that they do not all
            // read the same log again (the lines are computed from the log alone, so this changes no result).
            let micros = took.components.seconds * 1_000_000 + took.components.attoseconds / 1_000_000_000_000
            if micros > 0 { usleep(UInt32(clamping: Int64.random(in: 0...min(micros, 1_000_000)))) }
        }
        return try LockedLog.withExclusiveLock(path) { handle throws(CARBSError) in
            let computed = try compute(try readOnce(handle, limit: nil))
            try handle.append(computed.lines)
            return computed.value
        }
    }

    /// Whether any record among `added` (lines other agents appended) has the id or the params of one of `lines`.
    static func conflict(_ lines: [String], with added: [UInt8]) -> Bool {
        let decoder = JSONDecoder()
        func keys(_ line: some Sequence<UInt8>) -> (id: JSONValue?, params: JSONValue?)? {
            guard let o = try? decoder.decode([String: JSONValue].self, from: Data(line)) else { return nil }
            return (o["id"], o["params"])
        }
        let ours = lines.compactMap { keys(Array($0.utf8)) }
        let ids = Set(ours.compactMap(\.id)), params = Set(ours.compactMap(\.params))
        for line in added.split(separator: 10) {
            // A line that cannot be read (torn) cannot hold a conflicting id.
            guard let theirs = keys(line) else { continue }
            if let id = theirs.id, ids.contains(id) { return true }
            if let p = theirs.params, params.contains(p) { return true }
        }
        return false
    }

    /// The `--space FILE` override, if given.
    func spaceOverride() throws(CARBSError) -> Space? {
        guard let file = common.space else { return nil }
        return try SpaceFile.load(file)
    }

    func parseOptions(strict: Bool) throws(CARBSError) -> SweepLog.Options {
        SweepLog.Options(file: name, strict: strict, objective: common.objectiveOverrides, space: try spaceOverride())
    }

    func read(fileDescriptor fd: Int32, requireSpace: Bool) throws(CARBSError) -> SweepLog {
        let log = try SweepLog.read(fileDescriptor: fd, options: try parseOptions(strict: common.strict))
        diagnostics.warn(log.diagnostics)
        if requireSpace, log.space.isEmpty { throw error(Self.noSpaceMessage) }
        return log
    }

    /// What every tool says of a log without declarations.
    public static let noSpaceMessage = "no parameters declared (start the log with carbs-space, or give --space FILE)"
}

/// The one place that decides what a problem found in a log does: without `--strict` it is printed on standard
/// error as `FILE:LINE: message` and the run goes on; with `--strict` the first one ends the run (exit 65).
public struct Diagnostics {
    public let file: String
    public let strict: Bool

    public init(file: String, strict: Bool) {
        self.file = file
        self.strict = strict
    }

    /// A problem: a warning, or with `--strict` a data error.
    /// Each distinct problem is printed once per process, however often the log is read.
    public func report(_ d: Diagnostic) throws(CARBSError) {
        if strict { throw CARBSError.data(d) }
        Output.warnOnce(d.description)
    }

    /// A problem of line `line` (nil: of the whole file).
    public func report(line: Int?, _ message: String) throws(CARBSError) {
        try report(Diagnostic(file: file, line: line, message: message))
    }

    /// Problems the reader already let pass (it throws the first one itself under `--strict`): printed.
    public func warn(_ ds: [Diagnostic]) {
        for d in ds { Output.warnOnce(d.description) }
    }

    /// Runs the models cannot use (their parameter values do not fit the space), one problem each.
    public func reportUnusable(_ skipped: [(line: Int, reason: String)]) throws(CARBSError) {
        for s in skipped { try report(line: s.line, "\(s.reason); run not used") }
    }
}
