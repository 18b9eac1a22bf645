/// A CSV or TSV table as exported by W&B, Optuna (`study.trials_dataframe().to_csv()`), pandas or a spreadsheet.
///
/// The delimiter is the header's: a tab anywhere in the first record makes the table TSV, otherwise it is CSV.
/// Both are read by RFC 4180's rules: a field that starts with `"` is quoted, `""` inside it is one `"`, and
/// delimiters and line breaks inside it are data; a `"` inside an unquoted field is kept as it is. Records end at
/// LF, CRLF or a lone CR. A UTF-8 byte order mark is dropped; blank lines are skipped. Each record keeps the line
/// it starts on, for `FILE:LINE:` messages.
public struct DelimitedTable: Sendable {
    public enum Delimiter: UInt8, Sendable {
        case comma = 44
        case tab = 9
    }

    public struct Row: Sendable, Equatable {
        /// The line the record starts on (1-based).
        public var line: Int
        public var fields: [String]
    }

    public var delimiter: Delimiter
    public var header: [String]
    public var headerLine: Int
    public var rows: [Row]
    /// Records that could not be read: only an unterminated quoted field, which runs to the end of the input.
    public var problems: [(line: Int, message: String)]

    /// Parses a whole table; nil when it has no record at all (an empty or blank input).
    public static func parse(_ text: String) -> DelimitedTable? {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        // The delimiter: a tab in the first record (outside quotes) makes it TSV.
        var delimiter = Delimiter.comma
        var quoted = false
        var sawContent = false
        for b in bytes {
            if b == 34 { quoted.toggle() }
            if !quoted {
                if b == 9 { delimiter = .tab; break }
                if b == 10 || b == 13 { if sawContent { break } else { continue } }
            }
            sawContent = true
        }
        var records: [Row] = []
        var problems: [(line: Int, message: String)] = []
        let d = delimiter.rawValue
        var fields: [String] = []
        var field: [UInt8] = []
        var fieldQuoted = false
        var inQuotes = false
        var line = 1
        var start = 1
        var i = 0
        let n = bytes.count
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldQuoted = false
        }
        func endRecord() {
            endField()
            // A blank line is one empty, unquoted field.
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Row(line: start, fields: fields)) }
            fields.removeAll(keepingCapacity: true)
        }
        while i < n {
            let c = bytes[i]
            if inQuotes {
                if c == 34 {
                    if i + 1 < n, bytes[i + 1] == 34 {
                        field.append(34)
                        i += 2
                        continue
                    }
                    inQuotes = false
                } else {
                    if c == 10 || (c == 13 && !(i + 1 < n && bytes[i + 1] == 10)) { line += 1 }
                    field.append(c)
                }
                i += 1
                continue
            }
            switch c {
            case 34 where field.isEmpty && !fieldQuoted:
                inQuotes = true
                fieldQuoted = true
            case d:
                endField()
            case 13, 10:
                if c == 13, i + 1 < n, bytes[i + 1] == 10 { i += 1 }
                endRecord()
                line += 1
                start = line
            default:
                field.append(c)
            }
            i += 1
        }
        if inQuotes {
            problems.append((start, "quoted field not closed (a \" is missing): the rest of the table is inside it"))
        } else if !field.isEmpty || !fields.isEmpty || fieldQuoted {
            endRecord()
        }
        guard let first = records.first else {
            return problems.isEmpty ? nil : DelimitedTable(delimiter: delimiter, header: [], headerLine: 1, rows: [], problems: problems)
        }
        return DelimitedTable(delimiter: delimiter, header: first.fields, headerLine: first.line,
                              rows: Array(records.dropFirst()), problems: problems)
    }
}
