/// sysexits-style exit codes that scripts can trust.
public enum ExitStatus: Int32, Sendable {
    case ok = 0
    case usage = 64      // EX_USAGE: bad flags or arguments
    case data = 65       // EX_DATAERR: bad input data (no space declared, invalid record in --strict mode)
    case noInput = 66    // EX_NOINPUT: empty input or missing file
    case software = 70   // EX_SOFTWARE: an internal error (a bug)
    case ioError = 74    // EX_IOERR: reading or writing failed
}

/// A located problem in an input: `FILE:LINE: message`.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String
    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }
    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}

/// Every error that input can provoke. Each maps to an exit status and prints as `FILE:LINE: message`.
public enum CARBSError: Error, Sendable, Equatable, CustomStringConvertible {
    case usage(String)
    case data(Diagnostic)
    case noInput(String)
    case io(String)

    public var exitStatus: ExitStatus {
        switch self {
        case .usage: return .usage
        case .data: return .data
        case .noInput: return .noInput
        case .io: return .ioError
        }
    }

    public var description: String {
        switch self {
        case .usage(let m): return m
        case .data(let d): return d.description
        case .noInput(let m): return m
        case .io(let m): return m
        }
    }
}
