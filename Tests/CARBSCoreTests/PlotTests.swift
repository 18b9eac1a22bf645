import Testing
@testable import CARBSCore

/// Checks that an SVG document's tags are balanced and returns the element names in document order.
private func svgElements(_ svg: String) -> (balanced: Bool, names: [String]) {
    var stack: [String] = [], names: [String] = []
    var i = svg.startIndex
    while let open = svg[i...].firstIndex(of: "<") {
        guard let close = svg[open...].firstIndex(of: ">") else { return (false, names) }
        let tag = svg[svg.index(after: open)..<close]
        i = svg.index(after: close)
        if tag.hasPrefix("?") { continue }
        if tag.hasPrefix("/") {
            guard stack.popLast() == String(tag.dropFirst()) else { return (false, names) }
            continue
        }
        let name = String(tag.prefix { $0 != " " && $0 != "/" })
        names.append(name)
        if !tag.hasSuffix("/") { stack.append(name) }
    }
    return (stack.isEmpty, names)
}

private func lines(_ s: String) -> [[Character]] { s.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init) }

@Suite struct PlotTests {
    @Test func brailleDotBitPatterns() {
        var c = DotCanvas(columns: 1, rows: 1, mode: .braille)
        c.setDot(0, 0, .none)
        #expect(c.grid()[0, 0] == "⠁")  // dot 1 = bit 0x01
        c = DotCanvas(columns: 1, rows: 1, mode: .braille)
        c.setDot(1, 3, .none)
        #expect(c.grid()[0, 0] == "⢀")  // dot 8 = bit 0x80
        c = DotCanvas(columns: 1, rows: 1, mode: .braille)
        c.setDot(0, 3, .none)
        c.setDot(1, 0, .none)
        #expect(c.grid()[0, 0] == "\u{2848}")  // dots 7 and 4: 0x40 | 0x08
        for x in 0..<2 { for y in 0..<4 { c.setDot(x, y, .none) } }
        #expect(c.grid()[0, 0] == "⣿")
        var a = DotCanvas(columns: 3, rows: 1, mode: .ascii)
        a.setDot(0, 0, .none); a.setDot(1, 1, .none); a.setDot(2, 0, .none); a.setDot(2, 1, .none)
        #expect(a.grid()[0, 0] == "'" && a.grid()[1, 0] == "." && a.grid()[2, 0] == ":")
        // Dots outside the canvas are ignored.
        a.setDot(-1, 0, .none); a.setDot(99, 99, .none)
    }

    @Test(arguments: [CanvasMode.braille, .ascii], [false, true])
    func extremePointsLandInCornerColumns(mode: CanvasMode, logX: Bool) throws {
        let chart = Chart(logX: logX, series: [
            ChartSeries(name: nil, kind: .markers("A"), points: [ChartPoint(x: 1, y: 0)]),
            ChartSeries(name: nil, kind: .markers("Z"), points: [ChartPoint(x: 100, y: 1)]),
        ])
        let style = PlotStyle(columns: 50, rows: 12, mode: mode)
        let rows = lines(chart.text(style))
        #expect(rows.count == 12)
        let zRow: Int = try #require(rows.firstIndex { $0.contains("Z") })
        let aRow: Int = try #require(rows.firstIndex { $0.contains("A") })
        // Z: max cost and max score → top plot row, rightmost plot column (the last column is a 1-column margin).
        #expect(zRow == 0)
        #expect(rows[zRow].firstIndex(of: "Z") == 48)
        // A: min cost and min score → bottom plot row (just above the axis line), first plot column (right after
        // the vertical axis).
        let row = rows[aRow]
        #expect(rows[aRow + 1].contains(mode == .braille ? "└" : "+"))
        let axis = row.firstIndex { "┤│+|".contains($0) }
        #expect(axis != nil && row.firstIndex(of: "A") == (axis ?? 0) + 1)
    }

