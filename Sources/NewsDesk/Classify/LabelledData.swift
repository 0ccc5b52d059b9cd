import Foundation

/// Reads labelled examples from CSV (header row, RFC 4180 quoting) or JSON Lines (one object per line).
/// Pure: the caller reads the file; `path` only names it in errors.
public enum LabelledData {
    /// Text columns tried, in order, when none is named.
    public static let defaultTextColumns = ["text", "title", "headline"]
    /// Label columns tried, in order, when none is named.
    public static let defaultLabelColumns = ["label", "section"]

    /// Where sub-labels come from (`LabelledText.subLabel`).
    public enum SubLabels: Sendable, Equatable {
        /// A column that refines the label column, if the file has one (`nestedColumn`).
        case detect
        /// None.
        case none
        /// This column.
        case column(String)
    }

    /// Parses `contents`; JSON Lines when `path` ends in .jsonl/.ndjson, CSV otherwise.
    public static func parse(_ contents: String, path: String, textColumn: String? = nil, labelColumn: String? = nil,
                             subLabels: SubLabels = .none) throws(ClassifyError) -> [LabelledText] {
        try parseDetailed(contents, path: path, textColumn: textColumn, labelColumn: labelColumn, subLabels: subLabels).rows
    }

    /// Parses `contents` and says which column gave the sub-labels, if any.
    public static func parseDetailed(_ contents: String, path: String, textColumn: String? = nil, labelColumn: String? = nil,
                                     subLabels: SubLabels = .none) throws(ClassifyError) -> (rows: [LabelledText], subLabelColumn: String?) {
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
        let sub: String?
        switch subLabels {
        case .none: sub = nil
        case .column(let c):
            guard columns.contains(c) else { throw .missingColumn(path: path, column: c, available: columns) }
            sub = c
        case .detect: sub = nestedColumn(rows, columns: columns, text: text, label: label)
        }
        let out: [LabelledText] = rows.compactMap { row in
            guard let t = row[text], let l = row[label]?.trimmingCharacters(in: .whitespaces), !l.isEmpty else { return nil }
            let s = sub.flatMap { row[$0]?.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
            return LabelledText(text: t, label: l, subLabel: s)
        }
        return (out, sub)
    }

    /// The first column that refines the label column: filled on every labelled row, with at least as many distinct
    /// values as the labels but at most 64, each value seen at least 20 times and always with the same label (YNAT's
    /// `ynat_label` under its `section`; a `topic` column naming what a label stands for in this file). Nil when
    /// none does.
    static func nestedColumn(_ rows: [[String: String]], columns: [String], text: String, label: String) -> String? {
        let labelled = rows.filter { !($0[label]?.trimmingCharacters(in: .whitespaces).isEmpty ?? true) }
        let labelCount = Set(labelled.compactMap { $0[label] }).count
        guard labelCount >= 2 else { return nil }
        candidates: for c in columns where c != text && c != label {
            var owner: [String: String] = [:]
            var seen: [String: Int] = [:]
            for row in labelled {
                guard let v = row[c]?.trimmingCharacters(in: .whitespaces), !v.isEmpty, let l = row[label] else { continue candidates }
                if let o = owner[v], o != l { continue candidates }
                owner[v] = l
                seen[v, default: 0] += 1
                if seen.count > 64 { continue candidates }
            }
            if seen.count >= labelCount && seen.values.allSatisfy({ $0 >= 20 }) { return c }
        }
        return nil
    }

    /// The fold (0…folds-1) of each row, stratified: the n-th row of each class (its sub-label when it has one,
    /// else its label), in file order, goes to fold n % folds. So every fold holds each class in proportion.
    public static func stratifiedFolds(_ rows: [LabelledText], folds: Int) -> [Int] {
        var seen: [String: Int] = [:]
        return rows.map { r in
            let key = r.className
            let n = seen[key, default: 0]
            seen[key] = n + 1
            return folds > 0 ? n % folds : 0
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

    /// The records of a CSV file (header row) or JSON Lines file, as column → value, with the column names.
    public static func records(_ contents: String, path: String) throws(ClassifyError) -> (columns: [String], rows: [[String: String]]) {
        let lower = path.lowercased()
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return try parseJSONLines(contents, path: path) }
        return try parseCSV(contents, path: path)
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
