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

/// Buffered standard output and unbuffered diagnostics on standard error.
public enum Output {
    nonisolated(unsafe) private static var buffer: [UInt8] = []

    /// Set when standard output was closed when the tool started (`>&-`): descriptor 1 then points at /dev/null
    /// so that no file opened later can take it, and the first write is an error instead of lost output.
    nonisolated(unsafe) static var closedAtStart = false

    /// Fails (exit 74) when standard output cannot take the records about to be printed, so that a tool whose
    /// output is its result (the pending records of `carbs-suggest --log`) finds out before it changes a log.
    public static func ensureWritable() throws(CARBSError) {
        if closedAtStart { throw CARBSError.io("<stdout>: standard output is closed") }
    }

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
        guard failure == nil, !buffer.isEmpty else { return }
        if closedAtStart {
            failure = EBADF
            return
        }
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

    /// Lines `warnOnce` has printed.
    nonisolated(unsafe) private static var warned: Set<String> = []

    /// `warn`, but each distinct line only once per process: a log read several times (the optimistic attempts of
    /// `carbs-suggest --log`) reports each of its problems once.
    public static func warnOnce(_ s: String) {
        guard warned.insert(s).inserted else { return }
        warn(s)
    }

    /// A diagnostic line on standard error; control characters from the input (an ESC in a parameter name, a
    /// newline in an id) show as `?`, so a message stays one line and cannot drive the terminal.
    public static func warn(_ s: String) {
        let text = TerminalText.visible(s) + "\n"
        _ = text.utf8CString.withUnsafeBufferPointer { p in Glibc.write(2, p.baseAddress, p.count - 1) }
    }

    /// Whether standard output is a terminal (for colour).
    public static var isTerminal: Bool { isatty(1) != 0 }
}
