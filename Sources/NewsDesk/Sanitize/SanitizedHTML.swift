/// The sanitizer's output: a UTF-8 HTML fragment safe to render, its plain text, and what was changed.
public struct SanitizedHTML: Sendable, Equatable {
    /// The clean fragment (HTML5-safe serialization: every attribute quoted, `<`, `>`, `&` escaped).
    public var html: String
    /// Plain text: inline whitespace collapsed, blocks separated by blank lines, `<br>` as a line break.
    public var text: String
    public var report: SanitizeReport

    public init(html: String, text: String, report: SanitizeReport) {
        self.html = html; self.text = text; self.report = report
    }
}

/// What the sanitizer removed or rewrote. Not an error: dropping things is its job.
public struct SanitizeReport: Sendable, Equatable {
    /// Elements removed together with their content, by tag.
    public var removedElements: [String: Int] = [:]
    /// Elements replaced by their content, by tag.
    public var unwrappedElements: [String: Int] = [:]
    /// Elements removed because they were hidden (`hidden`, `display:none`, `visibility:hidden`).
    public var hiddenElements = 0
    /// Attributes dropped, by name.
    public var removedAttributes: [String: Int] = [:]
    /// URLs refused (disallowed scheme), first 20.
    public var rejectedURLs: [String] = []
    public var trackingParametersRemoved = 0
    public var proxiesUnwrapped = 0
    public var lazyImagesResolved = 0
    public var trackingPixelsRemoved = 0
    /// Images dropped because no usable source was left.
    public var imagesWithoutSource = 0
    public var imagesProxied = 0
    public var inputBytes = 0
    public var outputBytes = 0

    public init() {}

    /// One line per non-empty entry, for `newsdesk sanitize --report`.
    public var summary: String {
        var lines: [String] = ["input bytes: \(inputBytes)", "output bytes: \(outputBytes)"]
        func table(_ title: String, _ d: [String: Int]) {
            guard !d.isEmpty else { return }
            lines.append(title + ": " + d.sorted { $0.key < $1.key }.map { "\($0.key)×\($0.value)" }.joined(separator: " "))
        }
        table("removed elements", removedElements)
        table("unwrapped elements", unwrappedElements)
        table("removed attributes", removedAttributes)
        let counts: [(String, Int)] = [
            ("hidden elements", hiddenElements), ("tracking parameters removed", trackingParametersRemoved),
            ("image proxies unwrapped", proxiesUnwrapped), ("lazy images resolved", lazyImagesResolved),
            ("tracking pixels removed", trackingPixelsRemoved), ("images without source", imagesWithoutSource),
            ("images proxied", imagesProxied),
        ]
        for (k, v) in counts where v > 0 { lines.append("\(k): \(v)") }
        for u in rejectedURLs { lines.append("rejected URL: \(u)") }
        return lines.joined(separator: "\n")
    }
}
