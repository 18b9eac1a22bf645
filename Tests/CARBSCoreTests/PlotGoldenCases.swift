#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

@testable import CARBSCore

/// The plots checked against golden files in Fixtures/plots (name → rendered output).
enum PlotGoldenCases {
    /// A hand-made sweep: (cost, score). Front by cost: 1, 1.5, 3, 6, 8, 20, 50, 100.
    static let sweep: [(Double, Double)] = [
        (1, 0.2), (1.5, 0.35), (2, 0.3), (3, 0.5), (5, 0.45), (8, 0.62), (10, 0.55), (20, 0.7), (30, 0.68),
        (50, 0.82), (80, 0.8), (100, 0.85), (2.5, 0.1), (40, 0.4), (6, 0.58),
    ]
    static var runs: [ParetoPoint] { sweep.enumerated().map { ParetoPoint(score: $1.1, cost: $1.0, index: $0) } }

    static var scatter: ScatterPlot {
        ScatterPlot(runs: runs, failureCosts: [4, 60], pending: [PendingPoint(cost: 15, score: 0.75)],
                    title: "sweep", xLabel: "cost (s)", yLabel: "accuracy")
    }

    static var history: HistoryPlot {
        let a = [0.1, 0.3, 0.2, .nan, 0.5, 0.45, 0.6, 0.6, 0.7, 0.65, 0.8, 0.78]
        let b = [0.3, 0.35, 0.4, 0.42, 0.41, 0.5, 0.55, 0.52, 0.56, 0.6, 0.61, 0.62]
        return HistoryPlot(series: [.bestSoFar(name: "carbs", scores: a), .bestSoFar(name: "random", scores: b)],
                           yRange: 0...1, title: "normalized HV", yLabel: "HV")
    }

    static var historyCost: HistoryPlot {
        let scores = sweep.map(\.1), costs = sweep.map(\.0)
        return HistoryPlot(series: [.bestSoFar(name: "sweep", scores: scores, costs: costs)], logX: true,
                           xLabel: "cumulative cost")
    }

    static var params: ParamsPlot {
        let lr = [1e-4, 3e-4, 1e-3, 2e-3, 5e-3, 3e-3, 2.5e-3, 2.8e-3, 3.1e-3, 3e-3]
        let width = [64, 128, 256, 256, 512, 384, 400, 420, 410, 415].map(Double.init)
        let dropout = [0.5, 0.4, 0.3, 0.35, 0.2, 0.25, 0.22, 0.21, 0.2, 0.19]
        let scores = [0.2, 0.35, 0.5, 0.55, 0.6, 0.66, 0.7, 0.71, 0.72, 0.73]
        return ParamsPlot(params: [ParamTrace(name: "lr", values: lr, log: true),
                                   ParamTrace(name: "width", values: width, log: true),
                                   ParamTrace(name: "dropout", values: dropout, log: false)],
                          scores: scores, mode: .drift, minPanelColumns: 26)
    }

    static var importance: ImportancePlot {
        ImportancePlot(items: [Relevance(name: "lr", value: 2.5), Relevance(name: "dropout", value: 0.4),
                               Relevance(name: "width", value: 1.2), Relevance(name: "warmup_steps", value: 0.05),
                               Relevance(name: "momentum", value: 1.2), Relevance(name: "bad", value: .nan)],
                       title: "relevance")
    }

