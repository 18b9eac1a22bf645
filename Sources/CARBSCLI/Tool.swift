#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ArgumentParser
import CARBSCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a tool's body, mapping errors to sysexits-style exit codes with one `FILE:LINE: message` line on stderr.
/// Standard output is flushed on every path, before any error is printed.
public enum Tool {
    public static func run(_ name: String, _ body: () throws -> Void) throws {
        signal(SIGPIPE, SIG_IGN)
        // A file-size limit (ulimit -f) must be a failed write that can be undone, not a killed process.
        signal(SIGXFSZ, SIG_IGN)
        openStandardDescriptors()
        keepFreedMemory()
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

    /// A tool lives for one suggestion or one fit, allocating and freeing the same few n×n and n×candidates
    /// matrices many times. glibc hands blocks over its mmap threshold (128 KiB at first) to `mmap` and gives them
    /// back on `free`, so a fresh matrix page-faults its memory in again. Serving blocks up to 32 MiB (mallopt(3)'s
    /// documented maximum on 64-bit) from the heap, and not trimming it, keeps that memory mapped until exit; the
    /// freed blocks are reused, so the peak footprint stays the same. The trim threshold is set only when the mmap
    /// threshold was accepted (setting it alone would turn off glibc's own dynamic threshold).
    static func keepFreedMemory() {
        #if canImport(Glibc)
        // mallopt is declared in <malloc.h>, which the Glibc module does not include; M_TRIM_THRESHOLD = -1 and
        // M_MMAP_THRESHOLD = -3 there. Looked up at run time so a libc without it is simply left as it is.
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
        if mallopt(-3, 32 << 20) == 1 { _ = mallopt(-1, 256 << 20) }
        #endif
    }

    /// Makes sure descriptors 0, 1 and 2 are open (on /dev/null if the caller closed them), before any file is
    /// opened: otherwise a log opened while standard error is closed becomes descriptor 2, and warnings are
    /// written into the log.
    static func openStandardDescriptors() {
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            let opened = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY)
            if opened >= 0, opened != fd {
                _ = dup2(opened, fd)
                close(opened)
            }
            if fd == 1 { Output.closedAtStart = true }
        }
    }
}
