import Foundation

/// What the classifier looks at for one article.
public struct ClassificationInput: Sendable, Equatable {
    public var title: String
    /// The first ~300 characters of the body text (see `ClassificationInput.lead(of:)`).
    public var lead: String
    public var url: String?
    public var sourceID: String
    /// The source's section when it is single-section; nil for a mixed source.
    public var sourceSection: String?
    /// A section pinned by hand (`reimport --section`).
    public var pinnedSection: String?
    /// article:section, breadcrumbs and similar hints from the page.
    public var sectionHints: [String]

    public init(title: String, lead: String = "", url: String? = nil, sourceID: String = "", sourceSection: String? = nil,
                pinnedSection: String? = nil, sectionHints: [String] = []) {
        self.title = title; self.lead = lead; self.url = url; self.sourceID = sourceID; self.sourceSection = sourceSection
        self.pinnedSection = pinnedSection; self.sectionHints = sectionHints
    }

    /// The first `limit` characters of `text`, cut back to a word boundary when one is near.
    public static func lead(of text: String, limit: Int = 300) -> String {
        // Only the start is read: trimming the whole article (through NSString) cost more than classifying it.
        let head = text.drop(while: \.isWhitespace).prefix(limit + 1)
        guard head.count > limit else { return String(head).trimmed }
        let cut = head.prefix(limit)
        if let space = cut.lastIndex(where: \.isWhitespace), cut.distance(from: cut.startIndex, to: space) > limit * 3 / 4 {
            return String(cut[..<space])
        }
        return String(cut)
    }
}

/// Files an article into a section. Order: a pinned section; agreeing strong signals (single-section source,
/// URL rules, page hints); the text model for mixed sources or disagreeing signals; below the threshold the
/// default section. Pure and Sendable: share one instance across tasks.
public struct Classifier: Sendable {
    public let model: TextModel
    public let rules: SectionRules
    /// Model probability below which the default section is used.
    public let threshold: Double
    public let defaultSection: String
    /// The sections the operator configured; rules and model outputs outside it are ignored. Empty: any.
    public let sections: Set<String>

    /// The default confidence threshold.
    public static let defaultThreshold = 0.55

    public init(model: TextModel, rules: SectionRules = SectionRules(), threshold: Double = Classifier.defaultThreshold,
                defaultSection: String = "general", sections: [String] = []) {
        self.model = model; self.rules = rules; self.threshold = threshold; self.defaultSection = defaultSection
        self.sections = Set(sections)
    }

    /// The classifier for a configuration: its model (`classify.model`, relative to the config file) or the
    /// shipped one, the default rules plus `classify.rules`, its threshold, default section and sections.
    public static func shipped(config: FeedsConfig) throws(ClassifyError) -> Classifier {
        let model: TextModel
        if let path = config.classify.model {
            let base = URL(fileURLWithPath: config.file).deletingLastPathComponent()
            let resolved = path.hasPrefix("/") ? path : base.appendingPathComponent(path).path
            model = try TextModel.load(path: resolved)
        } else {
            model = try TextModel.shipped()
        }
        return Classifier(model: model, rules: SectionRules().applying(config.classify),
                          threshold: config.classify.threshold ?? defaultThreshold,
                          defaultSection: config.classify.defaultSection ?? "general", sections: config.sections.map(\.id))
    }

    private func allowed(_ section: String) -> Bool { sections.isEmpty || sections.contains(section) }

    private struct Signal {
        var section: String
        var method: ClassificationMethod
        var confidence: Double
        var reason: String
    }

