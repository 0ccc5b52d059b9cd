/// Everything that can stop an export. Each message names the stage and the object and says what to do.
public enum ExportError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The format needs `--out DIR` (html, markdown) or, for atom on stdout, exactly one section.
    case outputRequired(format: String, reason: String)
    /// The output folder cannot be created or written.
    case cannotCreateDirectory(path: String, reason: String)
    /// Writing, syncing or renaming a file (or stdout) failed.
    case writeFailed(path: String, reason: String)
    /// The store failed while reading articles or the cursor.
    case store(String)
    /// A jsonl line could not be read back.
    case invalidRecord(String)
    /// A cursor name that is empty or too long.
    case invalidCursorName(String)
    /// An option value that cannot be used (a date, a limit).
    case invalidOption(name: String, value: String, expected: String)

    public var description: String {
        switch self {
        case .outputRequired(let format, let reason):
            return "export: format \(format) \(reason)"
        case .cannotCreateDirectory(let path, let reason):
            return "export: cannot create output folder \(path): \(reason) (check the path and its permissions, or pick another --out)"
        case .writeFailed(let path, let reason):
            return "export: writing \(path) failed: \(reason) (check free space and permissions; nothing was marked exported, so rerunning is safe)"
        case .store(let why):
            return "export: reading the store failed: \(why) (check --db; the export cursor was not advanced, so rerunning is safe)"
        case .invalidRecord(let why):
            return "export: not a \(JSONLRecord.schema) line: \(why) (was it written by a different NewsDesk version?)"
        case .invalidCursorName(let name):
            return "export: cursor name \"\(name)\" is not usable (use 1-100 characters, e.g. --cursor board)"
        case .invalidOption(let name, let value, let expected):
            return "export: \(name) \"\(value)\" is not valid (expected \(expected))"
        }
    }
}

/// The output formats of `newsdesk export`.
public enum ExportFormat: String, Sendable, Equatable, CaseIterable, Codable {
    /// One JSON object per line, schema `newsdesk.article/1`; stdout or one file in `--out`.
    case jsonl
    /// One self-contained page per article plus an index per section; needs `--out`.
    case html
    /// Front matter plus the body converted to Markdown, one file per article; needs `--out`.
    case markdown
    /// One Atom 1.0 feed per section; stdout for one section, else `--out`.
    case atom

    /// The file name extension of the format.
    public var fileExtension: String {
        switch self {
        case .jsonl: return "jsonl"
        case .html: return "html"
        case .markdown: return "md"
        case .atom: return "atom"
        }
    }
}
