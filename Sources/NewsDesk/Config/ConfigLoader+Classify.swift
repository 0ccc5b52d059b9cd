import Foundation
import Yams

// `classify:` of feeds.yaml.

extension ConfigLoader {
    mutating func readClassify(_ node: Node, sections: Set<String>) -> ClassifyOverrides? {
        guard !ConfigReader.isNull(node), let f = reader.fields(node, at: "classify", known: Self.classifyKeys) else { return nil }
        var c = ClassifyOverrides()
        c.threshold = reader.double(f, "threshold", in: 0...1)
        if let d = reader.string(f, "default_section") {
            if sections.contains(d) { c.defaultSection = d }
            else { reader.report(f.line(of: "default_section"), f.field("default_section"), "unknown section \"\(d)\" (use one of \(sections.sorted().joined(separator: ", ")))") }
        }
        if let m = reader.string(f, "model") {
            let resolved = m.hasPrefix("/") ? m : URL(fileURLWithPath: directory).appendingPathComponent(m).standardizedFileURL.path
            if FileManager.default.fileExists(atPath: resolved) { c.model = resolved }
            else { reader.report(f.line(of: "model"), f.field("model"), "no such file \(resolved) (path is relative to the config file's folder)") }
        }
        if let rules = reader.sequence(f, "rules") {
            for (n, p) in rules {
                guard let rf = reader.fields(n, at: p, known: Self.ruleKeys) else { continue }
                let rule = SectionRule(host: reader.string(rf, "host")?.lowercased(), pathPrefix: reader.string(rf, "path_prefix"),
                                       query: reader.string(rf, "query"), hint: reader.string(rf, "hint"),
                                       section: reader.string(rf, "section", required: true, hint: "add `section: <id>`") ?? "")
                if rule.host == nil, rule.pathPrefix == nil, rule.query == nil, rule.hint == nil {
                    reader.report(rf.line, p, "matches nothing (give at least one of host, path_prefix, query, hint)")
                }
                if let q = rule.query, !q.contains("=") { reader.report(rf.line(of: "query"), rf.field("query"), "expected `name=value`") }
                if let pp = rule.pathPrefix, !pp.hasPrefix("/") { reader.report(rf.line(of: "path_prefix"), rf.field("path_prefix"), "must start with /") }
                if !rule.section.isEmpty, !sections.contains(rule.section) {
                    reader.report(rf.line(of: "section"), rf.field("section"), "unknown section \"\(rule.section)\" (use one of \(sections.sorted().joined(separator: ", ")))")
                }
                c.rules.append(rule)
            }
        }
        return c
    }
}
