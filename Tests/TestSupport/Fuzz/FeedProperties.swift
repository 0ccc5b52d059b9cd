import Foundation
import NewsDesk

/// Properties of `FeedParser.parse` on any bytes: it returns or throws a `FeedError` (a typed throw: anything else
/// is a crash), and every item it returns has an absolute http(s) link with a host, unique in the feed; a non-empty
/// id; a plain-text title (trimmed, no line breaks, at most 8 KiB); a summary of at most 500 characters (+ "…");
/// unique non-empty categories; an http(s) image if any.
public enum FeedProperties {
    static let types: [SourceType] = [.auto, .rss, .atom, .json, .html]
    static let selectors: [Selector?] = [nil, try? Selector("a"), try? Selector("ul.list_news2 a.link_txt, h2 > a, //li/a[@href]")]
    static let pageURLs = ["https://news.example.com/rss/section.xml", "http://feeds.example.org/a/b/index.rdf?x=1"]

    /// Byte 0: type × selector × page URL; the rest is the document.
    public static func check(_ bytes: [UInt8]) -> [String] {
        var input = FuzzInput(bytes)
        let v = input.choose(types.count * selectors.count * pageURLs.count)
        let type = types[v % types.count]
        let links = selectors[(v / types.count) % selectors.count]
        let url = pageURLs[v / (types.count * selectors.count)]
        let page = CharsetDecoder.decode(bytes: input.payload, url: url, contentType: nil, override: nil)
        let feed: ParsedFeed
        do { feed = try FeedParser.parse(page, type: type, links: links) } catch { return [] }
        return check(feed)
    }

    static func check(_ feed: ParsedFeed) -> [String] {
        var p: [String] = []
        var links = Set<String>()
        for (n, item) in feed.items.enumerated() {
            let at = "item \(n + 1)"
            if !isHTTP(item.link) { p.append("\(at): link \"\(item.link.prefix(80))\" is not an absolute http(s) URL with a host") }
            if !links.insert(item.link).inserted { p.append("\(at): duplicate link \(item.link.prefix(80))") }
            if item.id.isEmpty { p.append("\(at): empty id") }
            if item.title != item.title.trimmingCharacters(in: .whitespacesAndNewlines) { p.append("\(at): title not trimmed: \"\(item.title.prefix(80))\"") }
            if item.title.contains(where: \.isNewline) { p.append("\(at): title holds a line break") }
            if item.title.utf8.count > 8192 { p.append("\(at): title of \(item.title.utf8.count) bytes") }
            if let s = item.summary, s.count > 501 { p.append("\(at): summary of \(s.count) characters") }
            if Set(item.categories).count != item.categories.count || item.categories.contains("") {
                p.append("\(at): categories not unique and non-empty: \(item.categories.prefix(5))")
            }
            if let img = item.imageURL, !isHTTP(img) { p.append("\(at): image \"\(img.prefix(80))\" is not http(s)") }
        }
        return p
    }

    /// An absolute http(s) URL with a non-empty host, as Foundation's parser reads it.
    static func isHTTP(_ s: String) -> Bool {
        guard s.hasPrefix("http://") || s.hasPrefix("https://") else { return false }
        guard let host = OutputChecker.host(s), !host.isEmpty else { return false }
        // ASCII whitespace and controls are never part of a URL (a browser strips or refuses them); other characters
        // (NBSP, Hangul) are percent-encoded by whoever fetches the URL.
        return !s.unicodeScalars.contains { $0.value <= 0x20 || $0.value == 0x7F }
    }
}
