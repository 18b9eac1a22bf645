import Foundation
import Testing
@testable import CARBSCore

/// Builds a parameter from a declaration record written as a Swift dictionary.
private func declare(_ o: [String: JSONValue]) throws -> Parameter { try Parameter(declaration: o) }

/// The message of the error a declaration throws (nil when it parses).
private func declarationError(_ o: [String: JSONValue]) -> String? {
    do {
        _ = try Parameter(declaration: o)
        return nil
    } catch {
        return error.message
    }
}

private func compactError(_ s: String) -> String? {
    do {
        _ = try CompactSpec.parse(s)
        return nil
    } catch {
        return error.message
    }
}

/// Decodes one JSON object with the log's decoder.
func decodeObject(_ json: String) throws -> [String: JSONValue]? {
    try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)).objectValue
}

private func close(_ a: Double, _ b: Double, _ tol: Double = 1e-12) -> Bool { abs(a - b) <= tol * max(1, abs(b)) }

@Suite struct SpaceTransformTests {
    @Test func linearRoundTripAndDefaults() throws {
        let p = try declare(["param": "x", "space": "linear", "min": -5, "max": 10])
        // Range 15: u = (v + 5) / 15.
        #expect(p.unit(-5) == 0)
        #expect(p.unit(10) == 1)
        #expect(p.unit(2.5) == 0.5)              // 7.5 / 15
        #expect(close(p.unit(4) ?? -1, 0.6))    // 9 / 15
        #expect(close(p.value(unit: 0.2), -2))  // -5 + 0.2·15
        // Center = middle of [-5, 10] = 2.5, scale = 15 / 4 = 3.75.
        #expect(p.center == 2.5)
        #expect(p.scale == 3.75)
        #expect(!p.explicitCenter && !p.explicitScale)
        for v in [-5.0, -1.25, 0, 3.3, 9.999, 10] {
            #expect(close(p.value(unit: p.unit(v) ?? -1), v))
        }
    }

    @Test func log10RoundTripAndDefaults() throws {
        let p = try declare(["param": "lr", "space": "log", "min": 1e-5, "max": 0.1])
        // T = log10: [-5, -1], width 4 decades.
        #expect(p.base == 10)
        #expect(p.unit(1e-3) == 0.5)     // (-3 + 5) / 4
        #expect(p.unit(1e-4) == 0.25)    // (-4 + 5) / 4
        #expect(close(p.value(unit: 0.75), 1e-2))   // 10^(-5 + 3)
        #expect(close(p.center, 1e-3))   // geometric mean sqrt(1e-5 · 1e-1)
        #expect(p.scale == 1)            // 4 decades / 4
        for v in [1e-5, 3e-5, 1e-3, 0.0456, 0.1] {
            #expect(close(p.value(unit: p.unit(v) ?? -1), v))
        }
    }

    @Test func log10IsExactOnPowersOfTen() throws {
        // log(1000)/log(10) is 2.9999999999999996 in doubles; the transform must give exactly 3.
        let p = try declare(["param": "k", "space": "log", "min": 1, "max": 1000])
        #expect(p.transform(1000) == 3)
        #expect(p.scale == 0.75)                         // 3 decades / 4
        #expect(close(p.center, 31.622776601683793))     // sqrt(1000)
        #expect(p.value(unit: 1) == 1000)
        #expect(p.value(unit: 2.0 / 3.0) == 100)         // 10^2
    }

    @Test func log2RoundTrip() throws {
        let p = try declare(["param": "b", "space": "log", "min": 8, "max": 512, "base": 2])
        // T = log2: [3, 9], width 6.
        #expect(p.unit(64) == 0.5)                  // (6 - 3) / 6
        #expect(close(p.unit(32) ?? -1, 1.0 / 3))   // (5 - 3) / 6
        #expect(p.value(unit: 0.5) == 64)           // 2^6 exactly
        #expect(p.center == 64)
        #expect(p.scale == 1.5)                     // 6 doublings / 4
        let q = try CompactSpec.parse("b=log2:8:512:int")
        #expect(q.base == 2 && q.integer)
        #expect(q.value(unit: 1.0 / 3) == 32)        // 2^(3 + 2) = 32
        #expect(q.value(unit: 0.4) == 42)            // 2^(3 + 0.4·6) = 2^5.4 = 42.22 → 42
    }

