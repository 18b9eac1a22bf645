#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

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

    public static func flush() {
        var offset = 0
        while offset < buffer.count {
            let n = buffer[offset...].withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                buffer.removeAll()
                // A closed pipe (e.g. `| head`) is not an error worth a message.
                if errno == EPIPE { exit(0) }
                exit(ExitStatus.ioError.rawValue)
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// A diagnostic line on standard error.
    public static func warn(_ s: String) {
        let text = s + "\n"
        _ = text.utf8CString.withUnsafeBufferPointer { p in Glibc.write(2, p.baseAddress, p.count - 1) }
    }

    /// Whether standard output is a terminal (for colour).
    public static var isTerminal: Bool { isatty(1) != 0 }
}

/// Runs a tool's body, mapping errors to sysexits-style exit codes with one `FILE:LINE: message` line on stderr.
public enum Tool {
    public static func run(_ name: String, _ body: () throws -> Void) throws {
        signal(SIGPIPE, SIG_IGN)
        do {
            try body()
            Output.flush()
        } catch let e as CARBSError {
            Output.flush()
            switch e {
            case .usage(let m): Output.warn("\(name): \(m)")
            default: Output.warn(e.description)
            }
            throw ExitCode(e.exitStatus.rawValue)
        }
    }
}
