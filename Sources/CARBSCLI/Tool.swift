#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ArgumentParser
import CARBSCore

/// Runs a tool's body, mapping errors to sysexits-style exit codes with one `FILE:LINE: message` line on stderr.
/// Standard output is flushed on every path, before any error is printed.
public enum Tool {
    public static func run(_ name: String, _ body: () throws -> Void) throws {
        signal(SIGPIPE, SIG_IGN)
        var thrown: (any Error)?
        do {
            try body()
        } catch {
            thrown = error
        }
        Output.flush()
        if let code = Output.failure {
            // A closed pipe (e.g. `| head`) is not an error worth a message: the reader has what it wanted.
            if code == EPIPE { throw ExitCode.success }
            Output.warn("\(name): <stdout>: write failed: \(String(cString: strerror(code)))")
            throw ExitCode(ExitStatus.ioError.rawValue)
        }
        guard let thrown else { return }
        if let e = thrown as? CARBSError {
            switch e {
            case .usage(let m): Output.warn("\(name): \(m)")
            default: Output.warn(e.description)
            }
            throw ExitCode(e.exitStatus.rawValue)
        }
        throw thrown
    }
}