    /// The section, confidence and reason for one article.
    public func classify(_ input: ClassificationInput) -> Classification {
        if let pinned = input.pinnedSection?.trimmingCharacters(in: .whitespaces), !pinned.isEmpty {
            return Classification(section: pinned, confidence: 1, method: .pinned, reason: "pinned by hand: \(pinned)")
        }
        var signals: [Signal] = []
        if let s = input.sourceSection, allowed(s) {
            let name = input.sourceID.isEmpty ? "the source" : "source \(input.sourceID)"
            signals.append(Signal(section: s, method: .source, confidence: 1, reason: "\(name) is single-section (\(s))"))
        }
        if let url = input.url, let m = rules.match(url: url), allowed(m.rule.section) {
            signals.append(Signal(section: m.rule.section, method: .rule, confidence: 0.95, reason: m.reason))
        }
        for hint in input.sectionHints {
            if let m = rules.match(hint: hint), allowed(m.rule.section) {
                signals.append(Signal(section: m.rule.section, method: .metadata, confidence: 0.9, reason: m.reason))
                break
            }
        }
        let distinct = Set(signals.map(\.section))
        if distinct.count == 1, let first = signals.first {
            let also = signals.dropFirst().map(\.reason)
            let reason = also.isEmpty ? first.reason : first.reason + " (agrees: " + also.joined(separator: "; ") + ")"
            return Classification(section: first.section, confidence: first.confidence, method: first.method, reason: reason)
        }
        let answer = predict(input)
        if let first = signals.first {
            // Signals disagree: the model arbitrates; unsure, the strongest signal stands.
            let conflict = "signals disagree (" + signals.map(\.reason).joined(separator: "; ") + ")"
            let unsure: String
            switch answer {
            case .prediction(let p) where p.probability >= threshold:
                return Classification(section: p.label, confidence: p.probability, method: .model,
                                      reason: "\(conflict); model: \(p.label) \(fmt(p.probability)) (\(p.basis))")
            case .prediction(let p): unsure = "model unsure (\(p.label) \(fmt(p.probability)) < \(fmt(threshold)))"
            case .outOfScope(let why): unsure = "model not used (\(why))"
            case .noText: unsure = "no text for the model"
            }
            return Classification(section: first.section, confidence: first.confidence * 0.8, method: first.method,
                                  reason: "\(conflict); \(unsure): keeping \(first.reason)")
        }
        let p: Prediction
        switch answer {
        case .prediction(let prediction): p = prediction
        case .outOfScope(let why):
            return Classification(section: defaultSection, confidence: 0, method: .fallback,
                                  reason: "model not used (\(why)): default \(defaultSection)")
        case .noText:
            return Classification(section: defaultSection, confidence: 0, method: .fallback,
                                  reason: "no title or lead to classify: default \(defaultSection)")
        }
        if p.probability >= threshold {
            return Classification(section: p.label, confidence: p.probability, method: .model,
                                  reason: "model: \(p.label) \(fmt(p.probability)) (\(p.basis))")
        }
        return Classification(section: defaultSection, confidence: p.probability, method: .fallback,
                              reason: "model unsure (\(p.label) \(fmt(p.probability)) < \(fmt(threshold))): default \(defaultSection)")
    }

    private struct Prediction {
        var label: String
        var probability: Double
        var basis: String
    }

    private enum ModelAnswer {
        case prediction(Prediction)
        /// The text's letters are mostly in scripts the model was not trained on.
        case outOfScope(String)
        /// No title or lead (or no label allowed).
        case noText
    }

    /// The model's best allowed label over title + lead, probabilities renormalized over the allowed labels.
    private func predict(_ input: ClassificationInput) -> ModelAnswer {
        let title = input.title, lead = input.lead
        let hasText = { (s: String) in s.unicodeScalars.contains { $0.value > 0x20 && !$0.properties.isWhitespace } }
        guard hasText(title) || hasText(lead) else { return .noText }
        let basis = !hasText(title) ? "lead" : !hasText(lead) ? "title" : "title+lead"
        let text = hasText(lead) ? title + "\n" + lead : title
        if let why = model.outOfScope(text) { return .outOfScope(why) }
        // Softmax over the allowed labels only (the same as renormalizing the full softmax over them).
        let labels = model.labels
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: labels.count) { z -> ModelAnswer in
            model.logits(of: text, into: z)
            var best = -1
            for j in 0..<labels.count where allowed(labels[j]) {
                if best < 0 || z[j] > z[best] { best = j }
            }
            guard best >= 0 else { return .noText }
            var total: Float = 0
            for j in 0..<labels.count where allowed(labels[j]) { total += expf(z[j] - z[best]) }
            return .prediction(Prediction(label: labels[best], probability: Double(1 / total), basis: basis))
        }
    }
}

/// Two decimals without `String(format:)` (slow on Linux).
private func fmt(_ x: Double) -> String {
    let v = Int((x * 100).rounded())
    let cents = v % 100
    return "\(v / 100)." + (cents < 10 ? "0" : "") + "\(cents)"
}
