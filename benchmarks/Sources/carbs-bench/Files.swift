import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Small file helpers: whole-file reads and writes, directory creation, and single-write line appends (so that two
/// shards appending to the same summary file never interleave within a line).
enum Files {
    static func makeDirectory(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func read(_ path: String) -> String? {
        guard let d = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: d, as: UTF8.self)
    }

    /// Writes through a temporary file and a rename, so readers never see half a file.
    static func writeFile(_ text: String, to path: String) throws {
        try makeDirectory(parent(path))
        let tmp = path + ".tmp"
        try Data(text.utf8).write(to: URL(fileURLWithPath: tmp))
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        try FileManager.default.moveItem(atPath: tmp, toPath: path)
    }

    /// Appends one line with a single `write` on an `O_APPEND` descriptor.
    static func appendLine(_ line: String, to path: String) throws {
        try makeDirectory(parent(path))
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        guard fd >= 0 else { throw BenchError.message("cannot open \(path) for appending") }
        defer { close(fd) }
        let bytes = Array((line + "\n").utf8)
        let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        guard n == bytes.count else { throw BenchError.message("short write to \(path)") }
    }
}
