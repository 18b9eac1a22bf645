// libFuzzer entry point for the log and space parsers, built by scripts/fuzz.sh together with the sources of
// CARBSCore (one module, so internal API is reachable). Not part of the package.
//
// Each input is read as a sweep log in every way the tools read one, and the results are cross-checked:
//  - RecordDecoder on each line, SweepLog.parse (default and strict) and SweepLog.read from a pipe;
//  - LineReader with a tiny chunk size must split lines exactly as SweepLog.parse does;
//  - every declared space is exercised: encode/decode of every run, problems, sampling, centers;
//  - every line is also tried as a compact spec (NAME=SPACE:ARGS) and as a declaration object;
//  - whatever is parsed is written back with JSONWriter and must read back to the same value.
// A thrown error is fine (that is a reported bad line); a trap, a sanitizer report or a broken invariant is a crash.

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func carbsFuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    FuzzParsers.run(bytes)
    return 0
}

enum FuzzParsers {
    static func check(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError("fuzz invariant: \(message())") }
    }

    static func run(_ bytes: [UInt8]) {
        let decoder = RecordDecoder()
        // 1. Line splitting: SweepLog.parse's own splitter vs LineReader over a pipe with 7-byte chunks.
        var pieces = bytes.split(separator: 10, omittingEmptySubsequences: false)
        if bytes.isEmpty || bytes.last == 10 { pieces.removeLast() }
        let lines: [[UInt8]] = pieces.map { $0.last == 13 ? Array($0.dropLast()) : Array($0) }
        if bytes.count < 60_000 {
            var fds: [Int32] = [0, 0]
            if pipe(&fds) == 0 {
                _ = bytes.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
                close(fds[1])
                var reader = LineReader(fileDescriptor: fds[0], chunkSize: 7)
                var got: [[UInt8]] = []
                while let l = try? reader.next() {
                    got.append(l.bytes)
                    check(l.number == got.count, "line numbers")
                    check(l.complete || got.count == lines.count, "only the last line may be incomplete")
                }
                close(fds[0])
                check(got == lines, "LineReader split \(got.count) lines, expected \(lines.count)")
            }
        }

        // 2. Each line through the record decoder; declarations and runs written back must read back.
        for (i, line) in lines.enumerated() {
            guard let record = try? decoder.decode(line, line: i + 1) else { continue }
            switch record {
            case .declaration(let p):
                let text = JSONWriter.line(p.declarationPairs)
                guard case .some(.declaration(let q)) = try? decoder.decode(Array(text.utf8), line: 1) else {
                    fatalError("declaration does not read back: \(text)")
                }
                check(q.declarationPairs.map(\.0) == p.declarationPairs.map(\.0), "declaration keys round-trip: \(text)")
                exercise(Space([p]))
            case .run(let r):
                var w = JSONWriter()
                w.write(.object(r.fields))
                let again = try? decoder.decode(Array(w.text.utf8), line: 1)
                check(again != nil, "run does not read back: \(w.text)")
            case .objective(let o):
                let text = JSONWriter.line(o.declarationPairs)
                check((try? decoder.decode(Array(text.utf8), line: 1)) != nil, "objective does not read back")
            case .progress(let p):
                var w = JSONWriter()
                w.write(.object(p.fields))
                guard case .some(.progress(let q)) = try? decoder.decode(Array(w.text.utf8), line: 1) else {
                    fatalError("progress record does not read back: \(w.text)")
                }
                check(q.id == p.id, "progress id round-trips")
            case .other:
                break
            }
            if let s = String(validating: line, as: UTF8.self) {
                if let p = try? CompactSpec.parse(s) { exercise(Space([p])) }
            }
        }

        // 3. The whole input as a log, default and strict, from memory and from a pipe.
        let text = String(decoding: bytes, as: UTF8.self)
        if let log = try? SweepLog.parse(text) {
            for d in log.diagnostics { check(d.line.map { $0 >= 1 && $0 <= lines.count } ?? true, "diagnostic line \(d)") }
            check(log.runs.count <= lines.count, "more runs than lines")
            exercise(log.space, runs: log.runs)
            _ = log.parameterProblems(file: "fuzz")
            _ = log.cumulativeCostProblem(file: "fuzz")
            // The stopping rule on every running run that reported progress: an answer, never a trap.
            for r in log.runs where r.status == .pending && !r.progress.isEmpty {
                if let id = r.id { _ = StopRule.advise(log, id: id) }
            }
            _ = RunGroup.groups(log, checkpoints: true)
        }
        _ = try? SweepLog.parse(text, options: SweepLog.Options(strict: true))
        if bytes.count < 60_000 {
            var fds: [Int32] = [0, 0]
            if pipe(&fds) == 0 {
                _ = bytes.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
                close(fds[1])
                let fromPipe = try? SweepLog.read(fileDescriptor: fds[0], options: SweepLog.Options(file: "fuzz"))
                close(fds[0])
                if let fromPipe, String(validating: bytes, as: UTF8.self) != nil, let fromText = try? SweepLog.parse(text, options: SweepLog.Options(file: "fuzz")) {
                    check(fromPipe.diagnostics == fromText.diagnostics, "pipe and memory disagree on diagnostics")
                    check(fromPipe.runs == fromText.runs, "pipe and memory disagree on runs")
                    check(fromPipe.contentHash == fromText.contentHash, "pipe and memory disagree on the hash")
                }
            }
        }
    }

    /// Uses a parsed space the way the tools do; nothing here may trap, and values stay inside the bounds.
    static func exercise(_ space: Space, runs: [Run] = []) {
        let d = space.encodedDimension
        for r in runs.prefix(50) {
            if case .success(let x) = space.encode(r.params) {
                check(x.count == d, "encoded width")
                _ = space.decode(x)
            }
            _ = space.problems(with: r.params)
        }
        for p in space.parameters where p.isNumeric {
            for u in [0.0, 0.5, 1.0, -1.0, 2.0, .nan, .infinity] {
                let v = p.value(unit: u)
                if p.min.isFinite, p.max.isFinite, (p.max - p.min).isFinite, v.isFinite {
                    check(v >= p.min && v <= p.max, "value(unit: \(u)) = \(v) outside [\(p.min), \(p.max)] for \(p.declarationPairs)")
                }
            }
            _ = p.unit(p.center)
            _ = p.problem(with: .number(p.center))
        }
        _ = space.decode(Array(repeating: 0.5, count: d))
        _ = space.values(fromCoordinates: Array(repeating: 0.999, count: space.coordinateCount))
        _ = space.center
        for method in [SamplingMethod.center, .random, .sobol, .lhs] {
            _ = try? Sampler.sample(space, method: method, count: 3, seed: 1)
        }
        _ = try? Sampler.sample(space, method: .grid, count: 20, seed: 1, levels: 2)
    }
}