    @Test func logitRoundTripAndDefaults() throws {
        let p = try declare(["param": "g", "space": "logit", "min": 0.9, "max": 0.999])
        // T(v) = log10(v / (1 − v)): T(0.9) = log10 9, T(0.999) = log10 999; width log10 111.
        #expect(close(p.unit(0.9) ?? -1, 0))
        #expect(close(p.unit(0.999) ?? -1, 1))
        // T(0.99) = log10 99, so u = (log10 99 − log10 9) / log10 111 = log10 11 / log10 111.
        #expect(close(p.unit(0.99) ?? -1, 1.0413926851582251 / 2.0453229787866576))
        // Center: odds = sqrt(9 · 999) = sqrt(8991), v = odds / (1 + odds) ≈ 0.98956.
        let odds = 8991.0.squareRoot()
        #expect(close(p.center, odds / (1 + odds)))
        #expect(close(p.scale, 2.0453229787866576 / 4))
        for v in [0.9, 0.95, 0.99, 0.995, 0.999] {
            #expect(close(p.value(unit: p.unit(v) ?? -1), v))
        }
        #expect(p.unit(1) == nil)
        #expect(p.unit(0) == nil)
    }

    @Test func integerRounding() throws {
        let p = try CompactSpec.parse("n=linear:0:10:int")
        #expect(p.value(unit: 0.34) == 3)   // 3.4 → 3
        #expect(p.value(unit: 0.36) == 4)   // 3.6 → 4
        #expect(p.value(unit: 0.35) == 4)   // 3.5 → 4 (half away from zero)

        let w = try CompactSpec.parse("w=log:64:4096:int:step=8")
        #expect(w.integer && w.step == 8)
        #expect(w.rounded(100) == 104)      // 12.5 steps → 13 · 8
        #expect(w.rounded(60) == 64)        // 7.5 → 8 · 8 = 64
        #expect(w.rounded(5000) == 4096)    // 625 · 8 = 5000 > 4096 → 512 · 8
        #expect(w.center == 512)            // sqrt(64 · 4096) = 512 = 64 · 8
        #expect(w.problem(with: 100) != nil)
        #expect(w.problem(with: 104) == nil)

        // Bounds that are not multiples: [1, 10] with step 4 holds 4 and 8 only.
        let s = try CompactSpec.parse("s=linear:1:10:step=4")
        #expect(s.rounded(1) == 4)          // 0.25 → 0 steps = 0 < 1 → ceil(1/4)·4
        #expect(s.rounded(10) == 8)         // 2.5 → 3 steps = 12 > 10 → floor(10/4)·4
        #expect(s.value(unit: 0) == 4)
        #expect(s.value(unit: 1) == 8)
    }

    @Test func fractionalStepGivesDecimalValues() throws {
        let p = try CompactSpec.parse("d=linear:0:1:step=0.1")
        // 3 · 0.1 = 0.30000000000000004 in doubles; a step of 0.1 must give 0.3.
        #expect(p.value(unit: 0.3) == 0.3)
        #expect(p.value(unit: 0.7) == 0.7)
        #expect(p.rounded(0.29) == 0.3)
        #expect(p.problem(with: 0.3) == nil)
        #expect(p.problem(with: 0.7) == nil)
        #expect(p.problem(with: 0.35) != nil)
    }

    @Test func outOfBounds() throws {
        let p = try declare(["param": "lr", "space": "log", "min": 1e-5, "max": 0.1])
        // Unit coordinates are not clamped: 1 is 5 decades above 1e-5, 5/4 of the range.
        #expect(p.unit(1) == 1.25)
        #expect(p.unit(1e-6) == -0.25)
        #expect(p.unit(0) == nil)
        #expect(p.unit(-1) == nil)
        // Values are clamped.
        #expect(close(p.value(unit: 1.25), 0.1))
        #expect(close(p.value(unit: -3), 1e-5))
        #expect(close(p.value(unit: .nan), 1e-3))
        #expect(p.problem(with: 1) != nil)
        #expect(p.problem(with: "a") != nil)
        #expect(p.problem(with: 0.01) == nil)
        let x = try CompactSpec.parse("x=linear:0:1")
        #expect(x.unit(.infinity) == nil)
        #expect(x.problem(with: .number(.nan)) != nil)
    }