    /// 60 random runs of branin-with-epochs (the benchmark problem): score = −(branin(x1, x2) + 10/epochs),
    /// cost = epochs, x1 ∈ [−5, 10], x2 ∈ [0, 15], epochs log-uniform integer in [1, 100]; every 9th run fails.
    static var branin: (runs: [ParetoPoint], failed: [Double]) {
        var g = SeededGenerator(seed: 7)
        func u() -> Double { Double(g.next() >> 11) * 0x1p-53 }
        var runs: [ParetoPoint] = [], failed: [Double] = []
        for i in 0..<60 {
            let x1 = -5 + 15 * u(), x2 = 15 * u()
            let epochs = pow(10, 2 * u()).rounded()
            let b = 5.1 / (4 * Double.pi * Double.pi), c = 5 / Double.pi, t = 1 / (8 * Double.pi)
            let f = pow(x2 - b * x1 * x1 + c * x1 - 6, 2) + 10 * (1 - t) * cos(x1) + 10
            if i % 9 == 8 { failed.append(epochs); continue }
            runs.append(ParetoPoint(score: -(f + 10 / epochs), cost: epochs, index: i))
        }
        return (runs, failed)
    }

    static var braninScatter: ScatterPlot {
        ScatterPlot(runs: branin.runs, failureCosts: branin.failed, title: "branin-epochs, 60 random trials",
                    xLabel: "epochs", yLabel: "score")
    }

    static func style(_ c: Int, _ r: Int, _ mode: CanvasMode) -> PlotStyle { PlotStyle(columns: c, rows: r, mode: mode) }

    static var all: [(String, String)] {
        var out: [(String, String)] = [
            ("scatter-log-braille.txt", scatter.text(style(64, 20, .braille))),
            ("scatter-log-ascii.txt", scatter.text(style(64, 20, .ascii))),
            ("scatter-linear-braille.txt",
             ScatterPlot(runs: runs, failureCosts: [4, 60], logX: false, title: "linear cost")
                .text(style(64, 20, .braille))),
            ("scatter-one-point.txt",
             ScatterPlot(runs: [ParetoPoint(score: 0.5, cost: 10, index: 0)]).text(style(40, 12, .braille))),
            ("scatter-equal-costs.txt",
             ScatterPlot(runs: [0.1, 0.4, 0.3, 0.9].enumerated().map { ParetoPoint(score: $1, cost: 8, index: $0) })
                .text(style(40, 12, .ascii))),
            ("scatter-all-failed.txt", ScatterPlot(runs: [], failureCosts: [1, 10, 100]).text(style(40, 12, .ascii))),
            ("scatter-negative.txt",
             ScatterPlot(runs: [(-135, 1.0), (-40, 3.0), (-12, 10.0), (-3, 40.0), (-80, 20.0), (-0.5, 100.0)]
                .enumerated().map { ParetoPoint(score: $1.0, cost: $1.1, index: $0) })
                .text(style(48, 14, .braille))),
            ("scatter-wide-range.txt",
             ScatterPlot(runs: [(1e-6, 1.0), (1e-3, 2.0), (1.0, 2.5), (1e3, 3.0), (1e9, 4.0)]
                .enumerated().map { ParetoPoint(score: $1.1, cost: $1.0, index: $0) })
                .text(style(60, 12, .ascii))),
            ("history-braille.txt", history.text(style(60, 16, .braille))),
            ("history-ascii.txt", history.text(style(60, 16, .ascii))),
            ("history-cost-log.txt", historyCost.text(style(60, 14, .braille))),
            ("params-drift-braille.txt", params.text(style(84, 10, .braille))),
            ("params-score-ascii.txt", { var p = params; p.mode = .score; return p.text(style(84, 10, .ascii)) }()),
            ("importance-braille.txt", importance.text(style(50, 8, .braille))),
            ("importance-ascii.txt", importance.text(style(50, 8, .ascii))),
        ]
        out.append(("scatter-branin-braille.txt", braninScatter.text(style(80, 24, .braille))))
        out.append(("scatter-branin-ascii.txt", braninScatter.text(style(80, 24, .ascii))))
        out.append(("scatter-branin.svg", braninScatter.svg()))
        out.append(("scatter.svg", scatter.svg(width: 640, height: 400)))
        out.append(("history.svg", history.svg(width: 640, height: 400)))
        out.append(("params.svg", params.svg(panelWidth: 300, panelHeight: 200, columns: 3)))
        out.append(("importance.svg", importance.svg(width: 500)))
        return out
    }
}
