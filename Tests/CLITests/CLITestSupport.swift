import Foundation
import Testing

/// Runs the built executables (siblings of the test bundle) through pipes.
enum CLI {
    static let binDirectory: URL = {
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var lines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
    }

    @discardableResult
    static func run(_ tool: String, _ args: [String] = [], stdin: String? = nil, cwd: URL? = nil) throws -> Result {
        // A child that exits before reading its input (a usage error) must not kill the test runner.
        signal(SIGPIPE, SIG_IGN)
        let p = Process()
        p.executableURL = tool.hasPrefix("/") ? URL(fileURLWithPath: tool) : binDirectory.appendingPathComponent(tool)
        p.arguments = args
        if let cwd { p.currentDirectoryURL = cwd }
        let inPipe = Pipe(), outPipe = Pipe(), errPipe = Pipe()
        p.standardInput = stdin == nil ? FileHandle.nullDevice : inPipe
        p.standardOutput = outPipe
        p.standardError = errPipe
        try p.run()
        if let stdin {
            let data = Data(stdin.utf8)
            DispatchQueue.global().async {
                try? inPipe.fileHandleForWriting.write(contentsOf: data)
                try? inPipe.fileHandleForWriting.close()
            }
        }
        // Read both pipes concurrently so that neither fills up and blocks the child.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = errPipe.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = outPipe.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return Result(
            status: p.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh scratch directory for one test (unique per process and call).
    static func scratch(_ name: String) throws -> URL {
        try FileManager.default.temporaryDirectory
            .appendingPathComponent("carbs-\(name)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").creatingDirectory()
    }

    /// Runs a shell pipeline with the built tools first on PATH.
    @discardableResult
    static func shell(_ script: String, cwd: URL? = nil) throws -> Result {
        let path = binDirectory.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        return try run("/bin/bash", ["-c", "export PATH='\(path)'; set -o pipefail; " + script], cwd: cwd)
    }
}