    @Test func choiceOneHot() throws {
        let space = Space([
            try CompactSpec.parse("lr=log:1e-5:1e-1"),
            try CompactSpec.parse("opt=choice:adam,lion,sgd"),
            try CompactSpec.parse("seed=fixed:42"),
            try CompactSpec.parse("b=log2:8:512:int"),
        ])
        #expect(space.encodedDimension == 5)   // 1 + 3 + 0 + 1
        #expect(space.encodedNames == ["lr", "opt=adam", "opt=lion", "opt=sgd", "b"])
        let x = try space.encode(["lr": 1e-3, "opt": "lion", "seed": 42, "b": 64]).get()
        #expect(x == [0.5, 0, 1, 0, 0.5])
        let back = space.decode(x)
        #expect(back.map(\.0) == ["lr", "opt", "seed", "b"])
        #expect(close(back[0].1.doubleValue ?? -1, 1e-3))
        #expect(back[1].1 == "lion")
        #expect(back[2].1 == 42)
        #expect(back[3].1 == 64)
        // Largest one-hot coordinate wins.
        #expect(space.decode([0, 0.1, 0.2, 0.9, 1])[1].1 == "sgd")
        // A value that is not among the choices cannot be encoded.
        if case .success = space.encode(["lr": 1e-3, "opt": "rmsprop", "b": 64]) { Issue.record("rmsprop encoded") }
        // Missing parameters take their center; unknown keys are ignored.
        let y = try space.encode(["gone": 1]).get()
        #expect(y == [0.5, 1, 0, 0, 0.5])
        // A single-valued choice takes no column.
        let one = try CompactSpec.parse("o=choice:only")
        #expect(one.encodedWidth == 0)
    }

    @Test func fixedPassesThrough() throws {
        let p = try CompactSpec.parse("tag=fixed:run:a")
        #expect(p.value == "run:a")
        #expect(p.encodedWidth == 0)
        let space = Space([p])
        #expect(space.encodedDimension == 0)
        #expect(space.decode([]).map(\.1) == ["run:a"])
        #expect(space.problems(with: [:]).isEmpty)          // a missing fixed parameter is fine
        #expect(space.problems(with: ["tag": "other"]).count == 1)
    }

    @Test func laterDeclarationReplacesInPlace() throws {
        var space = Space([try CompactSpec.parse("a=linear:0:1"), try CompactSpec.parse("b=linear:0:1")])
        space.declare(try CompactSpec.parse("a=linear:0:5"))
        #expect(space.names == ["a", "b"])
        #expect(space["a"]?.max == 5)
    }

    @Test func problemsNameEveryIssue() throws {
        let space = Space([try CompactSpec.parse("x=linear:0:1"), try CompactSpec.parse("n=linear:0:10:int")])
        let p = space.problems(with: ["x": 2, "zz": 1])
        #expect(p.contains { $0.contains("'x'") && $0.contains("outside") })
        #expect(p.contains { $0.contains("'n' is missing") })
        #expect(p.contains { $0.contains("unknown parameter 'zz'") })
        #expect(space.problems(with: ["x": 0.5, "n": 2.5]).count == 1)
    }
}

