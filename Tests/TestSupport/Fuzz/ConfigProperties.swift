import Foundation
import NewsDesk

/// Properties of `feeds.yaml` loading on any bytes: non-UTF-8 bytes are refused as `load` refuses them; UTF-8 text
/// gives a config or a `ConfigError.invalid` with at least one problem, every problem naming this file and a line
/// inside it (line 0, "the whole file", only for an empty file), a field where one applies, and a message. A config
/// it accepts has sources with unique non-empty ids, each with an http(s) URL or a path.
public enum ConfigProperties {
    public static func check(_ bytes: [UInt8]) -> [String] {
        guard let text = String(data: Data(bytes), encoding: .utf8) else { return [] }  // `load` reports it as unreadable
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).count
        do {
            let config = try FeedsConfig.parse(yaml: text, file: "fuzz.yaml", directory: "/nonexistent-fuzz-dir")
            var p: [String] = []
            var ids = Set<String>()
            for s in config.sources {
                if s.id.isEmpty || !ids.insert(s.id).inserted { p.append("accepted a source with an empty or repeated id \"\(s.id)\"") }
                if let u = s.url, !FeedProperties.isHTTP(u) { p.append("accepted source \(s.id) with url \"\(u.prefix(80))\"") }
                if s.url == nil && s.path == nil { p.append("accepted source \(s.id) with neither url nor path") }
            }
            if config.sources.isEmpty { p.append("accepted a config with no sources") }
            return p
        } catch {
            let problems = error.problems
            if problems.isEmpty { return ["ConfigError with no problem"] }
            var p: [String] = []
            let blank = text.split(whereSeparator: \.isNewline).allSatisfy {
                let t = $0.trimmingCharacters(in: .whitespaces)
                return t.isEmpty || t.hasPrefix("#") || t == "---" || t == "..."
            }
            for problem in problems {
                if problem.file != "fuzz.yaml" { p.append("problem names file \"\(problem.file)\": \(problem)") }
                if problem.message.isEmpty { p.append("problem without a message: \(problem)") }
                if problem.line == 0 && !blank { p.append("problem without a line: \(problem)") }
                if problem.line < 0 || problem.line > lines + 1 { p.append("problem at line \(problem.line) of a \(lines)-line file: \(problem)") }
            }
            return p
        }
    }
}
