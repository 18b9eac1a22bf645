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
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.allSatisfy(\.isWhitespace) {
            struct Kind: Decodable { var model: String }
            struct Record: Decodable { var hyperparameters: GPHyperparameters }
            let bytes = Data(line.utf8)
            guard let kind = try? decoder.decode(Kind.self, from: bytes) else {
                throw CARBSError.data(Diagnostic(file: path, line: i + 1, message: "not a carbs-fit model record"))
            }
            // The success model (a classifier refitted on every call) has no hyperparameters to reuse.
            guard kind.model == "score" || kind.model == "cost" else { continue }
            guard let r = try? decoder.decode(Record.self, from: bytes) else {
                throw CARBSError.data(Diagnostic(file: path, line: i + 1, message: "the \(kind.model) model record has no valid hyperparameters"))
            }
            if kind.model == "score" { out.score = r.hyperparameters } else { out.cost = r.hyperparameters }
        }
        if out.score == nil && out.cost == nil {
            throw CARBSError.data(Diagnostic(file: path, line: nil, message: "no score or cost model record"))
        }
        return out
    }
}
