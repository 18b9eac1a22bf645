import Foundation
import Testing
@testable import CARBSCore

/// A JSON document as a tree, with the key order of every mapping as written (JSON text keeps it; the decoder does
/// not), so the tests see the order a YAML reader would pass.
private func tree(_ json: String, integers: Set<[String]>? = nil) throws -> (JSONValue, TreeLayout) {
    let value = try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8))
    return (value, TreeLayout(keyOrder: keyOrder(json), integerScalars: integers))
}

/// The key order of each object of a JSON text, by path (a small scanner: strings, objects, arrays, scalars).
private func keyOrder(_ json: String) -> [[String]: [String]] {
    var order: [[String]: [String]] = [:]
    let chars = Array(json.unicodeScalars)
    var i = 0
    func skip() { while i < chars.count, " \n\t\r".unicodeScalars.contains(chars[i]) { i += 1 } }
    func string() -> String {
        var s = ""
        i += 1
        while i < chars.count, chars[i] != "\"" {
            if chars[i] == "\\" { i += 1 }
            s.unicodeScalars.append(chars[i])
            i += 1
        }
        i += 1
        return s
    }
    func value(_ path: [String]) {
        skip()
        guard i < chars.count else { return }
        switch chars[i] {
        case "{":
            i += 1
            var keys: [String] = []
            while true {
                skip()
                if chars[i] == "}" { i += 1; break }
                if chars[i] == "," { i += 1; continue }
                let k = string()
                keys.append(k)
                skip()
                i += 1  // ':'
                value(path + [k])
            }
            order[path] = keys
        case "[":
            i += 1
            while true {
                skip()
                if chars[i] == "]" { i += 1; break }
                if chars[i] == "," { i += 1; continue }
                value(path + ["[]"])
            }
        case "\"": _ = string()
        default:
            while i < chars.count, !",}] \n".unicodeScalars.contains(chars[i]) { i += 1 }
        }
    }
    value([])
    return order
}

/// The declaration records of parameters, one JSON line each.
private func lines(_ ps: [Parameter]) -> [String] { ps.map { JSONWriter.line($0.declarationPairs) } }

private func wandbError(_ json: String) -> InteropError? {
    do {
        let (v, layout) = try tree(json)
        _ = try WandbSweep.read(v, layout: layout)
        return nil
    } catch let e as InteropError {
        return e
    } catch {
        return InteropError(path: [], "\(error)")
    }
}

private func mleError(_ json: String) -> InteropError? {
    do {
        let (v, layout) = try tree(json)
        _ = try MLEToolbox.read(v, layout: layout)
        return nil
    } catch let e as InteropError {
        return e
    } catch {
        return InteropError(path: [], "\(error)")
    }
}

