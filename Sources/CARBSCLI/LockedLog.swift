#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A log file shared by many agents: an exclusive `flock` is held while it is read and appended to, so N agents
/// get N distinct suggestions and every appended record is one whole line.
public struct LockedLog {
    public let path: String
    let fd: Int32

    /// Opens `path`, takes an exclusive lock, runs `body`, releases the lock.
    public static func withExclusiveLock<T>(_ path: String, _ body: (LockedLog) throws(CARBSError) -> T) throws(CARBSError) -> T {
        let fd = open(path, O_RDWR | O_APPEND)
        if fd < 0 {
            let reason = String(cString: strerror(errno))
            throw errno == ENOENT ? CARBSError.noInput("\(path): \(reason)") : CARBSError.io("\(path): \(reason)")
        }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            throw CARBSError.io("\(path): cannot lock: \(String(cString: strerror(errno)))")
        }
        defer { _ = flock(fd, LOCK_UN) }
        return try body(LockedLog(path: path, fd: fd))
    }

    /// Reads the whole log from the start (under the lock) and prints diagnostics.
    public func read(common: CommonOptions, requireSpace: Bool = true) throws(CARBSError) -> SweepLog {
        let spaceOverride: Space? = try common.space.map { p throws(CARBSError) in try SpaceFile.load(p) }
        guard let dupFD = Optional(dup(fd)), dupFD >= 0 else { throw CARBSError.io("\(path): dup failed") }
        defer { close(dupFD) }
        lseek(dupFD, 0, SEEK_SET)
        let log = try SweepLog.read(fileDescriptor: dupFD, options: SweepLog.Options(
            file: path, strict: common.strict, objective: common.objectiveOverrides, space: spaceOverride))
        for d in log.diagnostics { Output.warn(d.description) }
        if requireSpace, log.space.isEmpty {
            throw CARBSError.data(Diagnostic(file: path, line: nil, message: "no parameters declared"))
        }
        return log
    }

    /// Appends whole lines in one write. If the file does not end in a newline (a writer died mid-line), a newline
    /// is written first, so the torn fragment stays alone on its line and every new record is whole.
    public func append(_ lines: [String]) throws(CARBSError) {
        var text = lines.map { $0 + "\n" }.joined()
        let size = lseek(fd, 0, SEEK_END)
        if size > 0 {
            var last: UInt8 = 0
            if pread(fd, &last, 1, size - 1) == 1, last != 10 { text = "\n" + text }
        }
        try Files.writeAll(fd, Array(text.utf8), path: path)
        if fsync(fd) != 0, errno != EINVAL { throw CARBSError.io("\(path): fsync failed: \(String(cString: strerror(errno)))") }
    }
}

/// Model records printed by `carbs-fit`, read back for `carbs-suggest --model`.
public struct ModelFile {
    public var score: GPHyperparameters?
    public var cost: GPHyperparameters?

    public static func load(_ path: String) throws(CARBSError) -> ModelFile {
        let text = try Input.readText(path)
        var out = ModelFile()
        let decoder = JSONDecoder()
        for (i, line) in text.split(separator: "\n").enumerated() where !line.allSatisfy(\.isWhitespace) {
            struct Record: Decodable {
                var model: String
                var hyperparameters: GPHyperparameters
            }
            guard let r = try? decoder.decode(Record.self, from: Data(line.utf8)) else {
                throw CARBSError.data(Diagnostic(file: path, line: i + 1, message: "not a carbs-fit model record"))
            }
            switch r.model {
            case "score": out.score = r.hyperparameters
            case "cost": out.cost = r.hyperparameters
            default: break
            }
        }
        if out.score == nil && out.cost == nil {
            throw CARBSError.data(Diagnostic(file: path, line: nil, message: "no score or cost model record"))
        }
        return out
    }
}
