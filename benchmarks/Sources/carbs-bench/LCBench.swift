import CARBSCore
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The YAHPO LCBench surrogate of `shared/benchmarks/lcbench.py` as a benchmark problem: one long-lived
/// `python3 lcbench.py TASK` child per task, asked one JSON line per evaluation. Needs python3 with numpy and
/// onnxruntime; the script's folder is `$CARBS_SHARED_BENCHMARKS` or `../shared/benchmarks` from the working
/// directory.
final class LCBenchOracle: @unchecked Sendable {
    let task: String
    private let lock = NSLock()
    private var process: Process?
    private var input: FileHandle?
    private var outputFD: Int32 = -1
    private var buffer: [UInt8] = []

    init(task: String) { self.task = task }

    static var scriptFolder: String {
        ProcessInfo.processInfo.environment["CARBS_SHARED_BENCHMARKS"] ?? "../shared/benchmarks"
    }

    /// (score, cost) of one configuration, or a harness error (no python, unknown task, a dead child).
    func evaluate(_ params: [String: JSONValue]) throws -> (score: Double, cost: Double) {
        lock.lock()
        defer { lock.unlock() }
        if process == nil { try start() }
        guard let input else { throw BenchError.message("lcbench \(task): child not started") }
        let line = JSONWriter.line([("params", .object(params))]) + "\n"
        try input.write(contentsOf: Data(line.utf8))
        guard let reply = readLine() else {
            throw BenchError.message("lcbench \(task): the surrogate exited (is onnxruntime installed? pip install numpy onnxruntime)")
        }
        guard let o = try? JSONDecoder().decode(JSONValue.self, from: Data(reply.utf8)).objectValue,
              let s = o["score"]?.doubleValue, let c = o["cost"]?.doubleValue else {
            throw BenchError.message("lcbench \(task): unreadable reply \(reply.prefix(200))")
        }
        return (s, c)
    }

    private func start() throws {
        let script = Self.scriptFolder + "/lcbench.py"
        guard FileManager.default.fileExists(atPath: script) else {
            throw BenchError.message("lcbench: \(script) not found (set CARBS_SHARED_BENCHMARKS)")
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", script, task]
        let inPipe = Pipe(), outPipe = Pipe()
        p.standardInput = inPipe
        p.standardOutput = outPipe
        try p.run()
        process = p
        input = inPipe.fileHandleForWriting
        outputFD = outPipe.fileHandleForReading.fileDescriptor
    }

    /// One line of the child's output (without the newline), nil at end of file.
    private func readLine() -> String? {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            if let nl = buffer.firstIndex(of: 10) {
                let line = String(decoding: buffer[..<nl], as: UTF8.self)
                buffer.removeSubrange(...nl)
                return line
            }
            let n = chunk.withUnsafeMutableBytes { read(outputFD, $0.baseAddress, $0.count) }
            if n <= 0 { return nil }
            buffer += chunk[..<n]
        }
    }
}

extension Problems {
    /// The LCBench search space of `lcbench.py --space` (epoch on a log scale).
    static let lcbenchSpecs = [
        "epoch=log:1:52:int", "batch_size=log:16:512:int", "learning_rate=log:1e-4:0.1", "momentum=linear:0.1:0.99",
        "weight_decay=linear:1e-5:0.1", "num_layers=linear:1:5:int", "max_units=log:64:1024:int", "max_dropout=linear:0:1",
    ]

    /// One LCBench task with its fixed box (`benchmarks/python/lcbench_reference.py`, except 167149, whose box is
    /// shared/baselines/README.md's so the Python references compare).
    static func lcbench(task: String, reference: Reference, note: String) -> Problem {
        let oracle = LCBenchOracle(task: task)
        return Problem(
            name: "lcbench-\(task)",
            summary: "YAHPO LCBench surrogate, OpenML task \(task): score = val_accuracy (%), cost = predicted training seconds (needs python3, numpy, onnxruntime)",
            specs: lcbenchSpecs, reference: reference, referenceNote: note,
            evaluate: { p, _ in
                // A harness failure is not a failed run: report it and stop the benchmark.
                do {
                    let r = try oracle.evaluate(p)
                    return Outcome(observed: r.score, trueScore: r.score, cost: r.cost)
                } catch {
                    say("carbs-bench: \(error)")
                    exit(70)
                }
            })
    }

    static let lcbenchTasks: [Problem] = [
        lcbench(task: "167149", reference: Reference(scoreRef: 49.5931, scoreBest: 99.4085, costMin: 0.13401, costMax: 1570.74),
                note: "from shared/baselines/README.md"),
        lcbench(task: "189906", reference: Reference(scoreRef: 13.2967, scoreBest: 95.2591, costMin: 0.25254, costMax: 3021.66),
                note: "benchmarks/python/lcbench_reference.py 189906 --uniform 100000 (10th percentile of 2,000 uniform points; extremes of 106,864 evaluations)"),
        lcbench(task: "126026", reference: Reference(scoreRef: 46.742, scoreBest: 99.7485, costMin: 0.15632, costMax: 1997.05),
                note: "benchmarks/python/lcbench_reference.py 126026 --uniform 100000 (10th percentile of 2,000 uniform points; extremes of 106,480 evaluations)"),
    ]
}
