import Foundation
import Testing

/// `carbs-space --file` on W&B sweeps and mle-toolbox experiment files (Fixtures/, written from their documented
/// formats), and `carbs-space --to wandb`.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
    /// The repository's examples/ folder.
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples")
}

/// A fresh temporary directory for one test.
func interopTempDirectory() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("carbs-interop-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

/// Single-quotes a word for bash.
func shellQuoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

@Suite struct SpaceInteropCLITests {
    @Test func wandbSweepFixtureConvertsToTheExpectedDeclarations() throws {
        let expected = [
            #"{"objective":{"cost":"cost","goal":"minimize","score":"val_loss"}}"#,
            #"{"param":"learning_rate","space":"log","min":1e-05,"max":0.1,"center":0.001,"scale":1}"#,
            #"{"param":"weight_decay","space":"log","min":0.0001,"max":1,"center":0.01,"scale":1}"#,
            #"{"param":"batch_size","space":"log","min":16,"max":256,"integer":true,"step":16,"center":64,"scale":0.3010299956639812}"#,
            #"{"param":"epochs","space":"linear","min":2,"max":20,"integer":true,"center":11,"scale":4.5}"#,
            #"{"param":"layers","space":"linear","min":1,"max":4,"integer":true,"center":3,"scale":0.75}"#,
            #"{"param":"dropout","space":"linear","min":0,"max":0.5,"center":0.25,"scale":0.125}"#,
            #"{"param":"warmup","space":"linear","min":0,"max":1000,"integer":true,"step":100,"center":500,"scale":250}"#,
            #"{"param":"optimizer","space":"choice","values":["adam","sgd","rmsprop"],"center":"adam"}"#,
            #"{"param":"activation","space":"choice","values":["relu","gelu"],"center":"relu"}"#,
            #"{"param":"seed","space":"fixed","value":7}"#,
            #"{"param":"scheduler.kind","space":"fixed","value":"cosine"}"#,
            #"{"param":"scheduler.gamma","space":"linear","min":0.5,"max":0.99,"center":0.745,"scale":0.1225}"#,
        ]
        let detected = try CLI.run("carbs-space", ["--file", Fixtures.path("wandb-sweep.yaml")])
        #expect(detected.status == 0, "\(detected.stderr)")
        #expect(detected.stderr.isEmpty)
        #expect(detected.lines == expected)
        let forced = try CLI.run("carbs-space", ["--from", "wandb", "--file", Fixtures.path("wandb-sweep.yaml")])
        #expect(forced.lines == expected)
        // Flags override the file's objective.
        let flipped = try CLI.run("carbs-space", ["--file", Fixtures.path("wandb-sweep.yaml"), "--maximize", "--cost", "seconds"])
        #expect(flipped.lines.first == #"{"objective":{"cost":"seconds","goal":"maximize","score":"val_loss"}}"#)
        // The same file forced as another format says why it is not one.
        let wrong = try CLI.run("carbs-space", ["--from", "mle-toolbox", "--file", Fixtures.path("wandb-sweep.yaml")])
        #expect(wrong.status == 65)
        #expect(wrong.stderr.contains("wandb-sweep.yaml: an mle-toolbox experiment needs a 'param_search_args' mapping"), "\(wrong.stderr)")
    }

    @Test func mleToolboxFixturesConvertToTheExpectedDeclarations() throws {
        let search = try CLI.run("carbs-space", ["--file", Fixtures.path("mle-toolbox-search.yaml")])
        #expect(search.status == 0, "\(search.stderr)")
        #expect(search.lines == [
            #"{"objective":{"cost":"cost","goal":"maximize","score":"test_acc"}}"#,
            #"{"param":"l_rate","space":"log","min":1e-05,"max":0.01,"center":0.00031622776601683794,"scale":0.75}"#,
            #"{"param":"momentum","space":"linear","min":0.5,"max":0.99,"center":0.745,"scale":0.1225}"#,
            #"{"param":"batch_size","space":"log","min":32,"max":256,"integer":true,"center":91,"scale":0.22577249674798588}"#,
            #"{"param":"num_layers","space":"linear","min":1,"max":5,"integer":true,"center":3,"scale":1}"#,
            #"{"param":"opt_type","space":"choice","values":["Adam","RMSprop","SGD"],"center":"Adam"}"#,
        ])
        let grid = try CLI.run("carbs-space", ["--file", Fixtures.path("mle-toolbox-grid.yaml")])
        #expect(grid.status == 0, "\(grid.stderr)")
        // numpy's linspace(0.001, 0.01, 4) and arange(64, 257, 64), value for value.
        #expect(grid.lines == [
            #"{"objective":{"cost":"cost","goal":"minimize","score":"test_loss"}}"#,
            #"{"param":"opt_type","space":"choice","values":["Adam","RMSprop"],"center":"Adam"}"#,
            #"{"param":"l_rate","space":"choice","values":[0.001,0.004,0.007000000000000001,0.01],"center":0.001}"#,
            #"{"param":"hidden","space":"choice","values":[64,128,192,256],"center":64}"#,
        ])
    }

    @Test func exampleSweepConverts() throws {
        let r = try CLI.run("carbs-space", ["--file", Fixtures.examples.appendingPathComponent("wandb-sweep.yaml").path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        #expect(r.lines.first == #"{"objective":{"cost":"cost","goal":"maximize","score":"val_acc"}}"#)
        #expect(r.lines.count == 7)
    }

    /// Every kind W&B can express comes back as declared.
    @Test func toWandbRoundTripsEveryExpressibleKind() throws {
        let specs = ["lr=log:1e-5:1e-1", "wd=log:1e-6:1e-2:int:step=1e-6", "bs=log:16:256:int:step=16", "units=log:8:1024:int",
                     "x=linear:-5:10", "epochs=linear:1:10:int", "warm=linear:0:1000:step=100", "half=linear:0:2:step=0.5",
                     "opt=choice:adam,sgd,lion", "mixed=choice:1,true,null,yes,a b,it's", "seed=fixed:42", "tag=fixed:run one"]
        let words = specs.map(shellQuoted).joined(separator: " ")
        let direct = try CLI.shell("carbs-space --score val_acc --maximize \(words)")
        #expect(direct.status == 0, "\(direct.stderr)")
        let round = try CLI.shell("carbs-space --to wandb --score val_acc --maximize \(words) | carbs-space --file /dev/stdin")
        #expect(round.status == 0, "\(round.stderr)")
        #expect(round.stderr.isEmpty, "\(round.stderr)")
        #expect(round.lines == direct.lines)
        #expect(round.lines.count == specs.count + 1)
        // Minimize, and through a file.
        let dir = try interopTempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let written = try CLI.run("carbs-space", ["--to", "wandb", "--program", "train.py", "--score", "loss", "--minimize"] + specs, cwd: dir)
        #expect(written.status == 0)
        #expect(written.stdout.contains("\nprogram: train.py\nmethod: bayes\nmetric:\n  name: loss\n  goal: minimize\n"))
        try written.stdout.write(to: dir.appendingPathComponent("sweep.yaml"), atomically: true, encoding: .utf8)
        let back = try CLI.run("carbs-space", ["--file", "sweep.yaml"], cwd: dir)
        #expect(back.lines.first == #"{"objective":{"cost":"cost","goal":"minimize","score":"loss"}}"#)
        #expect(Array(back.lines.dropFirst()) == Array(direct.lines.dropFirst()))
    }

    /// What W&B cannot say: log2 comes back as log (the same distribution), logit as linear (with a warning),
    /// explicit center/scale/cost are dropped (with a warning), names W&B refuses are an error.
    @Test func toWandbLossyCorners() throws {
        let log2 = try CLI.shell("carbs-space --to wandb b=log2:8:512:int | carbs-space --file /dev/stdin")
        #expect(log2.status == 0)
        #expect(log2.lines == [#"{"param":"b","space":"log","min":8,"max":512,"integer":true,"center":64,"scale":0.4515449934959718}"#])

        let logit = try CLI.run("carbs-space", ["--to", "wandb", "g=logit:0.9:0.999"])
        #expect(logit.status == 0)
        #expect(logit.stderr == "carbs-space: --to wandb: parameter 'g': W&B has no logit distribution; written as uniform over [0.9, 0.999] (W&B samples it linearly, and reads back as a linear space)\n")
        #expect(logit.stdout.contains("  g:\n    distribution: uniform\n    min: 0.9\n    max: 0.999\n"))

        let centered = try CLI.run("carbs-space", ["--to", "wandb", "x=linear:0:1:center=0.2", "n=linear:1:9:int:cost", "--cost", "seconds"])
        #expect(centered.status == 0)
        #expect(centered.stderr == """
            carbs-space: --to wandb: W&B sweeps have no cost metric; --cost is left out
            carbs-space: --to wandb: parameter 'x': W&B has no center; left out
            carbs-space: --to wandb: parameter 'n': W&B has no cost; left out

            """)

        let badName = try CLI.run("carbs-space", ["--to", "wandb", "a b=linear:0:1"])
        #expect(badName.status == 65)
        #expect(badName.stdout.isEmpty)
        #expect(badName.stderr == "carbs-space: --to wandb: parameter 'a b': W&B parameter names must start with a letter or '_' and hold only letters, digits, '_', '.' and '-'\n")

        let usage = try CLI.run("carbs-space", ["--program", "train.py", "x=linear:0:1"])
        #expect(usage.status == 64)
        #expect(usage.stderr.contains("--program applies to --to wandb only"))
        let noFile = try CLI.run("carbs-space", ["--from", "wandb", "x=linear:0:1"])
        #expect(noFile.status == 64)
    }

    @Test func errorsNameTheParameterAndTheLine() throws {
        let dir = try interopTempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        func run(_ text: String, _ args: [String] = []) throws -> CLI.Result {
            try text.write(to: dir.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
            return try CLI.run("carbs-space", ["--file", "s.yaml"] + args, cwd: dir)
        }
        let normal = try run("method: random\nparameters:\n  lr:\n    min: 0.1\n    max: 1\n  noise:\n    distribution: normal\n    mu: 0\n    sigma: 1\n")
        #expect(normal.status == 65)
        #expect(normal.stdout.isEmpty)
        #expect(normal.stderr == "s.yaml:7: parameter 'noise': distribution 'normal' has no carbs space (unbounded; carbs spaces are bounded and uniform in linear, log or logit units)\n")

        let badBound = try run("parameters:\n  lr:\n    distribution: log_uniform_values\n    min: 0\n    max: 1\n")
        #expect(badBound.stderr == "s.yaml:2: parameter 'lr': a log space needs min > 0\n")

        let mle = try run("param_search_args:\n  params_to_search:\n    real:\n      x:\n        begin: 0\n        end: one\n")
        #expect(mle.status == 65)
        #expect(mle.stderr == "s.yaml:6: parameter 'x': 'end' must be a finite number, got \"one\"\n")

        // Hostile input: non-finite and out-of-range numbers, empty files, absurd nesting.
        let inf = try run("parameters:\n  x:\n    min: 0\n    max: 1e999\n")
        #expect(inf.status == 65)
        #expect(inf.stderr == "s.yaml:4: parameter 'x': 'max' must be a finite number, got null\n")
        let nan = try run("parameters:\n  x:\n    min: .nan\n    max: 1\n")
        #expect(nan.status == 65)
        #expect(nan.stderr.hasPrefix("s.yaml:3: parameter 'x': 'min' must be a finite number"))
        let empty = try run("")
        #expect(empty.status == 65)
        #expect(empty.stderr == "s.yaml: empty; expected parameter declarations\n")
        let deep = try run("method: random\nparameters:\n" + String(repeating: "[", count: 100_000))
        #expect(deep.status == 65)
        #expect(deep.stderr.contains("nested more than 64 levels deep"))
        let huge = try run("parameters:\n  n:\n    distribution: int_uniform\n    min: 0\n    max: 1e300\n")
        #expect(huge.status == 0)
        let hugeOut = try CLI.shell("carbs-space --to wandb n=linear:0:1e300:int")
        #expect(hugeOut.status == 65)
        #expect(hugeOut.stderr == "carbs-space: --to wandb: parameter 'n': max 1e+300 is too large for an exact W&B integer\n")
    }
}
