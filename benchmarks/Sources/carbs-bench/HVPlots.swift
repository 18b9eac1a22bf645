/// Plots of median HV against trials. The Plot module is not on main yet: nothing is rendered.
enum HVPlots {
    static func render(quality: QualityResults, directory: String) -> [String: (text: String, svgPath: String)] { [:] }
}
