import ArgumentParser
import CARBSCore
import Foundation

/// The BLAS/LAPACK a child process is run with (chosen per process through the dynamic loader's search path).
struct LinearAlgebraLibrary {
    var name: String
    var environment: [String: String]

    static let reference = LinearAlgebraLibrary(
        name: "reference",
        environment: ["LD_LIBRARY_PATH": "/usr/lib/x86_64-linux-gnu/lapack:/usr/lib/x86_64-linux-gnu/blas"])
    static let openblas = LinearAlgebraLibrary(
        name: "openblas",
        environment: ["LD_LIBRARY_PATH": "/usr/lib/x86_64-linux-gnu/openblas-pthread", "OPENBLAS_NUM_THREADS": "1"])
}

/// The speed runner: whole-process wall time and peak RSS of each tool on synthetic logs, per library.
struct SpeedRunner {
    var binDirectory: String
    var outPath: String
    var logDirectory: String
    var sizes: [Int]
    var dimensions: [Int]
    var reps: Int
    var timeout: Double
    /// Once the repetitions of a cell have taken this many seconds in total, no more are made (the table gives the count).
    var slow: Double
    var batchSizes: [(n: Int, d: Int)]
    var libraries: [LinearAlgebraLibrary] = [.reference, .openblas]

    static let tools: [(name: String, arguments: @Sendable (String) -> [String])] = [
        ("carbs-suggest", { [$0, "--seed", "1"] }),
        ("carbs-fit", { [$0] }),
        ("carbs-pareto", { [$0] }),
        ("carbs-plot", { ["scatter", $0] }),
    ]

    func environment(_ lib: LinearAlgebraLibrary) -> [String: String] {
        var env = ["PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8"]
        for (k, v) in lib.environment { env[k] = v }
        return env
    }

    func emit(_ pairs: [(String, JSONValue)]) throws {
        try Files.appendLine(JSONWriter.line(pairs), to: outPath)
    }

