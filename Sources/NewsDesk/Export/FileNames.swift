import Foundation

/// Safe, stable file names for exported articles, whatever the title: `<id>-<title>.<ext>`.
///
/// The title is NFC-normalized (Korean stays Korean), path separators, `:` and the other characters Windows
/// or shells trip over become `_`, control and format characters go, whitespace runs become one `-`, and
/// leading/trailing dots, dashes and spaces are trimmed. The stem (id and title) is capped at
/// `maxStemBytes` UTF-8 bytes, cut at a character boundary. The id prefix makes names unique.
enum FileNames {
    /// The cap on `<id>-<title>` in UTF-8 bytes (most file systems allow 255 bytes per name).
    public static let maxStemBytes = 120

    /// Windows device names, refused as a whole name (or before the first dot) on Windows shares.
    private static let reserved: Set<String> = [
        "aux", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9", "con",
        "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9", "nul", "prn",
    ]

    /// Characters replaced by `_` (path separators, Windows-reserved, shell-hostile).
    private static let replaced: Set<Character> = ["/", "\\", ":", "*", "?", "\"", "<", ">", "|"]

    /// The file name of an article: `<id>-<slug>.<ext>`, or `<id>.<ext>` when the title leaves nothing.
    public static func articleFileName(id: Int64, title: String, fileExtension: String) -> String {
        let prefix = String(id)
        let slug = self.slug(title, maxBytes: maxStemBytes - prefix.utf8.count - 1)
        return (slug.isEmpty ? prefix : prefix + "-" + slug) + "." + fileExtension
    }

    /// A folder or file name component for `text` (a section id, a cursor name), never empty, never `.`/`..`,
    /// never a reserved device name.
    public static func component(_ text: String, maxBytes: Int = maxStemBytes) -> String {
        var s = slug(text, maxBytes: maxBytes)
        if s.isEmpty { s = "_" }
        if reserved.contains(s.lowercased()) || reserved.contains(s.lowercased().split(separator: ".").first.map(String.init) ?? "") {
            s += "_"
        }
        return s
    }

    /// The cleaned title, at most `maxBytes` UTF-8 bytes.
    static func slug(_ text: String, maxBytes: Int) -> String {
        let nfc = text.precomposedStringWithCanonicalMapping
        var out = ""
        var pendingDash = false
        for ch in nfc {
            if ch.isWhitespace || ch.isNewline {
                pendingDash = !out.isEmpty
                continue
            }
            // A control or format character (ZWSP, BOM, bidi marks) is dropped; emoji sequences joined by
            // U+200D start with a visible scalar and stay.
            if ch.unicodeScalars.first.map(isDropped) ?? true { continue }
            let piece: String = replaced.contains(ch) ? "_" : String(ch)
            if pendingDash { out += "-"; pendingDash = false }
            out += piece
        }
        out = trimEdges(out)
        if out.utf8.count > maxBytes {
            var capped = ""
            for ch in out {
                if capped.utf8.count + String(ch).utf8.count > maxBytes { break }
                capped.append(ch)
            }
            out = trimEdges(capped)
        }
        return out
    }

    private static func isDropped(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }

    private static func trimEdges(_ s: String) -> String {
        let edge: Set<Character> = [".", "-", " ", "_"]
        var sub = Substring(s)
        while let f = sub.first, edge.contains(f) { sub = sub.dropFirst() }
        while let l = sub.last, edge.contains(l) { sub = sub.dropLast() }
        return String(sub)
    }
}
