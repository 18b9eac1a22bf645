import Testing
@testable import CARBSCore

private func rows(_ s: String) -> [[Character]] { s.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init) }

/// A small deterministic generator (the tests must not depend on a library RNG).
private struct LCG {
    var state: UInt64
    mutating func next() -> Double {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Double(state >> 11) / Double(1 << 53)
    }
}

/// Curves of `n` runs with 0–4 checkpoints each, scores on a coarse grid (so that ties occur), increasing costs.
private func randomCurves(_ n: Int, seed: UInt64) -> [RunCurve] {
    var g = LCG(state: seed)
    let states: [RunCurve.State] = [.finished, .stopped, .running, .failed]
    return (0..<n).map { _ in
        let k = Int(g.next() * 5)
        var cost = 0.5 + g.next() * 10
        var cps: [CurvePoint] = []
        for s in 0..<k {
            cps.append(CurvePoint(step: Double(s + 1), score: (g.next() * 8).rounded() / 8, cost: cost))
            cost += (g.next() * 20).rounded()
        }
        let state = states[Int(g.next() * 4)]
        var result: CurvePoint?
        if state == .finished || state == .stopped {
            result = g.next() < 0.3 ? cps.last ?? CurvePoint(step: nil, score: 0.5, cost: cost)
                : CurvePoint(step: nil, score: (g.next() * 8).rounded() / 8, cost: cost)
            result?.step = nil
        }
        return RunCurve(checkpoints: cps, result: result, state: state)
    }
}

/// The front by brute force: the distinct (cost, score) pairs no other point beats (cost ≤ and score at least as
/// good, one of them strictly), sorted by cost.
private func bruteFront(_ curves: [RunCurve], higherIsBetter: Bool) -> [[Double]] {
    let pts = curves.flatMap(\.points).map { [$0.cost, $0.score] }
    func better(_ a: Double, _ b: Double) -> Bool { higherIsBetter ? a > b : a < b }
    var out: [[Double]] = []
    for p in pts {
        let beaten = pts.contains { q in
            q[0] <= p[0] && (better(q[1], p[1]) || q[1] == p[1]) && (q[0] < p[0] || better(q[1], p[1]))
        }
        if !beaten, !out.contains(p) { out.append(p) }
    }
    return out.sorted { $0[0] < $1[0] }
}

@Suite struct CurvesPlotTests {
    /// a: finished, result differs from its last checkpoint; b: stopped at its last checkpoint; c: running;
    /// d: a result without progress; e: failed without progress.
    static let curves = [
        RunCurve(checkpoints: [CurvePoint(step: 1, score: 0.2, cost: 10), CurvePoint(step: 2, score: 0.5, cost: 20),
                               CurvePoint(step: 3, score: 0.7, cost: 30)],
                 result: CurvePoint(step: nil, score: 0.75, cost: 40), state: .finished),
        RunCurve(checkpoints: [CurvePoint(step: 1, score: 0.1, cost: 10), CurvePoint(step: 2, score: 0.15, cost: 20)],
                 result: CurvePoint(step: nil, score: 0.15, cost: 20), state: .stopped),
        RunCurve(checkpoints: [CurvePoint(step: 1, score: 0.4, cost: 8), CurvePoint(step: 2, score: 0.6, cost: 16)],
                 state: .running),
        RunCurve(checkpoints: [], result: CurvePoint(step: nil, score: 0.3, cost: 5), state: .finished),
        RunCurve(checkpoints: [], state: .failed),
    ]

    @Test func theResultFollowsTheCheckpointsOnlyWhenItDiffers() {
        #expect(Self.curves[0].points.count == 4)
        #expect(Self.curves[0].points.last == CurvePoint(step: nil, score: 0.75, cost: 40))
        #expect(Self.curves[1].points.count == 2, "same score and cost as the last checkpoint: not repeated")
        #expect(Self.curves[2].points.count == 2)
        #expect(Self.curves[3].points == [CurvePoint(step: nil, score: 0.3, cost: 5)])
        #expect(Self.curves[4].points.isEmpty)
        // A result at the last checkpoint's score but a different cost is a point of its own.
        let c = RunCurve(checkpoints: [CurvePoint(step: 1, score: 1, cost: 2)], result: CurvePoint(step: nil, score: 1, cost: 3))
        #expect(c.points.count == 2)
    }

    @Test(arguments: [true, false], [1, 2, 3, 4, 5, 6])
    func theFrontIsTheBruteForceOne(higherIsBetter: Bool, seed: Int) {
        let curves = randomCurves(12, seed: UInt64(seed))
        let plot = CurvesPlot(curves: curves, higherIsBetter: higherIsBetter)
        #expect(plot.front.map { [$0.cost, $0.score] } == bruteFront(curves, higherIsBetter: higherIsBetter))
        // The front series of the chart holds exactly those points.
        let fronts = plot.chart.series.filter { $0.name == "front" }
        #expect(fronts.count == 1)
        #expect(fronts.first?.points.map { [$0.x, $0.y ?? .nan] } == bruteFront(curves, higherIsBetter: higherIsBetter))
    }

