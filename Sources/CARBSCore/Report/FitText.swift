/// The `carbs-fit --format text` table for people.
public enum FitText {
    public static func render(_ report: FitReport) -> String {
        var out = ""
        for m in report.models {
            out += "\(m.model) model: \(m.observations) observations"
            if m.pointsUsed != m.observations { out += " (\(m.pointsUsed) used)" }
            if let f = m.failures { out += ", \(f) failures" }
            if let t = m.transform { out += ", transform \(t)" }
            out += "\n"
            if let h = m.hyperparameters {
                out += "  signal variance \(fmt(h.signalVariance))  noise variance \(fmt(h.noiseVariance))  mean \(fmt(h.mean))"
                if let l = h.linearVariance { out += "  linear variance \(fmt(l))" }
                out += "\n"
            }
            if let r2 = m.looR2 { out += "  leave-one-out R² \(fmt(r2))" }
            if let s = m.looMSLL { out += "  MSLL \(fmt(s))" }
            if m.looR2 != nil || m.looMSLL != nil { out += "\n" }
            if !m.relevance.isEmpty {
                let width = m.relevance.map(\.0.count).max() ?? 0
                let ls = Dictionary(m.lengthscales, uniquingKeysWith: { a, _ in a })
                out += "  " + pad("parameter", max(width, 9)) + "  relevance  lengthscale\n"
                for (name, r) in m.relevance {
                    let bar = String(repeating: "█", count: Int((r * 20).rounded()))
                    let l = ls[name].map(fmt) ?? "(one-hot)"
                    out += "  " + pad(TerminalText.visible(name), max(width, 9))
                        + "  " + pad(fmt(r), 9) + "  "
                        + pad(l, 11) + "  " + bar + "\n"
                }
            }
        }
        return out
    }

    static func fmt(_ x: Double) -> String { NumberText.rounded(x) }
}

extension FitText {
    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }
}
