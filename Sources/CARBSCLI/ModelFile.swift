#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CARBSCore

/// Model records printed by `carbs-fit`, read back for `carbs-suggest --model`.
public struct ModelFile {
    public var score: GPHyperparameters?
    public var cost: GPHyperparameters?

    public static func load(_ path: String) throws(CARBSError) -> ModelFile {
        let text = try Files.readText(path)
        var out = ModelFile()
        let decoder = JSONDecoder()
        for (i, line) in text.split(separator: "\n").enumerated() where !line.allSatisfy(\.isWhitespace) {
            struct Record: Decodable {
                var model: String
                var hyperparameters: GPHyperparameters
            }
            guard let r = try? decoder.decode(Record.self, from: Data(line.utf8)) else {
                throw CARBSError.data(Diagnostic(file: path, line: i + 1, message: "not a carbs-fit model record"))
            }
            switch r.model {
            case "score": out.score = r.hyperparameters
            case "cost": out.cost = r.hyperparameters
            default: break
            }
        }
        if out.score == nil && out.cost == nil {
            throw CARBSError.data(Diagnostic(file: path, line: nil, message: "no score or cost model record"))
        }
        return out
    }
}
