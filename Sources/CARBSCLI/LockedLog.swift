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

/// A log file shared by many agents. Appends are made under an exclusive `flock`, each one `write` of whole lines,
/// so N agents get N distinct suggestions and every appended record is one whole line. Readers take the log's size
/// under a shared `flock` (which waits only while another process holds the exclusive lock: an append, a last-resort
/// locked attempt, or a user's own `flock`) and read that many bytes without any lock:
/// the log only grows, and a failed append is cut back before its writer lets go of the exclusive lock, so the
/// bytes below a size taken while no append was in progress never change. Reached through
/// `LogSource.appendComputed`.
public struct LockedLog {
    public let path: String
    let fd: Int32

    /// Opens `path` for appending (a missing file is `CARBSError.noInput`, anything else `CARBSError.io`).
    static func openForAppend(_ path: String) throws(CARBSError) -> Int32 {
        let fd = open(path, O_RDWR | O_APPEND)
        if fd < 0 {
            let reason = String(cString: strerror(errno))
            throw errno == ENOENT ? CARBSError.noInput("\(path): \(reason)") : CARBSError.io("\(path): \(reason)")
        }
        return fd
    }

    /// Takes the lock `operation` (LOCK_EX or LOCK_SH) of `fd`, retrying on EINTR.
    static func lock(_ fd: Int32, _ operation: Int32, path: String) throws(CARBSError) {
        while flock(fd, operation) != 0 {
            if errno == EINTR { continue }
            throw CARBSError.io("\(path): cannot lock: \(String(cString: strerror(errno)))")
        }
    }

    /// Opens `path` and takes the lock `operation` of the file the path names once the lock is granted: a file
    /// renamed over the path while this process waited (another agent replaced the log) is let go and the new
    /// one opened and locked instead, so a lock is never held on a file the path no longer names.
    static func openLocked(_ path: String, _ operation: Int32) throws(CARBSError) -> Int32 {
        for _ in 0..<64 {
            let fd = try openForAppend(path)
            do throws(CARBSError) {
                try lock(fd, operation, path: path)
            } catch {
                close(fd)
                throw error
            }
            var opened = stat(), named = stat()
            if fstat(fd, &opened) == 0, stat(path, &named) == 0,
               opened.st_dev == named.st_dev, opened.st_ino == named.st_ino {
                return fd
            }
            _ = flock(fd, LOCK_UN)
            close(fd)
        }
        throw CARBSError.io("\(path): the file kept being replaced while waiting for its lock")
    }

    /// Opens `path`, takes an exclusive lock, runs `body`, releases the lock.
    static func withExclusiveLock<T>(_ path: String, _ body: (LockedLog) throws(CARBSError) -> T) throws(CARBSError) -> T {
        let fd = try openLocked(path, LOCK_EX)
        defer { close(fd) }
        defer { _ = flock(fd, LOCK_UN) }
        return try body(LockedLog(path: path, fd: fd))
    }

    /// Opens `path` and takes its stamp under a shared lock, held only for one `fstat` (it waits while another
    /// process holds the exclusive lock); then runs `body` without
    /// any lock, with the file and the stamp. The stamp's size is a moment at which no append was in progress
    /// (appends hold the exclusive lock), so the file's first `stamp.size` bytes are whole appends and stay as
    /// they are; `body` reads them through `withReadDescriptor` and `SweepLog.read(…, limit: stamp.size)`. A file
    /// that ends there without a newline ends in a dead writer's fragment, read as such (as under the exclusive
    /// lock); bytes past the stamp (an append that began after it) are left to the check under the exclusive lock.
    static func withStamp<T>(_ path: String, _ body: (LockedLog, Stamp) throws(CARBSError) -> T) throws(CARBSError) -> T {
        let fd = try openLocked(path, LOCK_SH)
        defer { close(fd) }
        let handle = LockedLog(path: path, fd: fd)
        let stamp: Stamp
        do throws(CARBSError) {
            stamp = try handle.stamp()
        } catch {
            _ = flock(fd, LOCK_UN)
            throw error
        }
        _ = flock(fd, LOCK_UN)
        return try body(handle, stamp)
    }

    /// What identifies the file's content for an append-only log: its inode, its size and its modification time
    /// (so that a replacement that got a freed inode number back and has the same size still differs). Two equal
    /// stamps taken under a lock (shared or exclusive) mean nothing was appended in between; a larger size on the
    /// same inode means whole appends were added after the first `size` bytes, which are unchanged.
    struct Stamp: Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modified: Int64
        var modifiedNanoseconds: Int64
    }

    func stamp() throws(CARBSError) -> Stamp {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw CARBSError.io("\(path): \(String(cString: strerror(errno)))") }
        return Stamp(device: UInt64(st.st_dev), inode: UInt64(st.st_ino), size: Int64(st.st_size),
                     modified: Int64(st.st_mtim.tv_sec), modifiedNanoseconds: Int64(st.st_mtim.tv_nsec))
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

    /// Runs `body` with a descriptor reading the file from its start: under the exclusive lock the whole file;
    /// after `withStamp`, `body` must read no more than the stamp's size (`SweepLog.read(…, limit:)`).
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
    /// before the append, so it holds either all of the new lines or none of them. The fsync stays under the lock
    /// (it is most of the time the lock is held): once the lock is let go, other agents take stamps that include
    /// the new lines and append after them, so a failed fsync could no longer be undone by cutting the file back.
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