    @Test func theTitleCountsRunsStoppedRunningAndTheFront() {
        let plot = CurvesPlot(curves: Self.curves, scoreKey: "acc", costKey: "gpu_h")
        // Front (maximize): d(5, 0.3), c(8, 0.4), c(16, 0.6), a(30, 0.7), a(40, 0.75).
        #expect(bruteFront(Self.curves, higherIsBetter: true) == [[5, 0.3], [8, 0.4], [16, 0.6], [30, 0.7], [40, 0.75]])
        #expect(plot.defaultTitle == "acc vs gpu_h: 4 runs, 1 stopped, 1 running, front of 5")
        #expect(plot.chart.title == plot.defaultTitle)
        #expect(plot.chart.xLabel == "cumulative gpu_h" && plot.chart.yLabel == "acc" && plot.chart.logX)
        var titled = plot
        titled.title = "mine"
        #expect(titled.chart.title == "mine")
        // Minimizing: d(5, 0.3) then b's first checkpoint (10, 0.1).
        let low = CurvesPlot(curves: Self.curves, higherIsBetter: false)
        #expect(low.front.map { [$0.cost, $0.score] } == [[5, 0.3], [10, 0.1]])
        #expect(low.defaultTitle.hasSuffix("front of 2"))
    }

    @Test func seriesAreCurvesSinglePointsFrontThenEndMarkers() {
        let chart = CurvesPlot(curves: Self.curves).chart
        let lines = chart.series.filter { $0.kind == .line }
        #expect(lines.count == 3)
        #expect(lines.map(\.name) == ["runs", nil, nil], "one legend entry for all curves")
        #expect(lines.allSatisfy { $0.glyph == "." }, "in ASCII every curve is drawn with dots")
        #expect(Set(lines.map(\.color)).count == 3, "colours cycle (shown only when colour is on)")
        #expect(lines[0].points.map(\.x) == [10, 20, 30, 40])
        #expect(chart.series.first { $0.kind == .dots }?.points == [ChartPoint(x: 5, y: 0.3)])
        #expect(chart.series.first { $0.name == "stopped" }?.kind == .markers("x"))
        #expect(chart.series.first { $0.name == "stopped" }?.points == [ChartPoint(x: 20, y: 0.15)])
        #expect(chart.series.first { $0.name == "running" }?.kind == .markers(">"))
        #expect(chart.series.first { $0.name == "running" }?.points == [ChartPoint(x: 16, y: 0.6)])
        #expect(chart.series.first { $0.name == "failed" } == nil, "a failure without checkpoints has nothing to draw")
        // Order: the front over the curves, the end markers on top.
        let names = chart.series.compactMap(\.name)
        #expect(names == ["runs", "points", "front", "stopped", "running"])
    }

    @Test(arguments: [CanvasMode.ascii, .braille])
    func endMarkersLandAtTheirRunsLastPoints(mode: CanvasMode) throws {
        // The stopped run ends at the largest cost and the lowest score (bottom right), the running one at the
        // smallest cost and the highest score (top left).
        let curves = [
            RunCurve(checkpoints: [CurvePoint(step: 1, score: 0.5, cost: 10), CurvePoint(step: 2, score: 0, cost: 1000)],
                     result: CurvePoint(step: nil, score: 0, cost: 1000), state: .stopped),
            RunCurve(checkpoints: [CurvePoint(step: 1, score: 1, cost: 1)], state: .running),
        ]
        let style = PlotStyle(columns: 50, rows: 14, mode: mode)
        let text = CurvesPlot(curves: curves, title: "t").text(style)
        let r = rows(text)
        #expect(r.count == 14)
        // 14 rows: title, axis label, 8 plot rows (2...9), the axis (10), tick labels, axis label, legend.
        let axisRow = 10
        #expect(r[axisRow].contains(mode == .ascii ? "+" : "└"))
        let xRow = try #require(r.firstIndex { $0.contains("x") })
        #expect(xRow == axisRow - 1, "stopped marker on the bottom plot row")
        #expect(r[xRow].lastIndex(of: "x") == 48, "in the rightmost plot column")
        let gtRow = try #require(r.firstIndex { $0.contains(">") })
        #expect(gtRow == 2, "running marker on the top plot row (under title and axis label)")
        let labelWidth = try #require(r[gtRow].firstIndex { $0 == "+" || $0 == "┤" || $0 == "|" || $0 == "│" })
        #expect(r[gtRow].firstIndex(of: ">") == labelWidth + 1, "in the leftmost plot column")
    }

    @Test func theStepViewHasNoFrontAndNoResultPoints() {
        let plot = CurvesPlot(curves: Self.curves, x: .step)
        #expect(plot.front.isEmpty)
        let chart = plot.chart
        #expect(!chart.logX && chart.xLabel == "step")
        #expect(!chart.series.contains { $0.name == "front" || $0.kind == .steps(extendToEnd: true) })
        #expect(chart.series.filter { $0.kind == .line }.first?.points.map(\.x) == [1, 2, 3], "a's result has no step")
        #expect(plot.defaultTitle == "score vs step: 3 runs, 1 stopped, 1 running")
        #expect(chart.series.first { $0.name == "stopped" }?.points == [ChartPoint(x: 2, y: 0.15)])
    }

