import ArgumentParser
import CARBSCore

// Option values that name a core choice are parsed straight into the core's enums: `--help`, the man pages and the
// completions list their values, and a wrong value is a usage error (exit 64) that names the valid ones.

extension Strategy: ExpressibleByArgument {}
extension OutputTransform: ExpressibleByArgument {}
extension SamplingMethod: ExpressibleByArgument {}
extension ParamsPlot.Mode: ExpressibleByArgument {}
extension RunFormat: ExpressibleByArgument {}
