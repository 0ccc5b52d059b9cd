import Foundation

/// XML namespaces read in feeds, with the prefix a feed may use without declaring it. Sorted by name.
struct FeedNamespace: Sendable {
    let uris: [String]
    /// Elements whose prefix was never declared keep their QName (`media:content`) and no namespace.
    let prefix: String?

    static let atom = FeedNamespace(uris: ["http://www.w3.org/2005/Atom", "http://purl.org/atom/ns#"], prefix: "atom")
    static let content = FeedNamespace(uris: ["http://purl.org/rss/1.0/modules/content/"], prefix: "content")
    static let dc = FeedNamespace(uris: ["http://purl.org/dc/elements/1.1/"], prefix: "dc")
    static let dcterms = FeedNamespace(uris: ["http://purl.org/dc/terms/"], prefix: "dcterms")
    static let feedburner = FeedNamespace(uris: ["http://rssnamespace.org/feedburner/ext/1.0"], prefix: "feedburner")
    static let itunes = FeedNamespace(uris: ["http://www.itunes.com/dtds/podcast-1.0.dtd"], prefix: "itunes")
    static let media = FeedNamespace(uris: ["http://search.yahoo.com/mrss/", "http://search.yahoo.com/mrss"], prefix: "media")
    static let rdf = FeedNamespace(uris: ["http://www.w3.org/1999/02/22-rdf-syntax-ns#"], prefix: "rdf")
    /// RSS 0.9x/2.0 (no namespace), RSS 1.0 and RSS 0.90.
    static let rss = FeedNamespace(uris: ["", "http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/"], prefix: nil)
}

extension XMLNode {
    func `is`(_ local: String, _ ns: FeedNamespace) -> Bool {
        guard isElement else { return false }
        let name = localName
        if name == local && ns.uris.contains(namespace) { return true }
        if let p = ns.prefix, namespace.isEmpty, name.count == p.count + 1 + local.count, name == p + ":" + local { return true }
        return false
    }

    func children(_ local: String, _ ns: FeedNamespace) -> [XMLNode] { elements.filter { $0.is(local, ns) } }

    func child(_ local: String, _ ns: FeedNamespace) -> XMLNode? { elements.first { $0.is(local, ns) } }

    /// Trimmed text of the first such child, nil when missing or blank.
    func childText(_ local: String, _ ns: FeedNamespace) -> String? {
        guard let t = child(local, ns)?.text.trimmed, !t.isEmpty else { return nil }
        return t
    }
}
