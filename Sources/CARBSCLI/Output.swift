#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CARBSCore

/// Buffered standard output and unbuffered diagnostics on standard error.
public enum Output {
    nonisolated(unsafe) private static var buffer: [UInt8] = []

    /// Appends one line to standard output (flushed at 64 KiB and at exit by `Tool.run`).
    public static func line(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        buffer.append(10)
        if buffer.count >= 1 << 16 { flush() }
    }

    public static func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Why standard output stopped taking bytes, once it has: a closed pipe (`| head`), or another write error.
    /// Later output is dropped; `Tool.run` turns this into the exit status (0 for a closed pipe, 74 otherwise).
    nonisolated(unsafe) public private(set) static var failure: Int32?

    /// Writes out what is buffered. Never exits: a failed write is remembered in `failure`.
    public static func flush() {
        defer { buffer.removeAll(keepingCapacity: true) }
        guard failure == nil else { return }
        var offset = 0
        while offset < buffer.count {
            let n = buffer[offset...].withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                failure = errno
                return
            }
            offset += n
        }
    }

    /// A diagnostic line on standard error.
    public static func warn(_ s: String) {
        let text = s + "\n"
        _ = text.utf8CString.withUnsafeBufferPointer { p in Glibc.write(2, p.baseAddress, p.count - 1) }
    }

    /// Whether standard output is a terminal (for colour).
    public static var isTerminal: Bool { isatty(1) != 0 }
}