@Suite struct DeclarationTests {
    @Test(arguments: [
        (#"{"param": "x", "space": "linear", "min": 1, "max": 1}"#, "must be less than max"),
        (#"{"param": "x", "space": "linear", "min": 2, "max": 1}"#, "must be less than max"),
        (#"{"param": "x", "space": "log", "min": 0, "max": 1}"#, "min > 0"),
        (#"{"param": "x", "space": "log", "min": -1, "max": 1}"#, "min > 0"),
        (#"{"param": "x", "space": "logit", "min": 0, "max": 0.5}"#, "0 < min < max < 1"),
        (#"{"param": "x", "space": "logit", "min": 0.5, "max": 1}"#, "0 < min < max < 1"),
        (#"{"param": "x", "space": "cubic", "min": 0, "max": 1}"#, "unknown space 'cubic'"),
        (#"{"param": "x", "space": "logit", "min": 0.1, "max": 0.9, "integer": true}"#, "cannot be integer"),
        (#"{"param": "x", "space": "linear", "min": 1, "max": 3, "step": 5}"#, "no multiple of step 5"),
        (#"{"param": "x", "space": "linear", "min": 0, "max": 1, "center": 2}"#, "center 2 is outside"),
        (#"{"param": "x", "space": "log", "min": 1, "max": 10, "center": 0.5}"#, "center 0.5 is outside"),
        (#"{"param": "x", "space": "choice", "values": ["a", "b", "a"]}"#, "duplicates"),
        (#"{"param": "x", "space": "linear", "min": 0, "max": 1, "mni": 0}"#, "unknown key 'mni'"),
        (#"{"param": "x", "space": "linear", "min": 0}"#, "needs 'min' and 'max'"),
        (#"{"param": "x", "space": "linear", "min": "0", "max": 1}"#, "'min' must be a finite number"),
        (#"{"param": "x", "space": "log", "min": 1, "max": 10, "base": 3}"#, "base must be 10 or 2"),
        (#"{"param": "x", "space": "linear", "min": 1, "max": 10, "base": 2}"#, "log spaces only"),
        (#"{"param": "x", "space": "linear", "min": 0, "max": 1, "scale": 0}"#, "'scale' must be positive"),
        (#"{"param": "x", "space": "linear", "min": 0, "max": 1, "step": -1}"#, "'step' must be positive"),
        (#"{"param": "x", "space": "linear", "min": 0, "max": 1, "integer": "yes"}"#, "'integer' must be true or false"),
        (#"{"param": "x", "space": "choice", "values": []}"#, "non-empty 'values'"),
        (#"{"param": "x", "space": "choice", "values": ["a"], "center": "b"}"#, "not one of its values"),
        (#"{"param": "x", "space": "choice", "values": ["a", "b"], "scale": 2}"#, "must be in (0, 1]"),
        (#"{"param": "x", "space": "fixed"}"#, "needs 'value'"),
        (#"{"param": "", "space": "fixed", "value": 1}"#, "non-empty string"),
        (#"{"param": "x"}"#, "'space' must be one of"),
    ])
    func invalidDeclarations(json: String, expected: String) throws {
        let decl = try #require(try decodeObject(json))
        let message = declarationError(decl)
        #expect(message?.contains(expected) == true, "\(json) → \(message ?? "accepted")")
        // Messages name the parameter (except when the name itself is the problem).
        if let message, decl["param"] == "x" { #expect(message.contains("'x'")) }
    }

    @Test func validDeclarations() throws {
        let p = try declare(["param": "w", "space": "log", "min": 16, "max": 4096, "integer": true, "center": 100, "scale": 0.5])
        #expect(p.integer && p.step == 1)
        #expect(p.center == 100 && p.explicitCenter)
        #expect(p.scale == 0.5 && p.explicitScale)
        // log2 / pow2 are aliases of a base-2 log space.
        #expect(try declare(["param": "b", "space": "log2", "min": 1, "max": 8]).base == 2)
        #expect(try declare(["param": "b", "space": "pow2", "min": 1, "max": 8]).base == 2)
        // A step makes the space integer; an integer center is rounded to the step.
        let s = try declare(["param": "s", "space": "linear", "min": 0, "max": 100, "step": 10, "center": 44])
        #expect(s.integer && s.center == 40)
        let c = try declare(["param": "o", "space": "choice", "values": .array(["a", 1, true]), "center": 1])
        #expect(c.centerIndex == 1 && c.centerValue == 1)
        #expect(c.scale == 0.5)
    }

    @Test func declarationRecordRoundTrips() throws {
        for spec in ["lr=log:1e-5:1e-1", "w=log:64:4096:int:step=8:scale=0.5", "b=log2:8:512:int", "g=logit:0.9:0.999:center=0.99",
                     "x=linear:-5:10:center=0", "opt=choice:adam,lion:center=lion:scale=0.25", "seed=fixed:42"] {
            let p = try CompactSpec.parse(spec)
            let back = try Parameter(declaration: p.declarationJSON.objectValue ?? [:])
            #expect(back.name == p.name && back.type == p.type && back.min == p.min && back.max == p.max, "\(spec)")
            #expect(back.base == p.base && back.integer == p.integer && back.step == p.step, "\(spec)")
            #expect(back.center == p.center && back.scale == p.scale && back.centerIndex == p.centerIndex, "\(spec)")
            #expect(back.values == p.values && back.value == p.value, "\(spec)")
        }
        // Keys print in a fixed order.
        let line = JSONWriter.line(try CompactSpec.parse("b=log2:8:512:int").declarationPairs)
        #expect(line == #"{"param":"b","space":"log","min":8,"max":512,"base":2,"integer":true,"center":64,"scale":1.5}"#)
    }
}

@Suite struct CompactSpecTests {
    @Test func parsesEverySpaceAndOption() throws {
        let lr = try CompactSpec.parse("lr=log:1e-5:1e-1")
        #expect(lr.name == "lr" && lr.type == .log && lr.min == 1e-5 && lr.max == 0.1 && !lr.integer)
        let w = try CompactSpec.parse("width=log:64:4096:int:step=8:scale=0.5")
        #expect(w.integer && w.step == 8 && w.scale == 0.5 && w.explicitScale)
        let x = try CompactSpec.parse("x=linear:-5:10:center=0")
        #expect(x.center == 0 && x.explicitCenter && x.min == -5)
        let b = try CompactSpec.parse("b=log:1:1024:base=2:integer")
        #expect(b.base == 2 && b.integer)
        let g = try CompactSpec.parse("gamma=logit:0.9:0.999")
        #expect(g.type == .logit)
        let o = try CompactSpec.parse("opt=choice:adam,lion:center=lion")
        #expect(o.values == ["adam", "lion"] && o.centerIndex == 1)
        // Bare words: numbers, booleans and null become JSON scalars, anything else a string.
        let m = try CompactSpec.parse("m=choice:1,0.5,true,null,-2,x1,inf")
        #expect(m.values == [1, 0.5, true, .null, -2, "x1", "inf"])
        let n = try CompactSpec.parse("n=choice:32,64:center=64")
        #expect(n.centerValue == 64)
        #expect(try CompactSpec.parse("seed=fixed:42").value == 42)
        #expect(try CompactSpec.parse("name=fixed:a:b").value == "a:b")
        #expect(try CompactSpec.parse("on=fixed:true").value == true)
    }

    @Test(arguments: [
        ("lr", "expected NAME=SPACE:ARGS"),
        ("=log:1:2", "missing parameter name"),
        ("x=", "missing space type"),
        ("x=log:1", "expected log:MIN:MAX"),
        ("x=log:a:2", "min 'a' is not a number"),
        ("x=log:1:nan", "max 'nan' is not a number"),
        ("x=log:1:2:bogus", "unknown option 'bogus'"),
        ("x=log:1:2:foo=1", "unknown option 'foo'"),
        ("x=log:1:2:step=s", "step 's' is not a number"),
        ("x=weird:1:2", "unknown space 'weird'"),
        ("x=choice", "expected choice:A,B"),
        ("x=choice:a,a", "duplicates"),
        ("x=fixed", "expected fixed:VALUE"),
        ("x=log:0:1", "min > 0"),
        ("x=logit:0.1:0.9:int", "cannot be integer"),
    ])
    func invalidSpecs(spec: String, expected: String) {
        let message = compactError(spec)
        #expect(message?.contains(expected) == true, "\(spec) → \(message ?? "accepted")")
    }
}
