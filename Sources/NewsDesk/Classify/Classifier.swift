import Foundation

/// What the classifier looks at for one article: its text and every section signal the page and the source give.
public struct ClassificationInput: Sendable, Equatable {
    public var title: String
    /// The start of the body text (see `ClassificationInput.lead(of:)`).
    public var lead: String
    /// The URL the page was fetched from.
    public var url: String?
    /// The page's canonical URL (`<link rel=canonical>`, `og:url`), when it differs.
    public var canonicalURL: String?
    /// The publisher's original article a portal page links to (`기사원문`).
    public var originalURL: String?
    public var sourceID: String
    /// The source's section when it is single-section; nil for a mixed source.
    public var sourceSection: String?
    /// A section pinned by hand (`reimport --section`).
    public var pinnedSection: String?
    /// The page's own sections: article:section, breadcrumbs, category markup, feed categories.
    public var sectionHints: [String]
    /// Page tags and keywords (article:tag, news_keywords, WordPress tags).
    public var tags: [String]
    /// Who published it: the byline's agency, the publisher a portal names, the site name.
    public var publishers: [String]

    public init(title: String, lead: String = "", url: String? = nil, canonicalURL: String? = nil, originalURL: String? = nil,
                sourceID: String = "", sourceSection: String? = nil, pinnedSection: String? = nil, sectionHints: [String] = [],
                tags: [String] = [], publishers: [String] = []) {
        self.title = title; self.lead = lead; self.url = url; self.canonicalURL = canonicalURL; self.originalURL = originalURL
        self.sourceID = sourceID; self.sourceSection = sourceSection; self.pinnedSection = pinnedSection
        self.sectionHints = sectionHints; self.tags = tags; self.publishers = publishers
    }

