import Foundation

/// The per-article documents of the `html` and `markdown` formats, and the section index pages.
enum ArticleDocuments {
    /// The page style, inline so every page is self-contained; the CSP allows exactly this text by hash.
    static let stylesheet = """
    body{font-family:system-ui,-apple-system,"Apple SD Gothic Neo","Noto Sans KR",sans-serif;max-width:46rem;\
    margin:2rem auto;padding:0 1rem;line-height:1.7;color:#222}img,video{max-width:100%;height:auto}\
    figcaption,.meta,.attribution{color:#666;font-size:.9em}table{border-collapse:collapse}\
    td,th{border:1px solid #ccc;padding:.2em .5em}blockquote{border-left:3px solid #ccc;margin-left:0;padding-left:1em}\
    pre{overflow-x:auto;background:#f6f6f6;padding:.5em}
    """

    /// `'sha256-…'` of the stylesheet, for the Content-Security-Policy.
    static let styleHash: String = {
        let d = SHA256Hash.hash(Array(stylesheet.utf8))
        return "'sha256-" + Data(d).base64EncodedString() + "'"
    }()

    /// A strict policy: no scripts, no plugins, no forms, no base rewriting; images and media from the web
    /// (the sanitizer's rewritten URLs), the page's own style by hash.
    static var contentSecurityPolicy: String {
        "default-src 'none'; img-src https: http: data:; media-src https: http:; style-src \(styleHash); "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    }

    /// A self-contained HTML page for one article: escaped metadata, the sanitized body as stored, the
    /// attribution and a link to the original. Dates are shown in `time`'s zone, named.
    public static func htmlPage(_ a: StoredArticle, sectionName: String?, time: DisplayTime = .standard) -> String {
        let e = Escape.xml
        let lang = a.language.flatMap { $0.isEmpty ? nil : $0 } ?? "ko"
        let original = a.originalURL ?? a.canonicalURL
        var s = documentHead(lang: lang, title: a.title, referrer: true, generator: true)
        s += "<link rel=\"canonical\" href=\"\(e(a.canonicalURL))\">\n"
        if let d = a.description, !d.isEmpty { s += "<meta name=\"description\" content=\"\(e(d))\">\n" }
        s += "<style>\(stylesheet)</style>\n</head>\n<body>\n<article>\n<header>\n"
        s += "<p class=\"meta\"><a href=\"index.html\">\(e(sectionName ?? a.section))</a></p>\n"
        s += "<h1>\(e(a.title))</h1>\n"
        var meta: [String] = []
        let byline = bylineText(a)
        if !byline.isEmpty { meta.append(e(byline)) }
        if let p = a.published { meta.append("<time datetime=\"\(RFC3339.format(p))\">\(e(time.format(p)))</time>") }
        if let u = a.updated, u != a.published { meta.append("수정 <time datetime=\"\(RFC3339.format(u))\">\(e(time.format(u)))</time>") }
        meta.append(e(a.siteName ?? a.sourceID))
        s += "<p class=\"meta\">" + meta.joined(separator: " · ") + "</p>\n</header>\n"
        s += "<div class=\"body\">\n" + a.html + "\n</div>\n<footer>\n"
        if let r = a.attribution, !r.isEmpty { s += "<p class=\"attribution\">\(e(r))</p>\n" }
        s += "<p class=\"meta\"><a href=\"\(e(original))\" rel=\"noopener noreferrer\">원문 보기 (original article)</a></p>\n"
        s += "</footer>\n</article>\n</body>\n</html>\n"
        return s
    }

    /// The start of every page up to its `<title>` line: doctype, charset, the restrictive CSP, viewport, and
    /// (for pages that link out) no referrer.
    static func documentHead(lang: String, title: String, referrer: Bool, generator: Bool) -> String {
        let e = Escape.xml
        var s = "<!DOCTYPE html>\n<html lang=\"\(e(lang))\">\n<head>\n<meta charset=\"utf-8\">\n"
        s += "<meta http-equiv=\"Content-Security-Policy\" content=\"\(e(contentSecurityPolicy))\">\n"
        if referrer { s += "<meta name=\"referrer\" content=\"no-referrer\">\n" }
        s += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        if generator { s += "<meta name=\"generator\" content=\"NewsDesk\">\n" }
        return s + "<title>\(e(title))</title>\n"
    }

    /// One row of a section index: what the index page needs of an article.
    struct IndexEntry: Codable, Equatable, Sendable {
        var id: Int64
        var section: String
        var file: String
        var title: String
        /// RFC 3339: published, else fetched.
        var date: String
        var source: String
    }

