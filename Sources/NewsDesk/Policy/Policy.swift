import Foundation

/// `feeds.yaml` built once into one immutable, validated value that every command and stage shares.
///
/// `Policy.load` reads the file (`FeedsConfig`: syntax, types, ranges, selectors, CIDRs, each with its line), then
/// makes every check that needs a stage's own tables (the sanitizer's never-safe tags, proxy rules, the signed
/// proxy's template and key), again with file:line. `newsdesk feeds check` runs exactly this build, so whatever
/// `ingest` would reject, `feeds check` rejects first. Nothing is re-parsed or re-checked at run time.
public struct Policy: Sendable {
    /// The configuration as read from the file (sources, sites, defaults, sections, overrides).
    public let config: FeedsConfig
    /// The sanitizer's default policy with `sanitize:` applied.
    public let sanitize: SanitizePolicy
    /// The classifier's rules, threshold, default section and model.
    public let sections: SectionPolicy
    /// The compiled `site.links` selector of each `type: html` source (by source id), compiled once.
    public let linkSelectors: [String: Selector]

    /// The one URL cleaner (standard tracking parameters plus `sanitize.extra_tracking_parameters`), shared by the
    /// sanitizer's links and images and by the store's URL identity.
    public var urlCleaner: URLCleaner { sanitize.urlCleaner }

    /// Valid but risky settings, each as `file:line: field: warning: …`.
    public var warnings: [ConfigProblem] { config.warnings }

    /// The file this policy was built from.
    public var file: String { config.file }

    /// Reads, validates and builds `path`. `environment` supplies the signed image proxy's key.
    ///
    /// - Throws: `ConfigError` listing every problem as `file:line: field: message`.
    public static func load(path: String,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigError) -> Policy {
        try Policy(FeedsConfig.load(path: path), environment: environment)
    }

    /// Parses, validates and builds YAML text (`file` names it in messages; `directory` resolves `path:`).
    public static func parse(yaml: String, file: String = "feeds.yaml", directory: String = ".",
                             environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigError) -> Policy {
        try Policy(FeedsConfig.parse(yaml: yaml, file: file, directory: directory), environment: environment)
    }

    /// Builds the policy of a configuration that was read (or assembled in code), making the checks that need the
    /// stages' tables. Each problem names the line `config.lines` recorded for its field.
    public init(_ config: FeedsConfig, environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigError) {
        let (sanitize, found) = SanitizePolicy.default.checkedApplying(config.sanitize, environment: environment)
        var problems = found.map { ConfigProblem(file: config.file, line: config.line(of: $0.field), field: $0.field, message: $0.message) }
        var links: [String: Selector] = [:]
        for (i, source) in config.sources.enumerated() {
            guard let text = source.site?.links else { continue }
            do throws(Selector.ParseError) { links[source.id] = try Selector(text) } catch {
                let field = "sources[\(i)].site.links"
                problems.append(ConfigProblem(file: config.file, line: config.line(of: field), field: field,
                                              message: "\(error) (use XPath or the CSS subset in docs/config.md)"))
            }
        }
        guard problems.isEmpty else {
            throw .invalid(file: config.file, problems: problems.sorted { ($0.line, $0.field) < ($1.line, $1.field) })
        }
        self.config = config
        self.sanitize = sanitize
        self.sections = SectionPolicy(config)
        self.linkSelectors = links
    }

    /// The policy of a feeds.yaml that sets nothing: the shipped sections, fetch defaults, sanitizer policy and
    /// classifier rules (`extract`, `classify FILE` and `sanitize` without `--config`).
    public static let standard = Policy(unchecked: FeedsConfig(sections: SectionConfig.standard, defaults: .standard, sources: []),
                                        sanitize: .default)

    private init(unchecked config: FeedsConfig, sanitize: SanitizePolicy) {
        self.config = config
        self.sanitize = sanitize
        self.sections = SectionPolicy(config)
        self.linkSelectors = [:]
    }

    /// The networks `source` may reach although they are loopback or private, as parsed at load.
    public func networks(for sourceID: String) -> [IPNetwork] {
        config.sources.first { $0.id == sourceID }?.allowNetworks ?? []
    }
}
