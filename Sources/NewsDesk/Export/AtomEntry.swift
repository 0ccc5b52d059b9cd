import Foundation

/// Atom 1.0 (RFC 4287) text for sections and articles.
///
/// Ids are name-based UUIDs (`urn:uuid:`, RFC 9562 version 8 over SHA-256): an entry's id comes from the
/// article's canonical URL, so it is the same in every export and across revisions (readers update the
/// entry instead of showing a duplicate); a feed's id comes from the section id. An entry's `updated` is
/// when NewsDesk's copy last changed (`changedAt`: first store or revision), `published` the publisher's
/// date; a feed's `updated` is the latest entry `updated`.
enum AtomFormat {
    /// `urn:uuid:` id of an article, from its canonical URL.
    public static func entryID(canonicalURL: String) -> String {
        "urn:uuid:" + NameUUID.make(namespace: NameUUID.urlNamespace, name: canonicalURL)
    }

    /// `urn:uuid:` id of a section's feed.
    public static func feedID(section: String) -> String {
        "urn:uuid:" + NameUUID.make(namespace: NameUUID.urlNamespace, name: "newsdesk:section:" + section)
    }

    /// The `updated` of an entry.
    public static func entryUpdated(_ a: StoredArticle) -> Date { a.changedAt }

    /// The feed header up to (not including) the first entry.
    static func header(section: String, sectionName: String?, updated: Date) -> String {
        let title = sectionName.map { "NewsDesk: \($0)" } ?? "NewsDesk: \(section)"
        return """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <id>\(feedID(section: section))</id>
          <title type="text">\(Escape.xml(title))</title>
          <subtitle type="text">\(Escape.xml("Articles of section \(section), exported by NewsDesk"))</subtitle>
          <updated>\(RFC3339.format(updated))</updated>
          <author><name>NewsDesk</name></author>
          <generator>NewsDesk</generator>
          <category term="\(Escape.xml(section))"\(sectionName.map { " label=\"\(Escape.xml($0))\"" } ?? "")/>

        """
    }

    static let footer = "</feed>\n"

    /// One `<entry>` element.
    static func entry(_ a: StoredArticle, sectionName: String?) -> String {
        var s = "  <entry"
        if let lang = a.language, !lang.isEmpty { s += " xml:lang=\"\(Escape.xml(lang))\"" }
        s += ">\n"
        s += "    <id>\(entryID(canonicalURL: a.canonicalURL))</id>\n"
        s += "    <title type=\"text\">\(Escape.xml(a.title.isEmpty ? a.canonicalURL : a.title))</title>\n"
        s += "    <updated>\(RFC3339.format(entryUpdated(a)))</updated>\n"
        if let p = a.published { s += "    <published>\(RFC3339.format(p))</published>\n" }
        let names = authorNames(a)
        for (i, name) in names.enumerated() {
            s += "    <author><name>\(Escape.xml(name))</name>"
            if i < a.byline.emails.count, names.count == a.byline.reporters.count { s += "<email>\(Escape.xml(a.byline.emails[i]))</email>" }
            s += "</author>\n"
        }
        s += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(Escape.xml(a.canonicalURL))\"/>\n"
        if let o = a.originalURL, o != a.canonicalURL { s += "    <link rel=\"via\" type=\"text/html\" href=\"\(Escape.xml(o))\"/>\n" }
        if let img = a.leadImage, !img.isEmpty { s += "    <link rel=\"enclosure\" href=\"\(Escape.xml(img))\"/>\n" }
        s += "    <category term=\"\(Escape.xml(a.section))\"\(sectionName.map { " label=\"\(Escape.xml($0))\"" } ?? "")/>\n"
        for k in a.keywords where !k.isEmpty { s += "    <category term=\"\(Escape.xml(k))\"/>\n" }
        if let d = a.description, !d.isEmpty { s += "    <summary type=\"text\">\(Escape.xml(d))</summary>\n" }
        if let r = a.attribution, !r.isEmpty { s += "    <rights type=\"text\">\(Escape.xml(r))</rights>\n" }
        s += "    <content type=\"html\" xml:base=\"\(Escape.xml(a.canonicalURL))\">\(Escape.xml(a.html))</content>\n"
        s += "  </entry>\n"
        return s
    }

    /// Reporters, else the agency, else the site name, else the source id: Atom wants an author per entry.
    static func authorNames(_ a: StoredArticle) -> [String] {
        let reporters = a.byline.reporters.filter { !$0.isEmpty }
        if !reporters.isEmpty { return reporters }
        if let agency = a.byline.agency, !agency.isEmpty { return [agency] }
        if let site = a.siteName, !site.isEmpty { return [site] }
        return [a.sourceID]
    }
}
