import ArgumentParser
import Foundation
import NewsDesk

/// `newsdesk feeds`: work with feeds.yaml.
struct FeedsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feeds", abstract: "Work with feeds.yaml.", subcommands: [FeedsCheckCommand.self], defaultSubcommand: FeedsCheckCommand.self)
}

/// `newsdesk feeds check`: validate the config, printing every problem (exit 3, as for every command) or a summary of the sources.
struct FeedsCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate feeds.yaml: every problem as file:line: field: message, or a summary of the sources.")

    @Option(help: "The config file.") var config: String = "feeds.yaml"

    func run() throws {
        // Exactly the build every command runs (`Policy.load`): what ingest would reject is rejected here first.
        let policy: Policy
        do {
            policy = try Policy.load(path: config)
        } catch {
            for p in error.problems { FileHandle.standardError.write(Data("\(p)\n".utf8)) }
            let n = error.problems.count
            FileHandle.standardError.write(Data("\(config): \(n) problem\(n == 1 ? "" : "s"); nothing was run\n".utf8))
            throw ExitCode(IngestExit.config.rawValue)
        }
        let loaded = policy.config
        // Valid but risky settings: said on stderr, exit 0.
        for w in loaded.warnings { FileHandle.standardError.write(Data("\(w)\n".utf8)) }
        let names = Dictionary(loaded.sections.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        print("\(config): OK: \(loaded.sections.count) sections, \(loaded.sources.count) sources, \(loaded.sites.count) site rules")
        print("sections: " + loaded.sections.map { "\($0.id) (\($0.name))" }.joined(separator: ", "))
        let d = loaded.defaults
        print("defaults: every \(d.interval) s, timeouts \(fmt(d.connectTimeout))/\(fmt(d.totalTimeout)) s, cap \(d.maxBodyBytes) B, "
            + "\(d.perHostConcurrency) per host, delay \(fmt(d.politenessDelay)) s, robots \(d.obeyRobots ? "obeyed" : "ignored")")
        print("")
        let rows = loaded.sources.map { s -> [String] in
            let section = s.mixed ? "mixed" : s.section.map { "\($0) (\(names[$0] ?? $0))" } ?? "-"
            var notes: [String] = []
            if let c = s.charset { notes.append("charset \(c)") }
            if !s.allowNetworks.isEmpty { notes.append("allow \(s.allowNetworks.map(\.description).joined(separator: ","))") }
            if s.obeyRobots == false { notes.append("robots ignored") }
            if s.site != nil { notes.append("site rule") }
            return [s.id, s.type.rawValue, section, s.url ?? "file: \(s.path ?? "?")", notes.joined(separator: "; ")]
        }
        let header = ["id", "type", "section", "url", "notes"]
        let widths = (0..<header.count).map { i in ([header] + rows).map { Self.width($0[i]) }.max() ?? 0 }
        for row in [header] + rows {
            let cells = zip(row, widths).map { cell, w in cell + String(repeating: " ", count: max(0, w - Self.width(cell))) }
            print(cells.joined(separator: "  ").trimmingCharacters(in: .whitespaces))
        }
    }

    /// Terminal columns: Hangul, CJK and other East Asian wide characters take two.
    static func width(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { n, u in
            let v = u.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
            return n + (wide ? 2 : 1)
        }
    }

    private func fmt(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(v) }
}
