import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs one tool as a child process and measures it: wall time from spawn to reap, peak RSS from `wait4`'s rusage
/// (this child only), exit status, and optionally the BLAS/LAPACK libraries mapped into it (`/proc/PID/maps`).
struct ChildProcess {
    struct Result {
        var seconds: Double
        var maxRSSKiB: Int
        /// Exit code, or nil when killed by a signal.
        var exitCode: Int32?
        var timedOut: Bool
        /// Paths of mapped files whose name contains blas or lapack (empty if not sampled in time).
        var mappedLibraries: [String]
    }

    var path: String
    var arguments: [String]
    var environment: [String: String]
    var timeout: Double = 120
    var sampleMaps = false

    func run() throws -> Result {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.keys.sorted().map { strdup("\($0)=\(environment[$0] ?? "")") } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        var pid: pid_t = 0
        let start = ContinuousClock.now
        let rc = posix_spawn(&pid, path, &actions, nil, argv, envp)
        guard rc == 0 else { throw BenchError.message("cannot start \(path): error \(rc)") }
        var status: Int32 = 0
        var usage = rusage()
        var mapped: [String] = []
        var sampled = !sampleMaps
        var timedOut = false
        while true {
            let r = wait4(pid, &status, WNOHANG, &usage)
            if r == pid { break }
            if r < 0 && errno != EINTR { throw BenchError.message("wait4 failed for \(path)") }
            let elapsed = QualityRunner.seconds(ContinuousClock.now - start)
            if !sampled && elapsed > 0.003 {
                mapped = Self.blasLibraries(pid: pid)
                if !mapped.isEmpty { sampled = true }
            }
            if elapsed > timeout && !timedOut {
                kill(pid, SIGKILL)
                timedOut = true
            }
            usleep(sampled ? 1000 : 200)
        }
        let seconds = QualityRunner.seconds(ContinuousClock.now - start)
        let signaled = (status & 0x7f) != 0
        return Result(seconds: seconds, maxRSSKiB: Int(usage.ru_maxrss), exitCode: signaled ? nil : (status >> 8) & 0xff,
                      timedOut: timedOut, mappedLibraries: mapped)
    }

    /// BLAS/LAPACK shared objects mapped into a process.
    static func blasLibraries(pid: pid_t) -> [String] {
        guard let maps = readProcFile("/proc/\(pid)/maps") else { return [] }
        var out = Set<String>()
        for line in maps.split(separator: "\n") {
            guard let slash = line.firstIndex(of: "/") else { continue }
            let path = String(line[slash...])
            let name = path.split(separator: "/").last.map(String.init) ?? path
            if name.contains("blas") || name.contains("lapack") { out.insert(path) }
        }
        return out.sorted()
    }

    /// Reads a /proc file with read(2) until EOF (procfs files report size 0, so size-based readers get nothing).
    static func readProcFile(_ path: String) -> String? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Output of a short helper command (e.g. `ldd`), or nil.
    static func capture(_ path: String, _ arguments: [String], environment: [String: String]) -> String? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = arguments
        p.environment = environment
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
