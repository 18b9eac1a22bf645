import CARBSCore
import Foundation

/// The records of the last speed run (everything after the last "start" record of speed.jsonl), as Markdown.
struct SpeedResults {
    var records: [[String: JSONValue]] = []

    static func load(_ path: String) -> SpeedResults {
        let all = JSONLines.read(path)
        let start = all.lastIndex { $0["kind"]?.stringValue == "start" } ?? 0
        return SpeedResults(records: Array(all[start...]))
    }

    func of(_ kind: String) -> [[String: JSONValue]] { records.filter { $0["kind"]?.stringValue == kind } }

    func int(_ o: [String: JSONValue], _ k: String) -> Int { Int(o[k]?.doubleValue ?? -1) }

    func markdown() -> [String] {
        var md: [String] = ["## Speed", ""]
        guard !records.isEmpty else {
            md.append("No speed results yet (`carbs-bench speed`).")
            md.append("")
            return md
        }
        let startLoad = of("start").first?["loadavg"]?.stringValue ?? "?"
        let endLoad = of("end").last?["loadavg"]?.stringValue ?? "(run not finished)"
        let reps = of("start").first?["reps"]?.doubleValue.map { Int($0) } ?? 0
        md.append("Whole-process wall time (spawn to exit, output to /dev/null) of each tool on synthetic logs (d linear parameters, n successful runs at seeded uniform points; `benchmarks/results/raw/speed/`), median of \(reps) runs (fewer where stated: repetitions of a cell stop once they took 30 s in total, `--slow`), and peak RSS (`wait4` rusage of the child, max over the runs). Cells: median seconds · peak MiB. \"growth\" = log-log slope of time against n over the two largest n measured. /proc/loadavg at start: `\(startLoad)`, at end: `\(endLoad)` (the machine is shared; the background quality run was niced).")
        md.append("")
        md.append("| tool | status |")
        md.append("|---|---|")
        for a in of("availability") {
            md.append("| \(a["tool"]?.stringValue ?? "?") | \(a["status"]?.stringValue ?? "?") |")
        }
        md.append("")
        md.append("Which library each configuration actually used (ldd with the configuration's environment; files mapped into a running `carbs-suggest`, from /proc/PID/maps):")
        md.append("")
        md.append("| library | environment | ldd | mapped |")
        md.append("|---|---|---|---|")
        for l in of("library") {
            let env = (l["env"]?.objectValue ?? [:]).keys.sorted().map { "\($0)=\(l["env"]?[$0]?.stringValue ?? "")" }.joined(separator: " ")
            let ldd = (l["ldd"]?.arrayValue ?? []).compactMap(\.stringValue).joined(separator: "<br>")
            let maps = (l["maps"]?.arrayValue ?? []).compactMap(\.stringValue).joined(separator: "<br>")
            md.append("| \(l["lib"]?.stringValue ?? "?") | `\(env)` | \(ldd.isEmpty ? "–" : ldd) | \(maps.isEmpty ? "(not sampled)" : maps) |")
        }
        md.append("")
        let times = of("time")
        let tools = SpeedRunner.tools.map(\.name).filter { t in times.contains { $0["tool"]?.stringValue == t } }
        let sizes = Set(times.map { int($0, "n") }).sorted()
        let dims = Set(times.map { int($0, "d") }).sorted()
        for tool in tools {
            md.append("### \(tool)")
            md.append("")
            md.append("| d | library | " + sizes.map { "n = \($0)" }.joined(separator: " | ") + " | growth |")
            md.append("|---|---|" + String(repeating: "---|", count: sizes.count + 1))
            for d in dims {
                for lib in ["reference", "openblas"] {
                    let rows = times.filter { $0["tool"]?.stringValue == tool && int($0, "d") == d && $0["lib"]?.stringValue == lib }
                    guard !rows.isEmpty else { continue }
                    var line = "| \(d) | \(lib) |"
                    var ok: [(Int, Double)] = []
                    for n in sizes {
                        guard let r = rows.first(where: { int($0, "n") == n }) else { line += " – |"; continue }
                        let status = r["status"]?.stringValue ?? "?"
                        if status == "ok", let m = r["median_s"]?.doubleValue {
                            let rss = r["peak_rss_mib"]?.doubleValue ?? 0
                            let k = int(r, "reps")
                            line += " \(sci(m)) s · \(String(format: "%.0f", rss)) MiB\(k < reps ? " (\(k) runs)" : "") |"
                            ok.append((n, m))
                        } else {
                            line += " \(status) |"
                        }
                    }
                    if ok.count >= 2, let a = ok.dropLast().last, let b = ok.last, a.1 > 0, b.1 > 0 {
                        line += " n^\(String(format: "%.2f", log(b.1 / a.1) / log(Double(b.0) / Double(a.0)))) |"
                    } else {
                        line += " – |"
                    }
                    md.append(line)
                }
            }
            md.append("")
        }
        let batches = of("batch")
        if !batches.isEmpty {
            md.append("### carbs-suggest -n 8 against 8 separate calls")
            md.append("")
            md.append("| library | n | d | -n 8 (one process) | 8 separate calls (total) | ratio |")
            md.append("|---|---|---|---|---|---|")
            for b in batches {
                let one = b["batch8_s"]?.doubleValue ?? .nan, eight = b["separate8_s"]?.doubleValue ?? .nan
                md.append("| \(b["lib"]?.stringValue ?? "?") | \(int(b, "n")) | \(int(b, "d")) | \(sci(one)) s | \(sci(eight)) s | \(String(format: "%.2f", one / eight)) |")
            }
            md.append("")
        }
        // Issue 3's and 4's latency targets (reference LAPACK, d = 8).
        func cell(_ n: Int, _ tool: String) -> [String: JSONValue]? {
            times.first { $0["tool"]?.stringValue == tool && $0["lib"]?.stringValue == "reference" && int($0, "n") == n && int($0, "d") == 8 }
        }
        func verdict(_ n: Int, _ limit: Double, tool: String = "carbs-suggest") -> String {
            guard let c = cell(n, tool), let m = c["median_s"]?.doubleValue else { return "not measured" }
            let lo = c["min_s"]?.doubleValue.map { ", fastest run \(sci($0)) s" } ?? ""
            return "median \(sci(m)) s\(lo): \(m <= limit ? "met" : "NOT met")"
        }
        md.append("The step from n = 100 to n = 300 and the flat curve after it have one cause: the models see at most 1,000 successes (the best quarter by score, then the most recent: `Surrogates.Options.maxPoints`) and the score GP fits its hyperparameters on an evenly strided subsample of at most 256 of them (`GPFitOptions.maxFitPoints`; the cost GP on 128), so the O(m³) fit grows with n up to 256 points, the posterior up to 1,000, and then neither grows; `carbs-pareto` and `carbs-plot` fit no model.")
        md.append("")
        md.append("Issue 3 latency targets (whole carbs-fit process, reference LAPACK, d = 8): n = 100 within 0.100 s: \(verdict(100, 0.1, tool: "carbs-fit")); n = 1000 within 3 s: \(verdict(1000, 3, tool: "carbs-fit")).")
        md.append("")
        md.append("Issue 4 latency targets (carbs-suggest, reference LAPACK, d = 8; on a shared machine, see the load average above): n = 100 within 0.150 s: \(verdict(100, 0.15)); n = 1000 within 3 s: \(verdict(1000, 3)).")
        md.append("")
        return md
    }
}