    @Test func withoutProgressRecordsRunsAreSinglePoints() {
        let curves = [
            RunCurve(checkpoints: [], result: CurvePoint(step: nil, score: 1, cost: 1)),
            RunCurve(checkpoints: [], result: CurvePoint(step: nil, score: 2, cost: 10), state: .stopped),
            RunCurve(checkpoints: [], state: .failed),
        ]
        let plot = CurvesPlot(curves: curves)
        #expect(plot.defaultTitle == "score vs cost: 2 runs, 1 stopped, front of 2 (no progress records)")
        let chart = plot.chart
        #expect(!chart.series.contains { $0.kind == .line })
        #expect(chart.series.first { $0.kind == .dots }?.name == "runs")
        #expect(chart.series.first { $0.name == "stopped" }?.points == [ChartPoint(x: 10, y: 2)])
        let step = CurvesPlot(curves: curves, x: .step)
        #expect(step.emptyReason == "no progress records")
        #expect(step.defaultTitle == "score vs step: no progress records")
    }

    @Test(arguments: [[RunCurve](), [RunCurve(checkpoints: [], state: .failed), RunCurve(checkpoints: [], state: .running)]])
    func nothingToPlotSaysSoAndStillRenders(curves: [RunCurve]) {
        let plot = CurvesPlot(curves: curves)
        #expect(plot.emptyReason == "no scored runs or progress records")
        #expect(plot.defaultTitle == "score vs cost: no scored runs or progress records")
        #expect(plot.front.isEmpty)
        for mode in CanvasMode.allCases {
            #expect(rows(plot.text(PlotStyle(columns: 60, rows: 12, mode: mode))).count == 12)
        }
        let svg = plot.svg()
        #expect(svg.contains("</svg>") && !svg.contains("NaN"))
    }

    @Test func extremeAndUnplaceableValuesDoNotTrap() {
        let curves = [
            RunCurve(checkpoints: [CurvePoint(step: 0, score: -1e300, cost: 1e-300),
                                   CurvePoint(step: 1e300, score: 1e300, cost: .greatestFiniteMagnitude)],
                     result: CurvePoint(step: nil, score: 0, cost: 0), state: .stopped),
            RunCurve(checkpoints: [CurvePoint(step: 1, score: .infinity, cost: -1), CurvePoint(step: .nan, score: 1, cost: .nan)],
                     state: .running),
            RunCurve(checkpoints: [CurvePoint(step: 2, score: 5e-324, cost: 5e-324)], state: .failed),
        ]
        for x in CurvesPlot.XAxis.allCases {
            let plot = CurvesPlot(curves: curves, x: x)
            for mode in CanvasMode.allCases {
                for color in [false, true] {
                    let t = plot.text(PlotStyle(columns: 40, rows: 10, mode: mode, color: color))
                    #expect(rows(t).count == 10)
                    #expect(!t.contains("nan") && !t.contains("inf"))
                }
            }
            let svg = plot.svg()
            #expect(!svg.contains("NaN") && !svg.contains("nan") && !svg.contains("inf"))
        }
        // The cost view places only positive finite costs; cost 0 and the non-finite checkpoints are left out.
        #expect(CurvesPlot(curves: curves).drawnPoints(curves[0]).count == 2)
        #expect(CurvesPlot(curves: curves).drawnPoints(curves[1]).isEmpty)
        #expect(CurvesPlot(curves: curves, x: .step).drawnPoints(curves[1]).isEmpty)
    }

    @Test func plainTextHasNoColourAndOutputIsDeterministic() {
        let plot = CurvesPlot(curves: randomCurves(30, seed: 42))
        let style = PlotStyle(columns: 70, rows: 20, mode: .ascii)
        let a = plot.text(style), b = plot.text(style)
        #expect(a == b)
        #expect(!a.contains("\u{1B}["))
        #expect(a.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(rows(a).allSatisfy { $0.count <= 70 })
        #expect(plot.text(PlotStyle(columns: 70, rows: 20, mode: .ascii, color: true)).contains("\u{1B}["))
        #expect(plot.svg() == plot.svg())
    }

    @Test func svgDrawsOnePolylinePerCurve() {
        let svg = CurvesPlot(curves: Self.curves).svg()
        #expect(svg.hasPrefix("<?xml") && svg.hasSuffix("</svg>\n"))
        // Three curves (M … L …), the front staircase (M … H … V …) and the legend's line sample.
        let paths = svg.components(separatedBy: "<path d=\"M").dropFirst()
        #expect(paths.filter { $0.prefix { $0 != "\"" }.contains(" L") && $0.contains("stroke-linejoin") }.count == 3)
        #expect(paths.contains { $0.prefix { $0 != "\"" }.contains(" H") && $0.contains("#d62728") })
        #expect(svg.contains("stopped") && svg.contains("running") && svg.contains("front"))
    }
}
