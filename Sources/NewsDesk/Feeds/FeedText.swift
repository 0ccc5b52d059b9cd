import Foundation

/// Text clean-up shared by the feed parsers: titles and summaries to plain text, images from HTML.
enum FeedText {
    /// Collapses runs of whitespace (including NBSP and ideographic space) to one space and trims.
    static func collapse(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var pendingSpace = false
        for ch in s.unicodeScalars {
            if ch.properties.isWhitespace || ch == "\u{00A0}" || ch == "\u{3000}" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// A title as plain text: tags stripped, entities decoded (also double-escaped ones), whitespace collapsed.
    static func title(_ raw: String) -> String {
        guard raw.contains("<") || raw.contains("&") else { return collapse(raw) }
        return html(raw).text
    }

    /// Plain text, with entities decoded but `<` kept literal (Atom `type="text"`).
    static func literal(_ raw: String) -> String {
        guard raw.contains("&") else { return collapse(raw) }
        return html(raw.replacingOccurrences(of: "<", with: "&lt;")).text
    }

    /// The text of an HTML fragment (without script/style) and the first real image in it.
    static func html(_ fragment: String) -> (text: String, image: String?) {
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
