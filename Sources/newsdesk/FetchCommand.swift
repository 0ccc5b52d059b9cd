import ArgumentParser
import Foundation
import Logging
import NewsDesk

/// `newsdesk fetch URL`: fetch one URL with the fetcher's rules and report what came back (a debugging aid).
struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch one URL with NewsDesk's fetcher and print status, final URL, charset, size, timing and title.",
        discussion: "Loopback and private addresses are refused unless allowed with --allow CIDR (e.g. --allow 127.0.0.1/32).")

    @Argument(help: "An http(s) URL.") var url: String
    @Option(name: .customLong("allow"), help: "A CIDR this fetch may reach although loopback/private (repeatable).") var allow: [String] = []
    @Option(help: "Read the body with this charset instead of the one detected.") var charset: String?
    @Option(help: "Take fetch defaults (user agent, timeouts, caps) from this config file.") var config: String?
    @Flag(name: .customLong("ignore-robots"), help: "Do not check robots.txt.") var ignoreRobots = false
    @Flag(help: "Print the response headers too.") var headers = false

    func run() async throws {
        var defaults = FetchDefaults.standard
        if let config {
            defaults = try PolicyFile.load(config).config.defaults
        }
        if let charset, !CharsetDecoder.isKnownCharset(charset) {
            throw ValidationError("--charset \(charset): unknown charset (use a name iconv knows: UTF-8, EUC-KR, CP949, windows-1252, …)")
        }
        let networks = try PolicyFile.networks(allow)
        let fetcher = Fetcher(defaults: defaults, logger: Logger(label: "newsdesk.fetch"))
        let resource: FetchedResource
        do {
            resource = try await fetcher.fetch(FetchRequest(url: url, allowNetworks: networks, obeyRobots: ignoreRobots ? false : nil))
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        }
        let page = CharsetDecoder.decode(bytes: resource.body, url: resource.finalURL, contentType: resource.contentType, override: charset)
        print("status:    \(resource.status)\(resource.notModified ? " (not modified)" : "")")
        print("final URL: \(resource.finalURL)")
        print("type:      \(resource.contentType ?? "-")")
        print("charset:   \(page.sourceCharset) (from \(page.charsetSource.rawValue))\(page.replacements > 0 ? "; \(page.replacements) invalid sequences replaced by U+FFFD" : "")")
        print("size:      \(resource.body.count) bytes (decoded)")
        print(String(format: "time:      %.3f s", resource.elapsed))
        if let etag = resource.etag { print("etag:      \(etag)") }
        if let lm = resource.lastModified { print("modified:  \(lm)") }
        print("title:     \(Self.title(of: page) ?? "-")")
        if headers {
            for (k, v) in resource.headers.sorted(by: { $0.key < $1.key }) { print("  \(k): \(v)") }
        }
    }

    /// The document's `<title>` (HTML) or the feed's first `<title>` (XML), whitespace collapsed.
    static func title(of page: DecodedPage) -> String? {
        guard !page.bytes.isEmpty, let doc = try? HTMLDocument(bytes: page.bytes, encoding: page.charset, url: page.url),
              let text = try? doc.string(xpath: "(//title)[1]") else { return nil }
        let collapsed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return collapsed.isEmpty ? nil : collapsed
    }
}
