/// How `carbs-suggest` and `carbs-space sample` print the runs they propose. `json` is the pending record
/// (`Records.pending`, the one that goes into the log); the others are for scripts and training programs:
///
/// - `shell`: `CARBS_ID=…` and `NAME=…` lines for `eval "$(carbs-suggest … --format shell)"`;
/// - `args`: one line of `--carbs-id=… --NAME=VALUE…` words, W&B-agent style, per run;
/// - `tsv`: a header `id NAME…` and one row per run, for `while IFS=$'\t' read -r …`.
///
/// Values are written in the log's own form (numbers shortest round-trip, integers without a fraction, strings as
/// they are, booleans as `true`/`false`) and then quoted for their destination, so no value can run code or split
/// words (`ShellWord`, `TSVCell`).
public enum RunFormat: String, CaseIterable, Sendable {
    case json, shell, args, tsv
}

/// One run to print: its id and its parameters in declaration order.
public struct RunLine: Sendable {
    public var id: String
    public var params: [(String, JSONValue)]

    public init(id: String, params: [(String, JSONValue)]) {
        self.id = id
        self.params = params
    }
}

public enum RunText {
    /// The variable that holds the run's id in `shell` output.
    public static let idVariable = "CARBS_ID"
    /// The option that passes the run's id in `args` output, unless the caller names another.
    public static let defaultIDOption = "carbs-id"

    /// A value as a program receives it: the text the log holds, without JSON quotes.
    public static func plain(_ v: JSONValue) -> String {
        switch v {
        case .string(let s): return s
        case .number(let d): return JSONWriter.format(d)
        case .bool(let b): return b ? "true" : "false"
        case .null: return ""
        case .array, .object: return v.json
        }
    }

    /// Why `names` cannot be `shell` variables, or nil when every one can: a name must be a POSIX shell identifier
    /// and must not be one of the variables that change how a shell or a program behaves (`PATH`, `IFS`, …, or the
    /// run's own `CARBS_ID`).
    public static func shellNameProblem(_ names: [String]) -> String? {
        for n in names {
            if !ShellWord.isIdentifier(n) {
                return "parameter '\(n)' is not a shell variable name (letters, digits and _, not starting with a digit); use --format args or tsv"
            }
            if ShellWord.isReserved(n) {
                return "parameter '\(n)' would overwrite the shell variable \(n); use --format args or tsv"
            }
        }
        return nil
    }

    /// The lines that print `runs` in `format` (not `json`: its records are built by `Records`). `names` are the
    /// declared parameters in order (the `tsv` columns); `idOption` names the option that carries the id in `args`
    /// (nil: no id word).
    public static func lines(_ runs: [RunLine], format: RunFormat, names: [String], idOption: String? = defaultIDOption) -> [String] {
        switch format {
        case .json:
            return []
        case .shell:
            return runs.flatMap { r in
                ["\(idVariable)=\(ShellWord.quote(r.id))"] + r.params.map { "\($0.0)=\(ShellWord.quote(plain($0.1)))" }
            }
        case .args:
            return runs.map { r in
                let id = idOption.map { ["--\($0)=\(r.id)"] } ?? []
                return (id + r.params.map { "--\($0.0)=\(plain($0.1))" }).map(ShellWord.quote).joined(separator: " ")
            }
        case .tsv:
            let header = (["id"] + names).map(TSVCell.escape).joined(separator: "\t")
            return [header] + runs.map { r in
                let byName = Dictionary(r.params, uniquingKeysWith: { a, _ in a })
                return ([r.id] + names.map { byName[$0].map(plain) ?? "" }).map(TSVCell.escape).joined(separator: "\t")
            }
        }
    }
}

/// Quoting for POSIX shells (sh, bash, zsh, dash): a word made only of characters no shell treats specially is
/// left as it is; any other word is put in single quotes, inside which nothing is special, with each `'` written
/// as `'\''`. `eval` of the result, or `eval "set -- …"`, gives back exactly the original text, newlines included.
public enum ShellWord {
    static func isPlain(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "a"..."z", "A"..."Z", "0"..."9", "_", "-", "+", ".", "/", ":", ",", "@", "%", "=": return true
        default: return false
        }
    }

    public static func quote(_ s: String) -> String {
        if !s.isEmpty, s.unicodeScalars.allSatisfy(isPlain), s.first != "=" { return s }
        return "'" + s.replacingAll("'", with: "'\\''") + "'"
    }

    /// A POSIX name: `[A-Za-z_][A-Za-z0-9_]*`.
    public static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first else { return false }
        let isLetter: (Unicode.Scalar) -> Bool = { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || $0 == "_" }
        return isLetter(first) && s.unicodeScalars.allSatisfy { isLetter($0) || ("0"..."9").contains($0) }
    }

    /// Variables a sweep must not set by accident: the ones that steer the shell, the dynamic loader or the user's
    /// session, anything `BASH_…`, and the run id's own `CARBS_ID`.
    static let reserved: Set<String> = [
        "PATH", "IFS", "HOME", "ENV", "BASH_ENV", "CDPATH", "PS1", "PS2", "PS3", "PS4", "SHELL", "SHELLOPTS",
        "BASHOPTS", "PWD", "OLDPWD", "OPTIND", "OPTARG", "LD_PRELOAD", "LD_LIBRARY_PATH", "LANG", "TERM", "USER",
        "PROMPT_COMMAND", "FPATH", "MAIL", "MAILPATH", "HISTFILE", "TMPDIR", "UID", "EUID", "PPID", "RANDOM",
        "SECONDS", "LINENO", "HOSTNAME", "GLOBIGNORE", "FUNCNEST",
    ]

    public static func isReserved(_ name: String) -> Bool {
        reserved.contains(name) || name.hasPrefix("BASH_") || name.hasPrefix("LC_") || name == RunText.idVariable
    }
}

/// A cell of tab-separated text: backslash, tab, newline and carriage return are written `\\`, `\t`, `\n`, `\r`
/// (the escapes of PostgreSQL's text format and Miller's TSV), so each record stays one line of cells.
public enum TSVCell {
    public static func escape(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0 == "\\" || $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return s }
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }
}

extension String {
    /// Every occurrence of the scalar `target` replaced, scalar by scalar (a `'` followed by a combining mark is
    /// still a `'` to a shell, though not to `Character` comparison).
    func replacingAll(_ target: Unicode.Scalar, with replacement: String) -> String {
        var out = ""
        for u in unicodeScalars { if u == target { out += replacement } else { out.unicodeScalars.append(u) } }
        return out
    }
}