    @Test func ticksAreMonotoneAndInsideTheRange() {
        let cases: [([Double], Bool)] = [
            ([0, 1], false), ([-135.6, -0.5], false), ([3, 3], false), ([0, 0], false), ([], false),
            ([1e-9, 2e-9], false), ([1e6, 1e6 + 1], false), ([1, 100], true), ([1e-6, 1e9], true), ([3.1, 3.9], true),
            ([5, 5], true), ([], true), ([0.001, 0.0031], true), ([-1, 0, 10], true), ([.nan, .infinity, 2, 4], false),
        ]
        for (values, log) in cases {
            for target in [2, 3, 5, 8, 12] {
                let s = AxisScale(values: values, log: log, targetTicks: target)
                #expect(s.lower < s.upper, "\(values) log \(log)")
                #expect(s.lower.isFinite && s.upper.isFinite)
                #expect(s.ticks.count >= 2, "ticks \(values) log \(log) target \(target): \(s.ticks)")
                #expect(s.ticks.count <= 2 * target + 2, "\(values) log \(log) target \(target): \(s.ticks)")
                #expect(zip(s.ticks, s.ticks.dropFirst()).allSatisfy { $0 < $1 })
                #expect(s.ticks.allSatisfy { $0 >= s.lower && $0 <= s.upper })
                for v in values where v.isFinite && (!log || v > 0) {
                    let t = s.position(v) ?? -1
                    #expect(t >= 0 && t <= 1, "\(v) in \(values)")
                }
                let labels = s.ticks.map(s.label)
                #expect(labels.allSatisfy { !$0.isEmpty && !$0.contains("nan") })
            }
        }
        // Log ticks follow 1-2-5 / 1-3 / decades; linear ticks are 1-2-5 multiples.
        #expect(AxisScale(values: [1, 100], log: true, targetTicks: 8).ticks == [1, 2, 5, 10, 20, 50, 100])
        #expect(AxisScale(values: [1e-3, 1], log: true, targetTicks: 8).ticks.map(NumberText.compact)
            == ["1e-3", "3e-3", "0.01", "0.03", "0.1", "0.3", "1"])
        let lin = AxisScale(values: [0.03, 0.97], log: false, targetTicks: 5)
        #expect(lin.lower == 0 && lin.upper == 1 && lin.ticks.map(lin.label) == ["0", "0.2", "0.4", "0.6", "0.8", "1"])
    }

    @Test func numberFormatting() {
        #expect(NumberText.compact(0.25) == "0.25")
        #expect(NumberText.compact(3200) == "3.2k")
        #expect(NumberText.compact(1e9) == "1G")
        #expect(NumberText.compact(1e-3) == "1e-3")
        #expect(NumberText.compact(0.003) == "3e-3")
        #expect(NumberText.compact(-135.6254) == "-136")
        #expect(NumberText.compact(1e18) == "1e18")
        #expect(NumberText.fixed(-0.001, 2) == "0.00")
        #expect(NumberText.fixed(2.345, 1) == "2.3" || NumberText.fixed(2.345, 1) == "2.4")
        #expect(NumberText.fixed(-12.5, 2) == "-12.50")
        #expect(NumberText.fixed(.nan, 2) == "nan")
        #expect(NumberText.tick(0.25, step: 0.05) == "0.25")
        #expect(NumberText.tick(-1e-17, step: 0.1) == "0")
        #expect(NumberText.tick(12500, step: 2500) == "12.5k")
    }

    /// Degenerate inputs: never crash, never NaN, always the requested number of lines.
    static let degenerate: [ScatterPlot] = [
        ScatterPlot(runs: []),
        ScatterPlot(runs: [ParetoPoint(score: 1, cost: 1, index: 0)]),
        ScatterPlot(runs: (0..<4).map { ParetoPoint(score: Double($0), cost: 5, index: $0) }),
        ScatterPlot(runs: (0..<4).map { ParetoPoint(score: 2, cost: Double($0 + 1), index: $0) }),
        ScatterPlot(runs: [], failureCosts: [1, 2, .nan, -3, .infinity]),
        ScatterPlot(runs: [ParetoPoint(score: -5, cost: 1e-6, index: 0), ParetoPoint(score: -1, cost: 1e9, index: 1)]),
        ScatterPlot(runs: [ParetoPoint(score: .nan, cost: 1, index: 0), ParetoPoint(score: 1, cost: .infinity, index: 1),
                           ParetoPoint(score: 1, cost: -2, index: 2), ParetoPoint(score: 1e300, cost: 1e-300, index: 3),
                           ParetoPoint(score: -1e300, cost: 1e300, index: 4)]),
        ScatterPlot(runs: [ParetoPoint(score: 1, cost: 0, index: 0), ParetoPoint(score: 2, cost: 0, index: 1)],
                    pending: [PendingPoint(cost: 3, score: nil), PendingPoint(cost: .nan, score: 1)], logX: false),
    ]

    @Test(arguments: 0..<PlotTests.degenerate.count)
    func degenerateScatterIsSafe(which: Int) {
        let plot = Self.degenerate[which]
        for mode in CanvasMode.allCases {
            for (c, r) in [(80, 24), (16, 6), (1, 1), (200, 60)] {
                let text = plot.text(PlotStyle(columns: c, rows: r, mode: mode, color: true))
                #expect(lines(text).count == max(6, r))
                #expect(!text.contains("nan"))
            }
        }
        let svg = plot.svg()
        #expect(!svg.contains("nan") && !svg.contains("inf"))
        #expect(svgElements(svg).balanced)
    }

    @Test func scatterSVGIsWellFormedWithOneCirclePerRun() {
        let plot = PlotGoldenCases.scatter
        let svg = plot.svg(width: 640, height: 400)
        let (balanced, names) = svgElements(svg)
        #expect(balanced)
        #expect(names.first == "svg")
        #expect(!svg.contains("nan") && !svg.contains("inf"))
        #expect(names.filter { $0 == "circle" }.count == plot.runs.count)
        // The front is one staircase path: 8 front points → M, 7 × (H V), and H V to the right edge.
        let paths = svg.split(separator: "\n").filter { $0.hasPrefix("<path") && $0.contains("stroke=\"#d62728\"") }
        #expect(paths.count == 1)
        #expect((paths.first ?? "").components(separatedBy: " H").count - 1 == 8)
        // Runs sharing an index are still all drawn; non-finite runs draw nothing.
        let shared = ScatterPlot(runs: [ParetoPoint(score: 1, cost: 1, index: 0), ParetoPoint(score: 0, cost: 2, index: 0)])
        #expect(svgElements(shared.svg()).names.filter { $0 == "circle" }.count == 2)
        var bad = plot
        bad.runs.append(ParetoPoint(score: .nan, cost: 3, index: 99))
        #expect(svgElements(bad.svg()).names.filter { $0 == "circle" }.count == plot.runs.count)
    }

    @Test func otherSVGsAreWellFormed() {
        let docs = [
            PlotGoldenCases.history.svg(), PlotGoldenCases.historyCost.svg(), PlotGoldenCases.params.svg(),
            PlotGoldenCases.importance.svg(), HistoryPlot(series: []).svg(), ParamsPlot(params: []).svg(),
            ImportancePlot(items: []).svg(),
            ParamsPlot(params: [ParamTrace(name: "a<b&c", values: [.nan, 1, 1], log: true)], scores: [1, 2, 3],
                       mode: .score).svg(),
        ]
        for svg in docs {
            #expect(svgElements(svg).balanced)
            #expect(!svg.contains("nan") && !svg.contains("inf"))
        }
        #expect(svgElements(PlotGoldenCases.importance.svg()).names.filter { $0 == "rect" }.count == 1 + 5)
        #expect(docs[7].contains("a&lt;b&amp;c"))
        // Params: drift panels draw one circle per finite value.
        #expect(svgElements(PlotGoldenCases.params.svg()).names.filter { $0 == "circle" }.count == 30)
    }

    @Test func colourOnlyWhenAsked() {
        let plot = PlotGoldenCases.scatter
        let plain = plot.text(PlotStyle(columns: 60, rows: 16, mode: .braille, color: false))
        let coloured = plot.text(PlotStyle(columns: 60, rows: 16, mode: .braille, color: true))
        #expect(!plain.contains("\u{1B}"))
        #expect(coloured.contains("\u{1B}[31m") && coloured.contains("\u{1B}[34m") && coloured.contains("\u{1B}[0m"))
        // Stripping the escapes gives back the plain picture.
        var stripped = ""
        var inEscape = false
        for c in coloured {
            if c == "\u{1B}" { inEscape = true; continue }
            if inEscape { if c == "m" { inEscape = false }; continue }
            stripped.append(c)
        }
        #expect(stripped == plain)
    }

    @Test func historyBestSoFar() {
        let s = HistorySeries.bestSoFar(name: "a", scores: [.nan, 2, 1, 3, .nan, 2.5])
        #expect(s.x == [2, 3, 4, 5, 6] && s.y == [2, 2, 3, 3, 3])
        let c = HistorySeries.bestSoFar(name: "a", scores: [5, 3, 4], costs: [1, 2, 4], higherIsBetter: false)
        #expect(c.x == [1, 3, 7] && c.y == [5, 3, 3])
    }

    @Test func importanceSortsAndScales() {
        let plot = ImportancePlot(items: [Relevance(name: "b", value: 1), Relevance(name: "a", value: 4),
                                          Relevance(name: "c", value: 1), Relevance(name: "z", value: -2)])
        #expect(plot.sorted.map(\.name) == ["a", "b", "c", "z"])
        let text = plot.text(PlotStyle(columns: 30, rows: 10, mode: .ascii))
        let rows = lines(text)
        // Width 30 = name (1) + bar + widest value label ("-2", 2) + 3 spaces → a bar of 24 for the largest.
        #expect(String(rows[0]) == "a " + String(repeating: "#", count: 24) + " 4")
        #expect(String(rows[3]) == "z  -2")
        // Too many rows for the space: the last row says how many were left out.
        let short = lines(plot.text(PlotStyle(columns: 30, rows: 3, mode: .ascii)))
        #expect(short.count == 3 && String(short[2]) == "… 2 more")
    }

    @Test func paramsPanelsTileToTheWidth() {
        let p = PlotGoldenCases.params
        #expect(p.panelsPerRow(84) == 3)
        #expect(p.panelsPerRow(60) == 2)
        #expect(p.panelsPerRow(10) == 1)
        let two = lines(p.text(PlotStyle(columns: 60, rows: 8, mode: .ascii)))
        #expect(two.count == 16)
        #expect(two.allSatisfy { $0.count <= 60 })
    }
}