    func run() throws {
        try Files.makeDirectory(logDirectory)
        let smallest = try SyntheticLogs.path(n: sizes.min() ?? 10, d: dimensions.min() ?? 2, directory: logDirectory)
        let load = ChildProcess.readProcFile("/proc/loadavg").map { String($0.prefix(while: { $0 != "\n" })) } ?? "?"
        try emit([("kind", "start"), ("loadavg", .string(load)), ("reps", .number(Double(reps)))])
        // Which tools exist: placeholders exit 70.
        var available: [String: Bool] = [:]
        for tool in Self.tools {
            let path = "\(binDirectory)/\(tool.name)"
            var status = "ok"
            var ok = false
            if FileManager.default.isExecutableFile(atPath: path) {
                let r = try ChildProcess(path: path, arguments: tool.arguments(smallest), environment: environment(.reference), timeout: timeout).run()
                if r.exitCode == 0 {
                    ok = true
                } else {
                    // A placeholder rejects the arguments (exit 64) and exits 70 ("not built yet") without them.
                    let bare = try ChildProcess(path: path, arguments: [], environment: environment(.reference), timeout: timeout).run()
                    status = r.exitCode == 70 || bare.exitCode == 70
                        ? "not available (placeholder: exits 70)"
                        : "fails (exit \(r.exitCode.map(String.init) ?? "signal"))"
                }
            } else {
                status = "not available (not built)"
            }
            available[tool.name] = ok
            try emit([("kind", "availability"), ("tool", .string(tool.name)), ("status", .string(status))])
            say("\(tool.name): \(status)")
        }
        for lib in libraries {
            try verify(lib)
            for tool in Self.tools where available[tool.name] == true {
                _ = try? ChildProcess(path: "\(binDirectory)/\(tool.name)", arguments: tool.arguments(smallest), environment: environment(lib), timeout: timeout).run()
            }
        }
        // Smaller n first over every library, tool and d, so an interrupted run still has the small-n tables.
        var timedOut = Set<String>()
        for n in sizes {
            for lib in libraries {
                for tool in Self.tools where available[tool.name] == true {
                    let path = "\(binDirectory)/\(tool.name)"
                    for d in dimensions {
                        let key = "\(tool.name) \(lib.name) \(d)"
                        if timedOut.contains(key) {
                            try emit([("kind", "time"), ("tool", .string(tool.name)), ("lib", .string(lib.name)), ("n", .number(Double(n))),
                                      ("d", .number(Double(d))), ("status", "skipped (a smaller n timed out)")])
                            continue
                        }
                        let log = try SyntheticLogs.path(n: n, d: d, directory: logDirectory)
                        let m = try measure(path: path, arguments: tool.arguments(log), lib: lib)
                        if m.status == "timeout" { timedOut.insert(key) }
                        try emit([("kind", "time"), ("tool", .string(tool.name)), ("lib", .string(lib.name)), ("n", .number(Double(n))),
                                  ("d", .number(Double(d))), ("status", .string(m.status)), ("reps", .number(Double(m.times.count))),
                                  ("median_s", .optional(Stats.median(m.times), 5)), ("min_s", .optional(m.times.min(), 5)),
                                  ("max_s", .optional(m.times.max(), 5)), ("peak_rss_mib", .rounded(Double(m.rss) / 1024, 4))])
                        say("\(tool.name) \(lib.name) n=\(n) d=\(d): \(m.status) median \(Stats.median(m.times).map { fmt($0, 4) } ?? "–") s, \(m.rss / 1024) MiB (\(m.times.count) runs)")
                    }
                }
            }
            for lib in libraries where available["carbs-suggest"] == true {
                for (bn, bd) in batchSizes where bn == n { try batch(n: bn, d: bd, lib: lib) }
            }
        }
        try emit([("kind", "end"), ("loadavg", .string(ChildProcess.readProcFile("/proc/loadavg").map { String($0.prefix(while: { $0 != "\n" })) } ?? "?"))])
    }

    /// Which BLAS/LAPACK the loader picks (ldd) and which are actually mapped into a running tool (/proc/PID/maps).
    func verify(_ lib: LinearAlgebraLibrary) throws {
        let path = "\(binDirectory)/carbs-suggest"
        let ldd = (ChildProcess.capture("/usr/bin/ldd", [path], environment: environment(lib)) ?? "")
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.contains("blas") || $0.contains("lapack") }
        // A run long enough to be sampled: the largest log the grid has at d = 8 or the largest d.
        let log = try SyntheticLogs.path(n: min(300, sizes.max() ?? 100), d: 8, directory: logDirectory)
        var mapped: [String] = []
        for _ in 0..<5 where mapped.isEmpty {
            mapped = (try? ChildProcess(path: path, arguments: [log, "--seed", "1"], environment: environment(lib), timeout: timeout, sampleMaps: true).run())?.mappedLibraries ?? []
        }
        try emit([("kind", "library"), ("lib", .string(lib.name)), ("env", .object(lib.environment.mapValues { .string($0) })),
                  ("ldd", .array(ldd.map { .string($0) })), ("maps", .array(mapped.map { .string($0) }))])
        say("\(lib.name): ldd \(ldd.joined(separator: "; ")); mapped \(mapped.joined(separator: ", "))")
    }

    func measure(path: String, arguments: [String], lib: LinearAlgebraLibrary) throws -> (times: [Double], rss: Int, status: String) {
        var times: [Double] = []
        var rss = 0
        var wanted = reps
        var i = 0
        while i < wanted {
            let r = try ChildProcess(path: path, arguments: arguments, environment: environment(lib), timeout: timeout).run()
            if r.timedOut { return (times, rss, "timeout") }
            guard r.exitCode == 0 else { return (times, rss, "exit \(r.exitCode.map(String.init) ?? "signal")") }
            times.append(r.seconds)
            rss = max(rss, r.maxRSSKiB)
            // Slow cells: stop once the runs so far took more than `slow` seconds in total (at least one run).
            if times.reduce(0, +) > slow { wanted = min(wanted, i + 1) }
            i += 1
        }
        return (times, rss, "ok")
    }

    /// `carbs-suggest -n 8` against 8 separate calls (seeds 1…8) on the same log.
    func batch(n: Int, d: Int, lib: LinearAlgebraLibrary) throws {
        let path = "\(binDirectory)/carbs-suggest"
        let log = try SyntheticLogs.path(n: n, d: d, directory: logDirectory)
        var batchTimes: [Double] = [], separateTimes: [Double] = []
        for _ in 0..<reps {
            let b = try ChildProcess(path: path, arguments: [log, "--seed", "1", "-n", "8"], environment: environment(lib), timeout: timeout).run()
            guard b.exitCode == 0, !b.timedOut else { return }
            batchTimes.append(b.seconds)
            var total = 0.0
            for s in 1...8 {
                let r = try ChildProcess(path: path, arguments: [log, "--seed", String(s)], environment: environment(lib), timeout: timeout).run()
                guard r.exitCode == 0, !r.timedOut else { return }
                total += r.seconds
            }
            separateTimes.append(total)
        }
        try emit([("kind", "batch"), ("lib", .string(lib.name)), ("n", .number(Double(n))), ("d", .number(Double(d))),
                  ("reps", .number(Double(reps))), ("batch8_s", .optional(Stats.median(batchTimes), 5)),
                  ("separate8_s", .optional(Stats.median(separateTimes), 5))])
        say("batch \(lib.name) n=\(n) d=\(d): -n 8 \(Stats.median(batchTimes).map { fmt($0, 4) } ?? "–") s vs 8 calls \(Stats.median(separateTimes).map { fmt($0, 4) } ?? "–") s")
    }
}

