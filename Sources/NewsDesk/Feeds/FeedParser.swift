import Foundation

/// The feed stage: reads RSS 2.0, RSS 1.0 (RDF), Atom 1.0 and JSON Feed 1.1/1.0, or an HTML section page through
/// a link selector, into `FeedItem`s.
///
/// - `type: .auto` (and `.rss`/`.atom`, which are hints) detects the format from the document; `.json` reads
///   JSON Feed; `.html` needs `links` and reads the section page.
/// - XML is read with libxml2 using the page's charset explicitly, with no network access, no external entities
///   and no DTD loading; a document whose entities expand without bound fails with `.entityExpansion`.
/// - A partly broken feed yields the items that parse (a truncated feed: the items completed before the cut),
///   with warnings; a wholly broken one, or a document that is not a feed, throws a `FeedError` naming the URL.
/// - Links are absolute (against `xml:base`, `<base href>` or the feed URL), http(s) only, deduplicated.
///   Titles are plain text (tags stripped, entities decoded). Summaries are plain text of at most 500 characters.
///
/// Pure and `Sendable`: no I/O, no logging.
public struct FeedParser: Sendable {
    public init() {}

    public static func parse(_ page: DecodedPage, type: SourceType, links: Selector?) throws(FeedError) -> ParsedFeed {
        let page = try utf8Page(page)
        var finisher = FeedItemFinisher(pageURL: page.url)
        switch type {
        case .html:
            guard let links else { throw .missingLinkSelector(url: page.url) }
            return try html(page, links, &finisher)
        case .json:
            return try json(page, &finisher)
        case .auto, .rss, .atom:
            let first = firstSignificantByte(page.bytes)
            if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") { return try json(page, &finisher) }
            if looksLikeHTML(page.bytes) {
                if type == .auto, let links { return try html(page, links, &finisher) }
                throw .notAFeed(url: page.url, found: "an HTML page")
            }
            var feed = try xml(page, &finisher)
            if type == .rss && feed.format == .atom || type == .atom && (feed.format == .rss || feed.format == .rdf) {
                feed.warnings.insert("configured as \(type.rawValue) but the document is \(feed.format.rawValue); read as \(feed.format.rawValue)", at: 0)
            }
            return feed
        }
    }

    // MARK: - Formats

    private static func xml(_ page: DecodedPage, _ finisher: inout FeedItemFinisher) throws(FeedError) -> ParsedFeed {
        var doc: XMLDocument
        var repairs = 0
        do {
            doc = try XMLDocument(bytes: page.bytes, encoding: page.charset, url: page.url)
            if doc.hadEntityProblems {
                let (fixed, n) = XMLRepair.repair(page.bytes)
                if n > 0 {
                    doc = try XMLDocument(bytes: fixed, encoding: page.charset, url: page.url)
                    repairs = n
                }
            }
        } catch {
            switch error {
            case .entityExpansion(let why): throw .entityExpansion(url: page.url, detail: why)
            case .notWellFormed(let why): throw .malformed(url: page.url, detail: "not well-formed XML, \(why)")
            case .unknownEncoding(let cs): throw .unknownCharset(url: page.url, charset: cs)
            case .inputTooLarge(let n): throw .malformed(url: page.url, detail: "\(n) bytes is too large")
            }
        }
        guard let root = doc.root else { throw .malformed(url: page.url, detail: "no root element") }
        let format: FeedFormat
        let title: String?
        let drafts: [FeedItemDraft]
        let incomplete: Int
        if root.is("rss", .rss) || root.is("RDF", .rdf) {
            format = root.is("rss", .rss) ? .rss : .rdf
            let p = RSSParser(document: doc, root: root)
            title = p.title
            (drafts, incomplete) = p.drafts(&finisher)
        } else if root.is("feed", .atom) {
            format = .atom
            let p = AtomParser(document: doc, root: root)
            title = p.title
            (drafts, incomplete) = p.drafts(&finisher)
        } else {
            let name = root.localName
            throw .notAFeed(url: page.url, found: name.lowercased() == "html" ? "an HTML page" : "an XML document with root <\(name)>")
        }
        let items = finisher.finish(drafts)
        var warnings: [String] = []
        if repairs > 0 { warnings.append("repaired \(repairs) bare '&' or HTML entity reference(s) that XML does not allow") }
        if !doc.wellFormed {
            if items.isEmpty {
                throw .malformed(url: page.url, detail: "not well-formed XML, \(doc.errors.first ?? "unknown error"), and no complete item")
            }
            warnings.append("not well-formed XML (\(doc.errors.first ?? "unknown error")); kept the \(items.count) item(s) that parsed")
        }
        if incomplete > 0 { warnings.append("feed ends early (truncated): \(incomplete) incomplete item(s) dropped") }
        return ParsedFeed(title: title, format: format, items: items, warnings: warnings + finisher.warnings)
    }

    private static func json(_ page: DecodedPage, _ finisher: inout FeedItemFinisher) throws(FeedError) -> ParsedFeed {
        let text: String
        do { text = try CharsetDecoder.string(page) } catch { throw .unknownCharset(url: page.url, charset: page.charset) }
        let p = try JSONFeedParser(text: text, url: page.url)
        let drafts = p.drafts(&finisher)
        let items = finisher.finish(drafts)
        return ParsedFeed(title: p.title, format: .jsonFeed, items: items, warnings: p.warnings + finisher.warnings)
    }

    private static func html(_ page: DecodedPage, _ links: Selector, _ finisher: inout FeedItemFinisher) throws(FeedError) -> ParsedFeed {
        let doc: HTMLDocument
        do {
            doc = try HTMLDocument(bytes: page.bytes, encoding: page.charset, url: page.url)
        } catch {
            throw .unknownCharset(url: page.url, charset: page.charset)
        }
        let p = HTMLLinkParser(document: doc, selector: links, pageURL: page.url)
        let drafts = try p.drafts(&finisher)
        let items = finisher.finish(drafts)
        var warnings = finisher.warnings
        if items.isEmpty { warnings.insert("link selector \(links.source) found no article links", at: 0) }
        return ParsedFeed(title: p.title, format: .html, items: items, warnings: warnings)
    }

    // MARK: - Helpers

    /// UTF-16 pages are converted to UTF-8 once, so every parser below sees ASCII-compatible bytes.
    private static func utf8Page(_ page: DecodedPage) throws(FeedError) -> DecodedPage {
        guard page.charset.uppercased().hasPrefix("UTF-16") else { return page }
        do {
            let s = try CharsetDecoder.string(page)
            return DecodedPage(url: page.url, bytes: Array(s.utf8), charset: "UTF-8", charsetSource: page.charsetSource)
        } catch {
            throw .unknownCharset(url: page.url, charset: page.charset)
        }
    }

    private static func firstSignificantByte(_ b: [UInt8]) -> UInt8? {
        var i = (b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) ? 3 : 0
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
        return i < b.count ? b[i] : nil
    }

    /// An HTML page rather than a feed: `<html` or an HTML doctype near the start, and no feed root element.
    private static func looksLikeHTML(_ b: [UInt8]) -> Bool {
        let head = String(decoding: b.prefix(2048), as: UTF8.self).lowercased()
        guard head.contains("<html") || head.contains("<!doctype html") else { return false }
        return !(head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf"))
    }
}