@Suite struct WandbSweepReadTests {
    @Test func everyDistributionBecomesItsDeclaration() throws {
        let (v, layout) = try tree("""
            {"method":"bayes","metric":{"name":"val_acc","goal":"maximize"},"parameters":{
              "lr":{"distribution":"log_uniform_values","min":1e-5,"max":0.1},
              "wd":{"distribution":"log_uniform","min":-9.210340371976182,"max":0},
              "bs":{"distribution":"q_log_uniform_values","min":16,"max":256,"q":16},
              "units":{"distribution":"q_log_uniform_values","min":8,"max":64},
              "epochs":{"distribution":"int_uniform","min":1,"max":10},
              "drop":{"distribution":"uniform","min":0,"max":0.5},
              "warm":{"distribution":"q_uniform","min":0,"max":1000,"q":100},
              "half":{"distribution":"q_uniform","min":0,"max":2,"q":0.5},
              "opt":{"distribution":"categorical","values":["adam","sgd"]},
              "seed":{"distribution":"constant","value":3},
              "qln":{"distribution":"q_log_uniform","min":0,"max":4.605170185988092,"q":10}
            }}
            """)
        let s = try WandbSweep.read(v, layout: layout)
        #expect(s.scoreKey == "val_acc")
        #expect(s.maximize == true)
        #expect(lines(s.parameters) == [
            #"{"param":"lr","space":"log","min":1e-05,"max":0.1,"center":0.001,"scale":1}"#,
            #"{"param":"wd","space":"log","min":0.0001,"max":1,"center":0.01,"scale":1}"#,
            #"{"param":"bs","space":"log","min":16,"max":256,"integer":true,"step":16,"center":64,"scale":0.3010299956639812}"#,
            #"{"param":"units","space":"log","min":8,"max":64,"integer":true,"center":23,"scale":0.22577249674798588}"#,
            #"{"param":"epochs","space":"linear","min":1,"max":10,"integer":true,"center":6,"scale":2.25}"#,
            #"{"param":"drop","space":"linear","min":0,"max":0.5,"center":0.25,"scale":0.125}"#,
            #"{"param":"warm","space":"linear","min":0,"max":1000,"integer":true,"step":100,"center":500,"scale":250}"#,
            #"{"param":"half","space":"linear","min":0,"max":2,"integer":true,"step":0.5,"center":1,"scale":0.5}"#,
            #"{"param":"opt","space":"choice","values":["adam","sgd"],"center":"adam"}"#,
            #"{"param":"seed","space":"fixed","value":3}"#,
            #"{"param":"qln","space":"log","min":1,"max":100,"integer":true,"step":10,"center":10,"scale":0.5}"#,
        ])
    }

    @Test func inferenceFollowsWandb() throws {
        // min/max written as integers: int_uniform; written as floats: uniform; values: categorical; value: constant.
        let json = """
            {"parameters":{"a":{"min":1,"max":4},"b":{"min":1.0,"max":4.0},"c":{"values":[1,2]},"d":{"value":"x"}}}
            """
        let (v, layout) = try tree(json, integers: [["parameters", "a", "min"], ["parameters", "a", "max"]])
        let s = try WandbSweep.read(v, layout: layout)
        #expect(lines(s.parameters) == [
            #"{"param":"a","space":"linear","min":1,"max":4,"integer":true,"center":3,"scale":0.75}"#,
            #"{"param":"b","space":"linear","min":1,"max":4,"center":2.5,"scale":0.75}"#,
            #"{"param":"c","space":"choice","values":[1,2],"center":1}"#,
            #"{"param":"d","space":"fixed","value":"x"}"#,
        ])
        // No metric, no objective.
        #expect(s.scoreKey == nil && s.maximize == nil)
    }

    @Test func goalDefaultsToMinimizeAndNumbersMayBeStrings() throws {
        // PyYAML reads 1e-5 as a string; W&B users write it anyway.
        let (v, layout) = try tree(#"{"metric":{"name":"loss"},"parameters":{"lr":{"distribution":"log_uniform_values","min":"1e-5","max":"1e-1"}}}"#)
        let s = try WandbSweep.read(v, layout: layout)
        #expect(s.scoreKey == "loss" && s.maximize == false)
        #expect(lines(s.parameters) == [#"{"param":"lr","space":"log","min":1e-05,"max":0.1,"center":0.001,"scale":1}"#])
    }

    @Test func nestedParametersAreFlattenedWithDots() throws {
        let (v, layout) = try tree(#"{"parameters":{"opt":{"parameters":{"name":{"value":"adam"},"beta":{"parameters":{"b1":{"distribution":"uniform","min":0.8,"max":0.99}}}}},"z":{"value":1}}}"#)
        let s = try WandbSweep.read(v, layout: layout)
        #expect(s.parameters.map(\.name) == ["opt.name", "opt.beta.b1", "z"])
        #expect(wandbError(#"{"parameters":{"opt":{"parameters":{"a":{"value":1}},"value":2}}}"#)?.message
            == "parameter 'opt': nested 'parameters' cannot have 'value' beside them")
    }

    @Test func whatCarbsCannotExpressIsRefusedByName() {
        for d in ["normal", "q_normal", "log_normal", "q_log_normal"] {
            let e = wandbError(#"{"parameters":{"x":{"distribution":"\#(d)","mu":0,"sigma":1}}}"#)
            #expect(e?.message == "parameter 'x': distribution '\(d)' has no carbs space (unbounded; carbs spaces are bounded and uniform in linear, log or logit units)")
            #expect(e?.path == ["parameters", "x", "distribution"])
        }
        for d in ["beta", "inv_log_uniform_values"] {
            #expect(wandbError(#"{"parameters":{"x":{"distribution":"\#(d)","min":1,"max":2}}}"#)?.message.hasPrefix("parameter 'x': distribution '\(d)' has no carbs space") == true)
        }
        #expect(wandbError(#"{"parameters":{"x":{"distribution":"categorical_w_probabilities","values":[1,2],"probabilities":[0.5,0.5]}}}"#)?.message
            == "parameter 'x': distribution 'categorical_w_probabilities' has no carbs space (weighted (carbs choices have no probabilities); carbs spaces are bounded and uniform in linear, log or logit units)")
        #expect(wandbError(#"{"parameters":{"x":{"distribution":"zipf","min":1,"max":2}}}"#)?.message == "parameter 'x': unknown distribution 'zipf'")
    }

    @Test func badEntriesSayWhatIsWrong() {
        #expect(wandbError(#"{"parameters":{"x":{"distribution":"uniform","min":0,"mx":1}}}"#)?.message
            == "parameter 'x': 'mx' does not belong to distribution 'uniform' (it takes distribution, max, min)")
        #expect(wandbError(#"{"parameters":{"x":{"distribution":"uniform","min":0}}}"#)?.message
            == "parameter 'x': distribution 'uniform' needs 'max'")
        #expect(wandbError(#"{"parameters":{"x":{"distribution":"uniform","min":1,"max":0}}}"#)?.message
            == "parameter 'x': min (1) must be less than max (0)")
        #expect(wandbError(#"{"parameters":{"x":{"distribution":"int_uniform","min":0.5,"max":3}}}"#)?.message
            == "parameter 'x': int_uniform needs integer bounds, got min 0.5")
        #expect(wandbError(#"{"parameters":{"x":{"distribution":"q_uniform","min":0,"max":3,"q":-1}}}"#)?.message
            == "parameter 'x': 'q' must be a positive number, got -1")
        #expect(wandbError(#"{"parameters":{"x":{"distribution":"log_uniform_values","min":0,"max":3}}}"#)?.message
            == "parameter 'x': a log space needs min > 0")
        #expect(wandbError(#"{"parameters":{"x":{"distribution":"log_uniform","min":0,"max":1000}}}"#)?.message
            == "parameter 'x': e^max is not a positive finite number")
        #expect(wandbError(#"{"parameters":{"x":{"distribution":"uniform","min":"abc","max":1}}}"#)?.message
            == "parameter 'x': 'min' must be a finite number, got \"abc\"")
        #expect(wandbError(#"{"parameters":{"x":[1,2]}}"#)?.message
            == "parameter 'x': must be a mapping such as {min: 0, max: 1} or {values: [a, b]}")
        #expect(wandbError(#"{"parameters":{"x":{"q":1}}}"#)?.message
            == "parameter 'x': no 'distribution', and no 'values', 'value' or 'min' and 'max' to infer one from")
        #expect(wandbError(#"{"parameters":{"x":{"values":[]}}}"#)?.message == "parameter 'x': a choice space needs a non-empty 'values' array")
        #expect(wandbError(#"{"metrics":[{"name":"a"},{"name":"b"}],"parameters":{"x":{"value":1}}}"#)?.message
            == "'metrics' (several objectives) has no carbs objective: give one 'metric: {name, goal}'")
        #expect(wandbError(#"{"metric":{"name":"a","goal":"up"},"parameters":{"x":{"value":1}}}"#)?.message
            == "metric goal must be maximize or minimize, got \"up\"")
        #expect(wandbError(#"{"method":"grid"}"#)?.message == "a W&B sweep needs 'parameters'")
        #expect(wandbError(#"{"parameters":{}}"#)?.message == "'parameters' declares nothing")
        #expect(wandbError("[1]")?.message == "a W&B sweep must be a mapping with 'parameters'")
    }

    @Test func detection() throws {
        #expect(WandbSweep.looksLike(try tree(#"{"method":"random","parameters":{}}"#).0))
        #expect(WandbSweep.looksLike(try tree(#"{"parameters":{"a":{"min":0,"max":1}}}"#).0))
        #expect(!WandbSweep.looksLike(try tree(#"{"parameters":{"a":{"space":"linear","min":0,"max":1}}}"#).0))
        #expect(!WandbSweep.looksLike(try tree(#"{"a":{"space":"linear","min":0,"max":1}}"#).0))
        #expect(MLEToolbox.looksLike(try tree(#"{"param_search_args":{}}"#).0))
        // carbs parameters may be called like a sweep's keys.
        #expect(!WandbSweep.looksLike(try tree(#"{"method":{"space":"choice","values":["a","b"]},"x":{"space":"linear","min":0,"max":1}}"#).0))
        #expect(!MLEToolbox.looksLike(try tree(#"{"param_search_args":{"space":"fixed","value":1}}"#).0))
    }
}

