import ArgumentParser
import Foundation
import Logging
import NewsDesk

/// `newsdesk extract FILE|URL [--url URL] [--format json|html|text] [--charset NAME] [--config feeds.yaml]`: extracts one
/// saved article page and prints its fields and body.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract the article (body, title, byline, dates, URLs, …) from a saved page or an http(s) URL.",
        discussion: "The page's URL (--url, or the fetched URL) picks the site rule and resolves relative links; the charset comes from --charset, else from the response and the page itself. URLs go through NewsDesk's fetcher (robots.txt, size caps, no private addresses unless --allow)."
    )

    @Argument(help: "An HTML file, or an http(s) URL to fetch.") var input: String
    @Option(name: .customLong("allow"), help: "A CIDR a fetched URL may reach although loopback/private (repeatable).") var allow: [String] = []
    @Option(help: "The URL the page was fetched from.") var url: String?
    @Option(help: "Output: json, html or text.") var format: String = "json"
    @Option(help: "Read the bytes in this charset (e.g. CP949) instead of the one the page declares.") var charset: String?
    @Option(help: "A feeds.yaml whose `sites:` rules are tried before the built-in ones.") var config: String?

    func validate() throws {
        guard ["json", "html", "text"].contains(format) else { throw ValidationError("extract: --format must be json, html or text") }
        if let charset, !CharsetDecoder.isKnownCharset(charset) {
            throw ValidationError("--charset \(charset): unknown charset (use a name iconv knows: UTF-8, EUC-KR, CP949, windows-1252, …)")
        }
    }

    func run() async throws {
        let policy = try config.map { try PolicyFile.load($0) } ?? .standard
        let loaded = policy.config
        var resource: FetchedResource
        if input.hasPrefix("http://") || input.hasPrefix("https://") {
            let networks = try PolicyFile.networks(allow)
            let fetcher = Fetcher(defaults: loaded.defaults, logger: Logger(label: "newsdesk.extract"))
            do {
                resource = try await fetcher.fetch(FetchRequest(url: input, allowNetworks: networks))
            } catch {
                FileHandle.standardError.write(Data("extract: \(error)\n".utf8))
                throw ExitCode(1)
            }
        } else {
            let bytes: [UInt8]
            do { bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: input))) } catch {
                throw ValidationError("extract: cannot read \(input): \(error.localizedDescription)")
            }
            let fileURL = URL(fileURLWithPath: input).absoluteString
            resource = FetchedResource(requestedURL: fileURL, finalURL: fileURL, status: 200, headers: [:], body: bytes, elapsed: 0)
        }
        if let url { resource.finalURL = url }
        // The stage functions ingest uses (`ArticleProcessor`): decode (only HTML, invalid bytes become U+FFFD),
        // extract with the config's site rules, sanitize with its policy; so the text and HTML are what ingest stores.
        let processor = ArticleProcessor(policy: policy, classifier: nil)
        let source = ArticleProcessor.adHocSource(url: resource.finalURL)
        let article: ExtractedArticle
        var clean: SanitizedHTML
        do {
            let page = try processor.decode(resource, source: source, charset: charset)
            if let w = page.misdecodingWarning { FileHandle.standardError.write(Data("warning: \(w)\n".utf8)) }
            article = try processor.extract(page, source: source)
            clean = processor.sanitize(html: article.bodyHTML, baseURL: resource.finalURL)
            clean.text = ArticleProcessor.removingCaptions(clean.text, article.captions)  // as ingest stores it
        } catch {
            FileHandle.standardError.write(Data("extract: \(input): \(error.message)\n".utf8))
            throw ExitCode(1)
        }
        let text = clean.text
        switch format {
        case "html": print(clean.html)
        case "text": print(Self.textReport(article, text))
        default: print(try Self.json(article, text))
        }
    }

    /// The article's fields plus `text`, as pretty JSON with dates in RFC 3339.
    static func json(_ article: ExtractedArticle, _ text: String) throws -> String {
        struct Printed: Encodable {
            let article: ExtractedArticle
            let text: String
            enum Key: String, CodingKey { case text }
            func encode(to encoder: any Encoder) throws {
                try article.encode(to: encoder)
                var c = encoder.container(keyedBy: Key.self)
                try c.encode(text, forKey: .text)
            }
        }
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        enc.dateEncodingStrategy = .iso8601
        return String(decoding: try enc.encode(Printed(article: article, text: text)), as: UTF8.self)
    }

    static func textReport(_ a: ExtractedArticle, _ text: String) -> String {
        let iso = ISO8601DateFormatter()
        var lines = ["# " + a.title]
        func add(_ label: String, _ value: String?) { if let v = value, !v.isEmpty { lines.append("\(label): \(v)") } }
        add("byline", a.byline.raw ?? a.byline.reporters.joined(separator: ", "))
        add("reporters", a.byline.reporters.joined(separator: ", "))
        add("agency", a.byline.agency)
        add("e-mail", a.byline.emails.joined(separator: ", "))
        add("published", a.published.map { iso.string(from: $0) })
        add("updated", a.updated.map { iso.string(from: $0) })
        add("canonical", a.canonicalURL)
        add("original", a.originalURL)
        add("image", a.leadImage)
        add("site", a.siteName)
        add("language", a.language)
        add("sections", a.sectionHints.joined(separator: ", "))
        add("keywords", a.keywords.joined(separator: ", "))
        add("attribution", a.attribution)
        add("extractor", a.extractor)
        return lines.joined(separator: "\n") + "\n\n" + text
    }
}