struct SpeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "speed",
        abstract: "Whole-process time and peak RSS of each tool on synthetic logs, reference LAPACK vs OpenBLAS.")

    @Flag(help: "Small grid (n 10, 100, 1000; d 2, 8) for day-to-day use.") var quick = false
    @Option(help: "Directory with the release tools.") var bin = ".build/release"
    @Option(help: "Output JSON-lines file (appended; `report` uses the last run).") var out = "benchmarks/results/speed.jsonl"
    @Option(help: "Where the synthetic logs are written.") var logs = "benchmarks/results/raw/speed"
    @Option(help: "Repetitions per cell (median reported).") var reps = 5
    @Option(help: "Seconds before a run is killed (larger n for that tool, d and library are then skipped).") var timeout = 120.0
    @Option(help: "Stop repeating a cell once its runs took this many seconds in total (the count is reported).") var slow = 30.0
    @Option(help: "Comma-separated n (overrides the grid).") var sizes: String?
    @Option(help: "Comma-separated d (overrides the grid).") var dimensions: String?

    func run() throws {
        func ints(_ s: String) throws -> [Int] {
            let v = s.split(separator: ",").compactMap { Int($0) }
            guard !v.isEmpty, v.allSatisfy({ $0 > 0 }) else { throw ValidationError("expected a comma-separated list of positive integers, got '\(s)'") }
            return v
        }
        let n = try sizes.map(ints) ?? (quick ? [10, 100, 1000] : [10, 100, 300, 1000, 3000])
        let d = try dimensions.map(ints) ?? (quick ? [2, 8] : [2, 4, 8, 16, 32])
        guard reps >= 1 else { throw ValidationError("--reps must be at least 1") }
        let runner = SpeedRunner(binDirectory: bin, outPath: out, logDirectory: logs, sizes: n.sorted(), dimensions: d.sorted(),
                                 reps: reps, timeout: timeout, slow: slow,
                                 batchSizes: quick ? [(100, 8)] : [(100, 8), (1000, 8)])
        try runner.run()
    }
}
