import Foundation

/// Reads labelled examples from CSV (header row, RFC 4180 quoting) or JSON Lines (one object per line).
/// Pure: the caller reads the file; `path` only names it in errors.
public enum LabelledData {
    /// Text columns tried, in order, when none is named.
    public static let defaultTextColumns = ["text", "title", "headline"]
    /// Label columns tried, in order, when none is named.
    public static let defaultLabelColumns = ["label", "section"]

    /// Parses `contents`; JSON Lines when `path` ends in .jsonl/.ndjson, CSV otherwise.
    public static func parse(_ contents: String, path: String, textColumn: String? = nil, labelColumn: String? = nil) throws(ClassifyError) -> [LabelledText] {
        let lower = path.lowercased()
        let rows: [[String: String]]
        let columns: [String]
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") {
            (columns, rows) = try parseJSONLines(contents, path: path)
        } else {
            (columns, rows) = try parseCSV(contents, path: path)
        }
        let text = try pick(textColumn, defaults: defaultTextColumns, columns: columns, path: path)
        let label = try pick(labelColumn, defaults: defaultLabelColumns, columns: columns, path: path)
        return rows.compactMap { row in
            guard let t = row[text], let l = row[label]?.trimmingCharacters(in: .whitespaces), !l.isEmpty else { return nil }
            return LabelledText(text: t, label: l)
        }
    }

    private static func pick(_ named: String?, defaults: [String], columns: [String], path: String) throws(ClassifyError) -> String {
        if let named {
            guard columns.contains(named) else { throw .missingColumn(path: path, column: named, available: columns) }
            return named
        }
        guard let found = defaults.first(where: columns.contains) else {
            throw .missingColumn(path: path, column: defaults.joined(separator: "|"), available: columns)
        }
        return found
    }

    /// RFC 4180 CSV: the first record is the header.
    static func parseCSV(_ s: String, path: String) throws(ClassifyError) -> ([String], [[String: String]]) {
        var records: [[String]] = []
        var field = ""
        var record: [String] = []
        var quoted = false
        var it = s.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func nextScalar() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return it.next()
        }
        var afterQuote = false
        while let c = nextScalar() {
            if quoted {
                if c == "\"" {
                    if let d = it.next() {
                        if d == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; afterQuote = true; pending = d }
                    } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty && !afterQuote: quoted = true
            case ",": record.append(field); field = ""; afterQuote = false
            case "\r": continue
            case "\n":
                record.append(field); field = ""; afterQuote = false
                if !(record.count == 1 && record[0].isEmpty) { records.append(record) }
                record = []
            default: field.unicodeScalars.append(c)
            }
        }
        if quoted { throw .badData(path: path, detail: "a quoted field is not closed") }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        guard let header = records.first else { throw .badData(path: path, detail: "the file is empty") }
        let columns = header.map { $0.trimmingCharacters(in: .whitespaces) }
        var rows: [[String: String]] = []
        rows.reserveCapacity(records.count - 1)
        for (n, r) in records.dropFirst().enumerated() {
            guard r.count == columns.count else {
                throw .badData(path: path, detail: "record \(n + 2) has \(r.count) fields, the header has \(columns.count)")
            }
            rows.append(Dictionary(zip(columns, r), uniquingKeysWith: { a, _ in a }))
        }
        return (columns, rows)
    }

    static func parseJSONLines(_ s: String, path: String) throws(ClassifyError) -> ([String], [[String: String]]) {
        var columns: [String] = []
        var seen = Set<String>()
        var rows: [[String: String]] = []
        for (n, line) in s.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            guard let object = (try? JSONSerialization.jsonObject(with: Data(trimmed.utf8))) as? [String: Any] else {
                throw .badData(path: path, detail: "line \(n + 1) is not a JSON object")
            }
            var row: [String: String] = [:]
            for (key, value) in object {
                if let v = value as? String { row[key] = v } else if let v = value as? NSNumber { row[key] = v.stringValue } else { continue }
                if seen.insert(key).inserted { columns.append(key) }
            }
            rows.append(row)
        }
        guard !rows.isEmpty else { throw .badData(path: path, detail: "the file has no JSON objects") }
        return (columns, rows)
    }
}
