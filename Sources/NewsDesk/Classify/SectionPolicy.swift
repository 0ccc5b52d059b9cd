import Foundation

/// The classifier's part of the built `Policy`: the rules (defaults plus `classify.rules`), the threshold, the
/// default section and the configured sections, resolved once from feeds.yaml.
public struct SectionPolicy: Sendable, Equatable {
    /// The default table plus the operator's `classify.rules`.
    public let rules: SectionRules
    /// Below this confidence the article goes to `defaultSection`.
    public let threshold: Double
    /// `classify.default_section`, else `SectionConfig.fallbackID`.
    public let defaultSection: String
    /// The configured section ids, in display order.
    public let sections: [String]
    /// `classify.model` resolved against the config file's folder; nil: the shipped model.
    public let modelPath: String?

    /// The section policy of a loaded configuration.
    public init(_ config: FeedsConfig) {
        rules = SectionRules().applying(config.classify)
        threshold = config.classify.threshold ?? Classifier.defaultThreshold
        defaultSection = config.classify.defaultSection ?? SectionConfig.fallbackID
        sections = config.sections.map(\.id)
        modelPath = config.classify.model.map { path in
            path.hasPrefix("/") ? path : URL(fileURLWithPath: config.file).deletingLastPathComponent().appendingPathComponent(path).path
        }
    }
}