    /// A section's index page, newest first.
    static func indexPage(section: String, sectionName: String?, entries: [IndexEntry], time: DisplayTime = .standard) -> String {
        let e = Escape.xml
        let title = sectionName ?? section
        var s = documentHead(lang: "ko", title: title, referrer: true, generator: false)
        s += """
        <style>\(stylesheet)</style>
        </head>
        <body>
        <p class="meta"><a href="../index.html">NewsDesk</a></p>
        <h1>\(e(title))</h1>
        <ul>

        """
        for x in entries.sorted(by: { ($0.date, $0.id) > ($1.date, $1.id) }) {
            let date = RFC3339.parse(x.date).map { time.format($0) } ?? x.date
            s += "<li><a href=\"\(e(percentEncodedFileName(x.file)))\">\(e(x.title.isEmpty ? x.file : x.title))</a> "
            s += "<span class=\"meta\">\(e(date)) · \(e(x.source))</span></li>\n"
        }
        s += "</ul>\n</body>\n</html>\n"
        return s
    }

    /// The top index: one link per section.
    static func rootIndexPage(sections: [(id: String, folder: String, name: String?, count: Int)]) -> String {
        let e = Escape.xml
        var s = documentHead(lang: "ko", title: "NewsDesk", referrer: false, generator: false)
        s += """
        <style>\(stylesheet)</style>
        </head>
        <body>
        <h1>NewsDesk</h1>
        <ul>

        """
        for x in sections {
            s += "<li><a href=\"\(e(percentEncodedFileName(x.folder)))/index.html\">\(e(x.name ?? x.id))</a> "
            s += "<span class=\"meta\">(\(x.count))</span></li>\n"
        }
        s += "</ul>\n</body>\n</html>\n"
        return s
    }

    /// A Markdown document: YAML front matter with every useful field, the converted body, then the
    /// attribution and a link to the original.
    public static func markdown(_ a: StoredArticle, sectionName: String?, converter: MarkdownConverter = MarkdownConverter()) throws(ExportError) -> String {
        let q = Escape.jsonString  // JSON string literals are valid YAML double-quoted scalars
        var s = "---\n"
        s += "schema: \(q(JSONLRecord.schema))\n"
        s += "id: \(a.id)\n"
        s += "title: \(q(a.title))\n"
        s += "url: \(q(a.canonicalURL))\n"
        if let o = a.originalURL { s += "original_url: \(q(o))\n" }
        s += "source: \(q(a.sourceID))\n"
        if let site = a.siteName { s += "site_name: \(q(site))\n" }
        s += "section: \(q(a.section))\n"
        if let n = sectionName { s += "section_name: \(q(n))\n" }
        if !a.byline.reporters.isEmpty { s += "authors: [" + a.byline.reporters.map(q).joined(separator: ", ") + "]\n" }
        if let agency = a.byline.agency { s += "agency: \(q(agency))\n" }
        if let p = a.published { s += "date: \(RFC3339.format(p))\n" }
        if let u = a.updated { s += "updated: \(RFC3339.format(u))\n" }
        s += "fetched_at: \(RFC3339.format(a.fetchedAt))\n"
        s += "changed_at: \(RFC3339.format(a.changedAt))\n"
        s += "revision: \(a.revision)\n"
        if let l = a.language { s += "language: \(q(l))\n" }
        if let d = a.description { s += "description: \(q(d))\n" }
        if let img = a.leadImage { s += "image: \(q(img))\n" }
        if !a.keywords.isEmpty { s += "keywords: [" + a.keywords.map(q).joined(separator: ", ") + "]\n" }
        if let r = a.attribution { s += "attribution: \(q(r))\n" }
        s += "---\n\n"
        let body = try converter.convert(html: a.html)
        if !body.isEmpty { s += body + "\n\n" }
        if let r = a.attribution, !r.isEmpty { s += MarkdownInline.escape(r, lineStart: true) + "\n\n" }
        s += "[원문 보기 (original article)](" + MarkdownInline.destination(a.originalURL ?? a.canonicalURL) + ")\n"
        return s
    }

    static func bylineText(_ a: StoredArticle) -> String {
        if let raw = a.byline.raw, !raw.isEmpty { return raw }
        var parts = a.byline.reporters
        if let agency = a.byline.agency { parts.append(agency) }
        return parts.joined(separator: ", ")
    }

    /// A file name as a relative URL (Korean and spaces percent-encoded).
    static func percentEncodedFileName(_ name: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#;:")
        return name.addingPercentEncoding(withAllowedCharacters: allowed) ?? name
    }
}
