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

/// Opening, reading and writing whole files for the tools. A path of nil or "-" means standard input.
public enum Files {
    /// The name a path has in messages: the path, or `<stdin>` for nil and "-".
    public static func displayName(_ path: String?) -> String {
        guard let path, path != "-" else { return "<stdin>" }
        return path
    }

    /// Opens a file for reading (nil or "-" = standard input, descriptor 0). A missing, unreadable or directory
    /// path is `CARBSError.noInput` (exit 66); anything else `CARBSError.io` (exit 74).
    public static func open(_ path: String?) throws(CARBSError) -> Int32 {
        guard let path, path != "-" else { return 0 }
        let fd = Glibc.open(path, O_RDONLY)
        if fd < 0 {
            let reason = String(cString: strerror(errno))
            if errno == ENOENT || errno == EACCES || errno == EISDIR {
                throw CARBSError.noInput("\(path): \(reason)")
            }
            throw CARBSError.io("\(path): \(reason)")
        }
        var st = stat()
        if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw CARBSError.noInput("\(path): is a directory")
        }
        return fd
    }

    /// The largest option file (`--space`, `--model`, `--predict`, `declare --file`) read: 64 MiB. A larger or
    /// endless input (`/dev/zero`) is a data error rather than a machine out of memory.
    public static let maxOptionFileBytes = 64 << 20

    /// Reads a whole option file as text, at most `maxOptionFileBytes`.
    public static func readText(_ path: String?) throws(CARBSError) -> String {
        let fd = try open(path)
        defer { if fd != 0 { close(fd) } }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, 1 << 16) }
            if n > 0 {
                guard bytes.count + n <= maxOptionFileBytes else {
                    throw CARBSError.data(Diagnostic(file: displayName(path), line: nil,
                        message: "larger than \(maxOptionFileBytes >> 20) MiB; not an option file"))
                }
                bytes.append(contentsOf: chunk[0..<n])
                continue
            }
            if n == 0 { break }
            if errno == EINTR { continue }
            throw CARBSError.io("\(path ?? "<stdin>"): \(String(cString: strerror(errno)))")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes an output file (`--svg FILE`) whole or not at all: into a new file beside it, then renamed over it.
    /// A symlink at `path` is replaced by the file (its target is left alone), a reader never sees half a file,
    /// and a path that is one of `inputs` (the same file, through any name or link) is refused before anything
    /// is written, so `--svg LOG LOG` cannot replace the log.
    public static func replace(_ path: String, with text: String, inputs: [String?]) throws(CARBSError) {
        var target = stat()
        if stat(path, &target) == 0 {
            for case let input? in inputs where input != "-" {
                var st = stat()
                if stat(input, &st) == 0, st.st_dev == target.st_dev, st.st_ino == target.st_ino {
                    throw CARBSError.usage("\(path) is the input \(input): give the output another name")
                }
            }
        }
        let temporary = path + ".tmp-\(getpid())"
        let fd = Glibc.open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw CARBSError.io("\(path): \(String(cString: strerror(errno)))") }
        do {
            try writeAll(fd, Array(text.utf8), path: path)
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        close(fd)
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw CARBSError.io("\(path): \(reason)")
        }
    }

    /// Writes every byte (a single write may be partial), retrying on EINTR.
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(CARBSError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw CARBSError.io("\(path): write failed: \(String(cString: strerror(errno)))")
            }
            offset += n
        }
    }
}
