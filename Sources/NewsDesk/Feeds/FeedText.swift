import Foundation

/// Text clean-up shared by the feed parsers: titles and summaries to plain text, images from HTML.
enum FeedText {
    /// Collapses runs of whitespace (ASCII, NBSP, the U+2000 spaces, ideographic space) to one space and trims.
    /// Works on UTF-8 bytes: it runs over whole article bodies.
    static func collapse(_ s: String) -> String {
        var u = Array(s.utf8)
        let n = u.count
        var w = 0
        var i = 0
        var pendingSpace = false
        while i < n {
            let c = u[i]
            var spaceLen = 0
            if c == 0x20 || (c >= 0x09 && c <= 0x0D) {
                spaceLen = 1
            } else if c == 0xC2, i + 1 < n, u[i + 1] == 0xA0 || u[i + 1] == 0x85 {
                spaceLen = 2
            } else if c == 0xE3, i + 2 < n, u[i + 1] == 0x80, u[i + 2] == 0x80 {
                spaceLen = 3
            } else if c == 0xE2, i + 2 < n, u[i + 1] == 0x80,
                      u[i + 2] <= 0x8A || u[i + 2] == 0xA8 || u[i + 2] == 0xA9 || u[i + 2] == 0xAF {
                spaceLen = 3
            }
            if spaceLen > 0 {
                pendingSpace = w > 0
                i += spaceLen
                continue
            }
            if pendingSpace { u[w] = 0x20; w += 1; pendingSpace = false }
            u[w] = c
            w += 1
            i += 1
        }
        return String(decoding: u[0..<w], as: UTF8.self)
    }

    /// A title as plain text: tags stripped, entities decoded (also double-escaped ones), whitespace collapsed.
    static func title(_ raw: String) -> String {
        // No headline is longer than this; a huge one is an attack or a broken feed.
        let capped = raw.utf8.count > 8192 ? String(decoding: raw.utf8.prefix(8192), as: UTF8.self) : raw
        guard capped.contains("<") || capped.contains("&") else { return collapse(capped) }
        return html(capped).text
    }

    /// Plain text, with entities decoded but `<` kept literal (Atom `type="text"`).
    static func literal(_ raw: String) -> String {
        guard raw.contains("&") else { return collapse(raw) }
        return html(raw.replacingOccurrences(of: "<", with: "&lt;")).text
    }

    /// The text of an HTML fragment (without script/style) and the first real image in it.
    static func html(_ fragment: String) -> (text: String, image: String?) {
        if !fragment.utf8.contains(UInt8(ascii: "<")) && !fragment.utf8.contains(UInt8(ascii: "&")) { return (collapse(fragment), nil) }
        guard let doc = try? HTMLDocument(html: "<html><body>" + fragment + "</body></html>"), let body = doc.body else {
            return (collapse(fragment), nil)
        }
        for n in body.descendants(where: { $0.hasName("script") || $0.hasName("style") || $0.hasName("noscript") }).reversed() {
            n.remove()
        }
        return (collapse(body.textContent), firstImage(in: body))
    }

    /// The first `<img>` that is not a tracking pixel or inline data: `src`, else a lazy-loading attribute.
    static func firstImage(in node: HTMLNode) -> String? {
        for img in node.descendants(where: { $0.hasName("img") }) {
            if img.attribute("width") == "1" || img.attribute("height") == "1" { continue }
            for attr in ["src", "data-src", "data-original", "data-lazy-src"] {
                if let v = img.attribute(attr)?.trimmingCharacters(in: .whitespacesAndNewlines), !v.isEmpty,
                   !v.lowercased().hasPrefix("data:") {
                    return v
                }
            }
        }
        return nil
    }

    /// A summary from text: at most `limit` characters, cut at a word boundary with an ellipsis.
    static func shorten(_ text: String, limit: Int = 500) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2 {
            return String(cut[..<space]) + "…"
        }
        return String(cut) + "…"
    }

    static func isImageURL(_ url: String) -> Bool {
        let path = url.split(separator: "?", maxSplits: 1).first.map(String.init)?.lowercased() ?? ""
        return [".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"].contains { path.hasSuffix($0) }
    }
}
