import Foundation
import Yams

/// Walks a composed YAML tree and collects every problem with its line, instead of stopping at the first.
///
/// Each accessor reports a wrong type or a bad value against the value's own line, and `fields(_:at:known:)`
/// reports unknown keys (typos) against the key's line, with a suggestion when a known key is close.
struct ConfigReader {
    let file: String
    private(set) var problems: [ConfigProblem] = []
    /// Valid but risky values, reported by `feeds check` without failing the config.
    private(set) var warnings: [ConfigProblem] = []
    /// The line of every field path read (`sources[0].url`, `sanitize.allow_tags[2]`), for checks made later.
    private(set) var lines: [String: Int] = [:]

    init(file: String) { self.file = file }

    /// The fields of one mapping, with the line of each key.
    struct Fields {
        let path: String
        let line: Int
        var values: [String: Node] = [:]
        var keyLines: [String: Int] = [:]

        func has(_ key: String) -> Bool { values[key].map { !ConfigReader.isNull($0) } ?? false }
        func line(of key: String) -> Int { values[key].map(ConfigReader.line) ?? line }
        func field(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
    }

    static func line(_ node: Node) -> Int { node.mark?.line ?? 0 }

    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let s) = node else { return false }
        return s.tag.description == Tag.Name.null.rawValue || (s.style == .plain && ["", "~", "null", "Null", "NULL"].contains(s.string))
    }

    mutating func report(_ line: Int, _ field: String, _ message: String) {
        problems.append(ConfigProblem(file: file, line: line, field: field, message: message))
    }

    mutating func warn(_ line: Int, _ field: String, _ message: String) {
        warnings.append(ConfigProblem(file: file, line: line, field: field, message: "warning: " + message))
    }

    /// Reads a mapping, flagging keys that are not in `known`.
    mutating func fields(_ node: Node, at path: String, known: [String]) -> Fields? {
        guard case .mapping(let m) = node else {
            report(Self.line(node), path, "expected a mapping of `key: value` lines, found \(Self.kind(node))")
            return nil
        }
        var f = Fields(path: path, line: Self.line(node))
        if !path.isEmpty { lines[path] = f.line }
        for (k, v) in m {
            guard let key = k.scalar?.string else {
                report(Self.line(k), path, "keys must be plain words")
                continue
            }
            guard known.contains(key) else {
                var msg = "unknown key \"\(key)\""
                if let near = Self.nearest(key, in: known) { msg += " (did you mean \"\(near)\"?)" }
                else { msg += " (known keys: \(known.joined(separator: ", ")))" }
                report(Self.line(k), f.field(key), msg)
                continue
            }
            f.values[key] = v
            f.keyLines[key] = Self.line(k)
            lines[f.field(key)] = Self.line(v)
        }
        return f
    }

    mutating func string(_ f: Fields, _ key: String, required: Bool = false, hint: String = "") -> String? {
        guard let node = f.values[key], !Self.isNull(node) else {
            if required { report(f.line, f.field(key), "missing (\(hint.isEmpty ? "add `\(key): …`" : hint))") }
            return nil
        }
        guard case .scalar(let s) = node else {
            report(Self.line(node), f.field(key), "expected text, found \(Self.kind(node))")
            return nil
        }
        let v = s.string.trimmingCharacters(in: .whitespacesAndNewlines)
        if v.isEmpty {
            report(Self.line(node), f.field(key), "is empty (\(hint.isEmpty ? "give a value or remove the line" : hint))")
            return nil
        }
        return v
    }

    mutating func int(_ f: Fields, _ key: String, in range: ClosedRange<Int>, unit: String = "") -> Int? {
        number(f, key, in: range, unit: unit, kind: "a whole number", read: { $0.int }, show: { String($0) })
    }

    mutating func double(_ f: Fields, _ key: String, in range: ClosedRange<Double>, unit: String = "") -> Double? {
        number(f, key, in: range, unit: unit, kind: "a number", read: { n in (n.int.map(Double.init) ?? n.float).flatMap { $0.isFinite ? $0 : nil } },
               show: Self.fmt)
    }

    /// A number in `range`; what is not one (or is outside the range) is reported against its line.
    private mutating func number<T: Comparable>(_ f: Fields, _ key: String, in range: ClosedRange<T>, unit: String, kind: String,
                                                read: (Node) -> T?, show: (T) -> String) -> T? {
        guard let node = f.values[key], !Self.isNull(node) else { return nil }
        guard let v = read(node) else {
            report(Self.line(node), f.field(key), "expected \(kind)\(unit.isEmpty ? "" : " of \(unit)"), found \(Self.show(node))")
            return nil
        }
        guard range.contains(v) else {
            report(Self.line(node), f.field(key), "\(show(v)) is out of range (use \(show(range.lowerBound))…\(show(range.upperBound))\(unit.isEmpty ? "" : " \(unit)"))")
            return nil
        }
        return v
    }

    mutating func bool(_ f: Fields, _ key: String) -> Bool? {
        guard let node = f.values[key], !Self.isNull(node) else { return nil }
        guard case .scalar = node, let v = node.bool else {
            report(Self.line(node), f.field(key), "expected true or false, found \(Self.show(node))")
            return nil
        }
        return v
    }

    /// A list of strings; a single string is accepted as a one-item list.
    mutating func stringList(_ f: Fields, _ key: String) -> [(value: String, line: Int)]? {
        guard let node = f.values[key], !Self.isNull(node) else { return nil }
        if case .scalar(let s) = node { return [(s.string, Self.line(node))] }
        guard case .sequence(let seq) = node else {
            report(Self.line(node), f.field(key), "expected a list (`[a, b]` or `- a` lines), found \(Self.kind(node))")
            return nil
        }
        var out: [(String, Int)] = []
        for (i, item) in seq.enumerated() {
            guard case .scalar(let s) = item, !Self.isNull(item) else {
                report(Self.line(item), "\(f.field(key))[\(i)]", "expected text, found \(Self.kind(item))")
                continue
            }
            out.append((s.string, Self.line(item)))
            lines["\(f.field(key))[\(i)]"] = Self.line(item)
        }
        return out
    }

    /// The items of a list, each with its field path.
    mutating func sequence(_ f: Fields, _ key: String) -> [(node: Node, path: String)]? {
        guard let node = f.values[key], !Self.isNull(node) else { return nil }
        guard case .sequence(let seq) = node else {
            report(Self.line(node), f.field(key), "expected a list of `- …` entries, found \(Self.kind(node))")
            return nil
        }
        let items = seq.enumerated().map { ($1, "\(f.field(key))[\($0)]") }
        for (n, p) in items { lines[p] = Self.line(n) }
        return items
    }

    static func kind(_ node: Node) -> String {
        switch node {
        case .scalar(let s): isNull(node) ? "nothing" : "\"\(s.string)\""
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    static func show(_ node: Node) -> String { kind(node) }

    static func fmt(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v) }

    /// The known key closest to `key` by edit distance, when it is close enough to be a typo.
    static func nearest(_ key: String, in known: [String]) -> String? {
        let scored = known.map { ($0, distance(key.lowercased(), $0)) }.min { $0.1 < $1.1 }
        guard let (best, d) = scored, d <= max(2, best.count / 3) else { return nil }
        return best
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        for i in 1...a.count {
            var cur = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            prev = cur
        }
        return prev[b.count]
    }
}
