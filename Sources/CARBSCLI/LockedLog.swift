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

/// A log file shared by many agents: an exclusive `flock` is held while it is read and appended to, so N agents
/// get N distinct suggestions and every appended record is one whole line. Reached through `LogSource.withLock`.
public struct LockedLog {
    public let path: String
    let fd: Int32

    /// Opens `path`, takes an exclusive lock, runs `body`, releases the lock.
    static func withExclusiveLock<T>(_ path: String, _ body: (LockedLog) throws(CARBSError) -> T) throws(CARBSError) -> T {
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

    /// What identifies the file's content for an append-only log: its inode and its size. Two equal stamps taken
    /// under the lock mean nothing was appended in between.
    struct Stamp: Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
    }

    func stamp() throws(CARBSError) -> Stamp {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw CARBSError.io("\(path): \(String(cString: strerror(errno)))") }
        return Stamp(device: UInt64(st.st_dev), inode: UInt64(st.st_ino), size: Int64(st.st_size))
    }

    /// The bytes from `offset` to the end of the file (under the lock: what others appended since a read).
    func read(from offset: Int64) throws(CARBSError) -> [UInt8] {
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var at = offset
        while true {
            let n = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 1 << 16, off_t(at)) }
            if n > 0 {
                out.append(contentsOf: chunk[0..<n])
                at += Int64(n)
                continue
            }
            if n == 0 { return out }
            if errno == EINTR { continue }
            throw CARBSError.io("\(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Runs `body` with a descriptor reading the whole file from its start (under the lock).
    func withReadDescriptor<T>(_ body: (Int32) throws(CARBSError) -> T) throws(CARBSError) -> T {
        let dupFD = dup(fd)
        guard dupFD >= 0 else { throw CARBSError.io("\(path): dup failed") }
        defer { close(dupFD) }
        lseek(dupFD, 0, SEEK_SET)
        return try body(dupFD)
    }

    /// Appends whole lines in one write. If the file does not end in a newline (a writer died mid-line), a newline
    /// is written first, so the torn fragment stays alone on its line and every new record is whole. A failed
    /// append (a full file system, a file-size limit, an I/O error) is undone: the file is cut back to its size
    /// before the append, so it holds either all of the new lines or none of them.
    public func append(_ lines: [String]) throws(CARBSError) {
        var text = lines.map { $0 + "\n" }.joined()
        let size = lseek(fd, 0, SEEK_END)
        if size > 0 {
            var last: UInt8 = 0
            if pread(fd, &last, 1, size - 1) == 1, last != 10 { text = "\n" + text }
        }
        do throws(CARBSError) {
            try Files.writeAll(fd, Array(text.utf8), path: path)
            if fsync(fd) != 0, errno != EINVAL {
                throw CARBSError.io("\(path): fsync failed: \(String(cString: strerror(errno)))")
            }
        } catch {
            if size >= 0 { _ = ftruncate(fd, size) }
            _ = fsync(fd)
            throw error
        }
    }
}