@Suite struct WandbSweepWriteTests {
    private func space(_ specs: [String]) throws -> Space { Space(try specs.map { try CompactSpec.parse($0) }) }

    @Test func writesEveryKindAsTheSweepW_BDocuments() throws {
        let s = try space(["lr=log:1e-5:1e-1", "bs=log2:16:256:int:step=16", "units=log:8:64:int", "x=linear:-5:10",
                           "epochs=linear:1:10:int", "warm=linear:0:1000:step=100", "opt=choice:adam,sgd,1,true",
                           "seed=fixed:42", "yes=choice:a b,it's"])
        let out = try WandbSweep.write(s, scoreKey: "val_acc", maximize: true, program: "train.py")
        #expect(out.warnings.isEmpty)
        #expect(out.yaml == """
            # W&B sweep configuration written by carbs-space: `wandb sweep FILE` creates the sweep.
            program: train.py
            method: bayes
            metric:
              name: val_acc
              goal: maximize
            parameters:
              lr:
                distribution: log_uniform_values
                min: 1.0e-05
                max: 0.1
              bs:
                distribution: q_log_uniform_values
                min: 16
                max: 256
                q: 16
              units:
                distribution: q_log_uniform_values
                min: 8
                max: 64
                q: 1
              x:
                distribution: uniform
                min: -5
                max: 10
              epochs:
                distribution: int_uniform
                min: 1
                max: 10
              warm:
                distribution: q_uniform
                min: 0
                max: 1000
                q: 100
              opt:
                distribution: categorical
                values: [adam, sgd, 1, true]
              seed:
                value: 42
              "yes":
                distribution: categorical
                values: ["a b", "it's"]

            """)
    }

    @Test func withoutAMetricTheSearchIsRandomAndTheProgramACommment() throws {
        let out = try WandbSweep.write(try space(["x=linear:0:1"]), scoreKey: nil, maximize: true, program: nil)
        #expect(out.yaml.contains("\nmethod: random\n"))
        #expect(!out.yaml.contains("metric"))
        #expect(out.yaml.contains("\n# program: train.py"))
    }

    @Test func lossyCornersWarnOrRefuse() throws {
        let out = try WandbSweep.write(try space(["g=logit:0.9:0.999", "x=linear:0:1:center=0.2:scale=0.1", "n=linear:1:100:int:cost"]),
                                       scoreKey: nil, maximize: true, program: nil)
        #expect(out.warnings == [
            "parameter 'g': W&B has no logit distribution; written as uniform over [0.9, 0.999] (W&B samples it linearly, and reads back as a linear space)",
            "parameter 'x': W&B has no center, scale; left out",
            "parameter 'n': W&B has no cost; left out",
        ])
        #expect(out.yaml.contains("  g:\n    distribution: uniform\n    min: 0.9\n    max: 0.999\n"))
        let spaced = try space(["a b=linear:0:1"])
        do {
            _ = try WandbSweep.write(spaced, scoreKey: nil, maximize: true, program: nil)
            Issue.record("a name W&B refuses was written")
        } catch {
            #expect(error.message == "parameter 'a b': W&B parameter names must start with a letter or '_' and hold only letters, digits, '_', '.' and '-'")
        }
    }

    @Test func quantizedBoundsMoveInsideToMultiples() throws {
        let out = try WandbSweep.write(try space(["w=linear:3:98:step=5", "n=linear:0.5:9.5:int", "u=log:3:1000:step=8"]),
                                       scoreKey: nil, maximize: true, program: nil)
        #expect(out.yaml.contains("  w:\n    distribution: q_uniform\n    min: 5\n    max: 95\n    q: 5\n"))
        #expect(out.yaml.contains("  \"n\":\n    distribution: int_uniform\n    min: 1\n    max: 9\n"))
        #expect(out.yaml.contains("  u:\n    distribution: q_log_uniform_values\n    min: 8\n    max: 1000\n    q: 8\n"))
    }

    @Test func yamlScalarsReadTheSameInYAML11And12() {
        #expect(YAMLText.number(1e-5) == "1.0e-05")
        #expect(YAMLText.number(1.5e-7) == "1.5e-07")
        #expect(YAMLText.number(1e16) == "1.0e+16")
        #expect(YAMLText.number(0.1) == "0.1")
        #expect(YAMLText.number(16) == "16")
        #expect(YAMLText.number(-3) == "-3")
        #expect(YAMLText.number(-0.0) == "-0.0")
        #expect(YAMLText.number(.greatestFiniteMagnitude) == "1.7976931348623157e+308")
        #expect(YAMLText.key("lr") == "lr")
        #expect(YAMLText.key("On") == "\"On\"")
        #expect(YAMLText.key("n") == "\"n\"")
        #expect(YAMLText.key("1x") == "\"1x\"")
        #expect(YAMLText.key("a.b-c_d") == "a.b-c_d")
        #expect(YAMLText.flow(.string("null")) == "\"null\"")
        #expect(YAMLText.flow(.string("")) == "\"\"")
        #expect(YAMLText.quote("a\"b\\c\nd\te\u{7f}\u{85}\u{2028}\u{1F600}") == #""a\"b\\c\nd\te\u007f\u0085\u2028😀""#)
        #expect(YAMLText.flow(.array([.null, .bool(false), .object(["k": .array([1])])])) == #"[null, false, {"k": [1]}]"#)
    }
}

@Suite struct MLEToolboxReadTests {
    @Test func newerLayoutWithPriorsAndObjective() throws {
        let (v, layout) = try tree("""
            {"param_search_args":{"search_logging":{"max_objective":false,"eval_metrics":["test_loss","acc"]},
             "search_config":{"search_type":"smbo","search_params":{
               "real":{"lrate":{"begin":"1e-4","end":0.1,"prior":"log-uniform"},"mom":{"begin":0.5,"end":0.9,"prior":"uniform"}},
               "integer":{"bs":{"begin":16,"end":256,"prior":"log-uniform"},"layers":{"begin":1,"end":4}},
               "categorical":{"opt":["adam","sgd"]}}}}}
            """)
        let s = try MLEToolbox.read(v, layout: layout)
        #expect(s.scoreKey == "test_loss" && s.maximize == false)
        #expect(lines(s.parameters) == [
            #"{"param":"lrate","space":"log","min":0.0001,"max":0.1,"center":0.0031622776601683794,"scale":0.75}"#,
            #"{"param":"mom","space":"linear","min":0.5,"max":0.9,"center":0.7,"scale":0.1}"#,
            #"{"param":"bs","space":"log","min":16,"max":256,"integer":true,"center":64,"scale":0.3010299956639812}"#,
            #"{"param":"layers","space":"linear","min":1,"max":4,"integer":true,"center":3,"scale":0.75}"#,
            #"{"param":"opt","space":"choice","values":["adam","sgd"],"center":"adam"}"#,
        ])
    }

    @Test func olderLayoutGridAndRandom() throws {
        let grid = try tree("""
            {"param_search_args":{"search_type":"grid","maximize_objective":true,"eval_score_type":"reward",
             "params_to_search":{"real":{"x":{"begin":0,"end":1,"bins":3}},"integer":{"k":{"begin":2,"end":9,"spacing":3}},
              "categorical":{"c":[0,1]}}}}
            """)
        let g = try MLEToolbox.read(grid.0, layout: grid.1)
        #expect(g.scoreKey == "reward" && g.maximize == true)
        #expect(lines(g.parameters) == [
            #"{"param":"x","space":"choice","values":[0,0.5,1],"center":0}"#,
            #"{"param":"k","space":"choice","values":[2,5,8],"center":2}"#,
            #"{"param":"c","space":"choice","values":[0,1],"center":0}"#,
        ])
        // A random search draws integers from arange(begin, end): the end is excluded. bins apply to grids only.
        let random = try tree(#"{"param_search_args":{"search_type":"random","params_to_search":{"integer":{"k":{"begin":1,"end":5}},"real":{"x":{"begin":0,"end":1,"bins":3}}}}}"#)
        let r = try MLEToolbox.read(random.0, layout: random.1)
        #expect(r.maximize == true && r.scoreKey == nil)
        #expect(lines(r.parameters) == [
            #"{"param":"k","space":"linear","min":1,"max":4,"integer":true,"center":3,"scale":0.75}"#,
            #"{"param":"x","space":"linear","min":0,"max":1,"center":0.5,"scale":0.25}"#,
        ])
    }

    @Test func badEntries() {
        #expect(mleError(#"{"param_search_args":{"search_type":"grid"}}"#)?.message
            == "param_search_args has no 'params_to_search' (or 'search_config: {search_params: ...}')")
        #expect(mleError(#"{"param_search_args":{"params_to_search":{"bool":{"a":[true]}}}}"#)?.message
            == "unknown parameter kind 'bool' (mle-toolbox has categorical, real and integer)")
        #expect(mleError(#"{"param_search_args":{"params_to_search":{"real":{"a":{"begin":0}}}}}"#)?.message
            == "parameter 'a': a real parameter needs 'end'")
        #expect(mleError(#"{"param_search_args":{"params_to_search":{"real":{"a":{"begin":0,"end":1,"prior":"normal"}}}}}"#)?.message
            == "parameter 'a': prior must be uniform or log-uniform, got \"normal\"")
        #expect(mleError(#"{"param_search_args":{"params_to_search":{"integer":{"a":{"begin":0.5,"end":3}}}}}"#)?.message
            == "parameter 'a': 'begin' of an integer parameter must be an integer, got 0.5")
        #expect(mleError(#"{"param_search_args":{"search_type":"grid","params_to_search":{"real":{"a":{"begin":0,"end":1,"bins":1e9}}}}}"#)?.message
            == "parameter 'a': more than 100000 bins")
        #expect(mleError(#"{"param_search_args":{"search_type":"grid","params_to_search":{"integer":{"a":{"begin":0,"end":1e12}}}}}"#)?.message
            == "parameter 'a': the grid has more than 100000 values")
        #expect(mleError(#"{"param_search_args":{"search_type":"grid","params_to_search":{"real":{"a":{"begin":-1e308,"end":1e308,"bins":3}}}}}"#)?.message
            == "parameter 'a': the range [-1e+308, 1e+308] is too wide for a double")
        #expect(mleError(#"{"param_search_args":{"params_to_search":{"categorical":{"a":"x"}}}}"#)?.message
            == "parameter 'a': a categorical parameter is a list of its values")
        #expect(mleError(#"{"param_search_args":{"maximize_objective":"yes","params_to_search":{"categorical":{"a":["x"]}}}}"#)?.message
            == "'maximize_objective' must be true or false, got \"yes\"")
        #expect(mleError(#"{"param_search_args":{"params_to_search":{"real":{"a":{"begin":0,"end":1,"step":3}}}}}"#)?.message
            == "parameter 'a': unknown key 'step' for a real parameter (it takes begin, bins, end, prior)")
    }
}