    /// The classifier's input for an extracted article and its sanitized text, as ingest builds it.
    public init(article a: ExtractedArticle, text: String, url: String, sourceID: String, sourceSection: String?) {
        self.init(title: a.title, lead: Self.lead(of: text), url: url, canonicalURL: a.canonicalURL, originalURL: a.originalURL,
                  sourceID: sourceID, sourceSection: sourceSection, sectionHints: a.sectionHints, tags: a.keywords,
                  publishers: [a.byline.agency, a.publisher, a.siteName].compactMap { $0 })
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

/// Files an article into a section by weighing every signal together with the text model (docs/classify.md,
/// "How the signals are weighed"):
///
///     score(s) = ln P(s | text) + Σ ln factor of each signal naming s       P(s | page) = softmax(score)
///
/// where P(s | text) is the model's probability (smoothed: 0.8 P + 0.2 / |sections|, so the text alone shifts the
/// odds by at most ×17 with four sections: it can outvote a beat publisher or a path, not the page's own section), or
/// uniform when the model does not read the text, and each signal multiplies its section's odds by a fixed factor
/// (`factors`). The best section wins if its probability reaches the threshold, else the default
/// section. Without any signal this is the model alone, as before. A pinned section always wins. The reason names
/// every signal used and its factor. Pure and Sendable: share one instance across tasks.
public struct Classifier: Sendable {
    public let model: TextModel
    public let rules: SectionRules
    /// Probability below which the default section is used.
    public let threshold: Double
    public let defaultSection: String
    /// The sections the operator configured; rules and model outputs outside it are ignored. Empty: any.
    public let sections: Set<String>

    /// The default confidence threshold.
    public static let defaultThreshold = 0.55

    /// How much each kind of signal multiplies its section's odds (the signal's likelihood ratio), strongest
    /// first. A single-section source and the operator's rules are the operator's word; a portal's section host
    /// or id is the portal's own filing; the page's section is the publisher's; a beat publisher (its host or
    /// its name) and a section path segment are priors; a tag or a vocabulary word is a hint.
    public static let factors: [(signal: String, factor: Double)] = [
        ("single-section source", 1000), ("feeds.yaml rule", 1000), ("portal section (host, path or id)", 100),
        ("page section (article:section, breadcrumb, category)", 20), ("beat publisher's host", 8), ("section path segment", 8),
        ("beat publisher's name (not again with its host)", 8), ("page tag (at most 2 per section)", 2), ("vocabulary word in the title", 4),
        ("vocabulary word in the lead (at most ×16 per section)", 2),
    ]
    static let sourceFactor = 1000.0
    static func factor(_ kind: SectionRules.Kind) -> Double {
        switch kind {
        case .operator: 1000
        case .portal: 100
        case .pageSection: 20
        case .publisherHost, .pathSegment, .publisher: 8
        case .tag: 2
        }
    }
    /// Share of the model's probability spread evenly over the sections when signals are present.
    static let modelSmoothing = 0.2

    public init(model: TextModel, rules: SectionRules = SectionRules(), threshold: Double = Classifier.defaultThreshold,
                defaultSection: String = SectionConfig.fallbackID, sections: [String] = []) {
        self.model = model; self.rules = rules; self.threshold = threshold; self.defaultSection = defaultSection
        self.sections = Set(sections)
    }

    /// The classifier for a configuration: its model (`classify.model`, relative to the config file) or the
    /// shipped one, the default rules plus `classify.rules`, its threshold, default section and sections.
    public static func shipped(config: FeedsConfig) throws(ClassifyError) -> Classifier {
        try shipped(SectionPolicy(config))
    }

    /// The classifier for a built section policy (`Policy.sections`): its model file or the shipped model.
    public static func shipped(_ sections: SectionPolicy) throws(ClassifyError) -> Classifier {
        let model: TextModel
        if let path = sections.modelPath { model = try TextModel.load(path: path) } else { model = try TextModel.shipped() }
        return Classifier(model: model, rules: sections.rules, threshold: sections.threshold,
                          defaultSection: sections.defaultSection, sections: sections.sections)
    }

    private func allowed(_ section: String) -> Bool { sections.isEmpty || sections.contains(section) }

    /// One piece of evidence for a section.
    struct Evidence {
        var section: String
        var factor: Double
        var method: ClassificationMethod
        var reason: String
        var kind: SectionRules.Kind? = nil
    }

    /// The section, confidence and reason for one article.
    public func classify(_ input: ClassificationInput) -> Classification {
        if let pinned = input.pinnedSection?.trimmingCharacters(in: .whitespaces), !pinned.isEmpty {
            return Classification(section: pinned, confidence: 1, method: .pinned, reason: "pinned by hand: \(pinned)")
        }
        let answer = predict(input)
        var evidence = signals(input)
        if case .outOfScope = answer { evidence += vocabulary(input) }
        guard !evidence.isEmpty else { return modelOnly(answer) }

        // Sections in play: the model's (allowed) labels, every section with evidence, the default.
        var candidates: [String] = []
        func add(_ s: String) { if allowed(s), !candidates.contains(s) { candidates.append(s) } }
        for l in model.labels { add(l) }
        for e in evidence { add(e.section) }
        add(defaultSection)
        guard !candidates.isEmpty else { return modelOnly(answer) }

        var scores: [Double] = candidates.map { _ in 0 }
        if case .prediction(let p) = answer {
            let smooth = Self.modelSmoothing / Double(candidates.count)
            for (i, s) in candidates.enumerated() { scores[i] = log((1 - Self.modelSmoothing) * p.probability(of: s) + smooth) }
        }
        for e in evidence { if let i = candidates.firstIndex(of: e.section) { scores[i] += log(e.factor) } }
        let top = scores.max() ?? 0
        let total = scores.reduce(0) { $0 + exp($1 - top) }
        let best = scores.indices.max { scores[$0] < scores[$1] } ?? 0
        let section = candidates[best], probability = 1 / total

        var parts = evidence.filter { $0.section == section }.map { "\($0.reason) ×\(factorText($0.factor))" }
        let against = evidence.filter { $0.section != section }.map { "\($0.reason) ×\(factorText($0.factor))" }
        if !against.isEmpty { parts.append("against: " + against.joined(separator: "; ")) }
        switch answer {
        case .prediction(let p): parts.append("model: \(p.summary) (\(p.basis))")
        case .outOfScope(let why): parts.append("model not used (\(why))")
        case .noText: parts.append("no text for the model")
        }
        let why = parts.joined(separator: "; ")
        if probability < threshold {
            return Classification(section: defaultSection, confidence: probability, method: .fallback,
                                  reason: "unsure (\(section) \(fmt(probability)) < \(fmt(threshold))): default \(defaultSection); \(why)")
        }
        let strongest = evidence.filter { $0.section == section }.max { $0.factor < $1.factor }
        return Classification(section: section, confidence: probability, method: strongest?.method ?? .model,
                              reason: "\(section) \(fmt(probability)): \(why)")
    }

    /// The decision without any signal: the model alone, its threshold, the default section.
    private func modelOnly(_ answer: ModelAnswer) -> Classification {
        switch answer {
        case .outOfScope(let why):
            return Classification(section: defaultSection, confidence: 0, method: .fallback,
                                  reason: "model not used (\(why)): default \(defaultSection)")
        case .noText:
            return Classification(section: defaultSection, confidence: 0, method: .fallback,
                                  reason: "no title or lead to classify: default \(defaultSection)")
        case .prediction(let p):
            if p.probability >= threshold {
                return Classification(section: p.label, confidence: p.probability, method: .model,
                                      reason: "model: \(p.label) \(fmt(p.probability)) (\(p.basis))")
            }
            return Classification(section: defaultSection, confidence: p.probability, method: .fallback,
                                  reason: "model unsure (\(p.label) \(fmt(p.probability)) < \(fmt(threshold))): default \(defaultSection)")
        }
    }

    /// The source, URL rules on every URL the page names, page sections, tags and publishers, for allowed sections.
    /// Each kind counts once per section (tags: twice), however many times it is found.
    func signals(_ input: ClassificationInput) -> [Evidence] {
        var out: [Evidence] = []
        if let s = input.sourceSection, allowed(s) {
            let name = input.sourceID.isEmpty ? "the source" : "source \(input.sourceID)"
            out.append(Evidence(section: s, factor: Self.sourceFactor, method: .source, reason: "\(name) is single-section (\(s))"))
        }
        // URL rules: the page's URL, its canonical URL and the original article's URL; one per section, the strongest.
        var urlEvidence: [String: (Evidence, [String])] = [:]
        var order: [String] = []
        var seenURLs: [String] = []
        for (url, name) in [(input.url, "page URL"), (input.canonicalURL, "canonical URL"), (input.originalURL, "original article URL")] {
            guard let url, !url.isEmpty, !seenURLs.contains(url) else { continue }
            seenURLs.append(url)
            guard let m = rules.match(url: url), allowed(m.rule.section) else { continue }
            let e = Evidence(section: m.rule.section, factor: Self.factor(m.kind), method: .rule, reason: m.reason, kind: m.kind)
            if let (old, names) = urlEvidence[e.section] {
                urlEvidence[e.section] = e.factor > old.factor ? (e, [name]) : (old, names + (e.reason == old.reason ? [name] : []))
            } else {
                urlEvidence[e.section] = (e, [name]); order.append(e.section)
            }
        }
        for s in order {
            guard let (found, names) = urlEvidence[s] else { continue }
            var e = found
            if names != ["page URL"] { e.reason += " (" + names.joined(separator: ", ") + ")" }
            out.append(e)
        }
        var hinted: Set<String> = []
        for hint in input.sectionHints {
            guard let m = rules.match(hint: hint), allowed(m.rule.section), hinted.insert(m.rule.section).inserted else { continue }
            out.append(Evidence(section: m.rule.section, factor: Self.factor(m.kind), method: .metadata, reason: m.reason))
        }
        var tagged: [String: Int] = [:]
        var tagKeys: Set<String> = []
        for tag in input.tags {
            guard tagKeys.insert(SectionRules.hintKey(tag)).inserted, let m = rules.match(tag: tag), allowed(m.rule.section),
                  tagged[m.rule.section, default: 0] < 2 else { continue }
            tagged[m.rule.section, default: 0] += 1
            out.append(Evidence(section: m.rule.section, factor: Self.factor(m.kind), method: .metadata, reason: m.reason))
        }
        // A beat publisher's name and its host are one piece of evidence: the name counts only without the host.
        var published: Set<String> = []
        for p in input.publishers {
            guard let m = rules.match(publisher: p), allowed(m.rule.section), published.insert(m.rule.section).inserted else { continue }
            let hostToo = out.contains { $0.section == m.rule.section && $0.kind == .publisherHost }
            out.append(Evidence(section: m.rule.section, factor: hostToo ? 1 : Self.factor(m.kind), method: .metadata,
                                reason: m.reason + (hostToo ? " (the same outlet as the host: counted once)" : ""), kind: m.kind))
        }
        return out
    }

    /// Vocabulary words (`SectionVocabulary`) in a text the model does not read: ×4 per word in the title, ×2 in
    /// the lead, at most ×16 per section.
    func vocabulary(_ input: ClassificationInput) -> [Evidence] {
        let inTitle = SectionVocabulary.words(in: input.title)
        let inLead = SectionVocabulary.words(in: input.lead)
        var out: [Evidence] = []
        for (section, _) in SectionVocabulary.terms where allowed(section) {
            let t = inTitle[section] ?? [], l = (inLead[section] ?? []).filter { !t.contains($0) }
            guard !t.isEmpty || !l.isEmpty else { continue }
            let factor = min(pow(4, Double(t.count)) * pow(2, Double(l.count)), 16)
            let words = (t + l).map { "\"\($0)\"" }.joined(separator: ", ")
            out.append(Evidence(section: section, factor: factor, method: .rule, reason: "\(section) words: \(words)"))
        }
        return out
    }

    struct Prediction {
        var label: String
        var probability: Double
        var basis: String
        /// The model's labels and their probabilities (0 for labels not allowed).
        var labels: [String]
        var probabilities: [Double]

        func probability(of section: String) -> Double {
            labels.firstIndex(of: section).map { probabilities[$0] } ?? 0
        }

        /// "general 0.65, it 0.30": the labels with at least 0.05, best first.
        var summary: String {
            zip(labels, probabilities).filter { $0.1 >= 0.05 || $0.0 == label }.sorted { $0.1 > $1.1 }
                .map { "\($0.0) \(fmt($0.1))" }.joined(separator: ", ")
        }
    }

    enum ModelAnswer {
        case prediction(Prediction)
        /// The text's letters are mostly in scripts the model was not trained on.
        case outOfScope(String)
        /// No title or lead (or no label allowed).
        case noText
    }

    /// The model's probabilities over title + lead for the allowed labels.
    private func predict(_ input: ClassificationInput) -> ModelAnswer {
        let title = input.title, lead = input.lead
        let hasText = { (s: String) in s.unicodeScalars.contains { $0.value > 0x20 && !$0.properties.isWhitespace } }
        guard hasText(title) || hasText(lead) else { return .noText }
        let basis = !hasText(title) ? "lead" : !hasText(lead) ? "title" : "title+lead"
        let text = hasText(lead) ? title + "\n" + lead : title
        if let why = model.outOfScope(text) { return .outOfScope(why) }
        // Softmax over the classes of the allowed labels only (the same as renormalizing the full softmax over
        // them), summed per label.
        let classes = model.classes.count
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: classes + model.labels.count) { buf -> ModelAnswer in
            let z = UnsafeMutableBufferPointer(rebasing: buf[0..<classes])
            let perLabel = UnsafeMutableBufferPointer(rebasing: buf[classes...])
            model.logits(of: text, into: z)
            var top: Float = -.infinity
            for j in 0..<classes where allowed(model.labels[model.classLabel[j]]) { top = max(top, z[j]) }
            guard top > -.infinity else { return .noText }
            perLabel.initialize(repeating: 0)
            var total: Float = 0
            for j in 0..<classes where allowed(model.labels[model.classLabel[j]]) {
                let e = expf(model.temperature * (z[j] - top))
                perLabel[model.classLabel[j]] += e; total += e
            }
            var best = 0
            for l in model.labels.indices where perLabel[l] > perLabel[best] { best = l }
            return .prediction(Prediction(label: model.labels[best], probability: Double(perLabel[best] / total), basis: basis,
                                          labels: model.labels, probabilities: model.labels.indices.map { Double(perLabel[$0] / total) }))
        }
    }
}

/// "8", "20", "2.5".
private func factorText(_ f: Double) -> String {
    f == f.rounded() ? String(Int(f)) : fmt(f)
}

/// Two decimals without `String(format:)` (slow on Linux).
private func fmt(_ x: Double) -> String {
    let v = Int((x * 100).rounded())
    let cents = v % 100
    return "\(v / 100)." + (cents < 10 ? "0" : "") + "\(cents)"
}
