import Foundation

/// The JSON Lines record of one article, schema `newsdesk.article/1` (documented in docs/export.md).
///
/// Writing is hand-rolled (fixed key order, no intermediate dictionaries: this is the hot path of a
/// 10,000-article export); reading (`decode(line:)`) uses `JSONDecoder`, so consumers written in Swift get the
/// exact inverse. Dates are RFC 3339 UTC with millisecond precision; absent optional fields are `null`.
enum JSONLRecord {
    /// The schema identifier every line carries in `"schema"`. A new major number means a breaking change.
    public static let schema = "newsdesk.article/1"

    /// Appends one line (with the trailing `\n`) for `article` to `out`.
    /// `sectionName` is the display name from feeds.yaml (not stored; `null` when unknown).
    public static func append(_ a: StoredArticle, sectionName: String?, to out: inout [UInt8]) {
        var first = true
        func key(_ k: StaticString) {
            out.append(first ? UInt8(ascii: "{") : UInt8(ascii: ","))
            first = false
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: UnsafeBufferPointer(start: k.utf8Start, count: k.utf8CodeUnitCount))
            out.append(UInt8(ascii: "\""))
            out.append(UInt8(ascii: ":"))
        }
        func str(_ k: StaticString, _ v: String?) {
            key(k)
            if let v { Escape.appendJSONString(v, to: &out) } else { out.append(contentsOf: nullBytes) }
        }
        func int(_ k: StaticString, _ v: Int64) { key(k); out.append(contentsOf: String(v).utf8) }
        func bool(_ k: StaticString, _ v: Bool) { key(k); out.append(contentsOf: v ? Array("true".utf8) : Array("false".utf8)) }
        func date(_ k: StaticString, _ v: Date?) { str(k, v.map(RFC3339.format)) }
        func strings(_ k: StaticString, _ v: [String]) { key(k); appendStringArray(v, to: &out) }
        str("schema", schema)
        int("id", a.id)
        int("change_seq", a.changeSeq)
        int("revision", Int64(a.revision))
        str("canonical_url", a.canonicalURL)
        strings("other_urls", a.otherURLs)
        str("original_url", a.originalURL)
        str("source_id", a.sourceID)
        str("section", a.section)
        str("section_name", sectionName)
        bool("section_pinned", a.sectionPinned)
        key("confidence")
        out.append(contentsOf: a.confidence.isFinite ? Array("\(a.confidence)".utf8) : nullBytes)
        str("classification_reason", a.classificationReason)
        str("title", a.title)
        key("byline")
        out.append(contentsOf: Array("{\"reporters\":".utf8)); appendStringArray(a.byline.reporters, to: &out)
        out.append(contentsOf: Array(",\"agency\":".utf8)); appendOptional(a.byline.agency, to: &out)
        out.append(contentsOf: Array(",\"emails\":".utf8)); appendStringArray(a.byline.emails, to: &out)
        out.append(contentsOf: Array(",\"raw\":".utf8)); appendOptional(a.byline.raw, to: &out)
        out.append(UInt8(ascii: "}"))
        date("published", a.published)
        date("updated", a.updated)
        date("fetched_at", a.fetchedAt)
        date("changed_at", a.changedAt)
        str("attribution", a.attribution)
        str("lead_image", a.leadImage)
        str("description", a.description)
        str("site_name", a.siteName)
        str("language", a.language)
        strings("keywords", a.keywords)
        str("content_hash", a.contentHash)
        str("html", a.html)
        str("text", a.text)
        out.append(UInt8(ascii: "}"))
        out.append(UInt8(ascii: "\n"))
    }

    /// One line as a String (without the newline).
    public static func line(_ a: StoredArticle, sectionName: String? = nil) -> String {
        var out: [UInt8] = []
        append(a, sectionName: sectionName, to: &out)
        out.removeLast()
        return String(decoding: out, as: UTF8.self)
    }

    private static let nullBytes = Array("null".utf8)

    private static func appendStringArray(_ v: [String], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (i, s) in v.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            Escape.appendJSONString(s, to: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    private static func appendOptional(_ v: String?, to out: inout [UInt8]) {
        if let v { Escape.appendJSONString(v, to: &out) } else { out.append(contentsOf: nullBytes) }
    }

    /// Reads one line back into the article it was written from, and the section display name it carried.
    public static func decode(line: some StringProtocol) throws(ExportError) -> (article: StoredArticle, sectionName: String?) {
        let r: Record
        do {
            r = try JSONDecoder().decode(Record.self, from: Data(line.utf8))
        } catch {
            throw .invalidRecord("\(error)")
        }
        guard r.schema == schema else { throw .invalidRecord("schema \"\(r.schema)\" is not \(schema)") }
        func date(_ s: String?, _ field: String) throws(ExportError) -> Date? {
            guard let s else { return nil }
            guard let d = RFC3339.parse(s) else { throw .invalidRecord("\(field): \"\(s)\" is not an RFC 3339 date") }
            return d
        }
        guard let fetched = try date(r.fetched_at, "fetched_at"), let changed = try date(r.changed_at, "changed_at") else {
            throw .invalidRecord("fetched_at and changed_at are required")
        }
        let a = StoredArticle(
            id: r.id, canonicalURL: r.canonical_url, otherURLs: r.other_urls, originalURL: r.original_url, sourceID: r.source_id,
            section: r.section, sectionPinned: r.section_pinned, confidence: r.confidence ?? .nan,
            classificationReason: r.classification_reason, title: r.title,
            byline: Byline(reporters: r.byline.reporters, agency: r.byline.agency, emails: r.byline.emails, raw: r.byline.raw),
            published: try date(r.published, "published"), updated: try date(r.updated, "updated"), fetchedAt: fetched,
            changedAt: changed, attribution: r.attribution, leadImage: r.lead_image, description: r.description,
            siteName: r.site_name, language: r.language, keywords: r.keywords, html: r.html, text: r.text,
            contentHash: r.content_hash, revision: r.revision, changeSeq: r.change_seq)
        return (a, r.section_name)
    }

    private struct Record: Decodable {
        struct BylineRecord: Decodable {
            var reporters: [String]
            var agency: String?
            var emails: [String]
            var raw: String?
        }
        var schema: String
        var id: Int64
        var change_seq: Int64
        var revision: Int
        var canonical_url: String
        var other_urls: [String]
        var original_url: String?
        var source_id: String
        var section: String
        var section_name: String?
        var section_pinned: Bool
        var confidence: Double?
        var classification_reason: String
        var title: String
        var byline: BylineRecord
        var published: String?
        var updated: String?
        var fetched_at: String?
        var changed_at: String?
        var attribution: String?
        var lead_image: String?
        var description: String?
        var site_name: String?
        var language: String?
        var keywords: [String]
        var content_hash: String
        var html: String
        var text: String
    }
}
