import Foundation

/// End tags a browser ignores but libxml2 honours: `</body>` and `</html>`.
///
/// A browser keeps everything that follows a stray `</body>` or `</html>` in the body (the HTML parsing algorithm
/// ignores both until the end of input); libxml2 2.9 ends the body there and drops or parks what follows outside it.
/// On real pages these tags come early from pasted widgets and ad snippets (`…</script></body></html>` inside an
/// article), so the rest of the article vanished from the tree. `blank` overwrites each such end tag with spaces
/// (same length, so nothing else moves) before libxml2 reads the bytes; the body then ends at the end of input, as
/// in a browser. Works on the raw bytes of any ASCII-compatible charset (UTF-8, CP949/EUC-KR, windows-125x): `<`
/// and `/` are never trail bytes there.
enum IgnoredEndTags {
    /// Whether `bytes[q...]` opens `</body` or `</html` (any case) followed by `>`, `/` or a blank (`</bodyx>` is
    /// another tag).
    static func isBodyOrHTMLEndTag(_ bytes: UnsafeBufferPointer<UInt8>, at q: Int) -> Bool {
        guard q + 6 < bytes.count, bytes[q] == 0x3C, bytes[q + 1] == 0x2F else { return false }
        let name4 = (bytes[q + 2] | 0x20, bytes[q + 3] | 0x20, bytes[q + 4] | 0x20, bytes[q + 5] | 0x20)
        let isBody = name4 == (0x62, 0x6F, 0x64, 0x79)  // body
        let isHTML = name4 == (0x68, 0x74, 0x6D, 0x6C)  // html
        guard isBody || isHTML else { return false }
        let after = bytes[q + 6]
        return after == 0x3E || after == 0x20 || after == 0x09 || after == 0x0A || after == 0x0D || after == 0x0C || after == 0x2F
    }

    /// A copy of `bytes` with every `</body…>` and `</html…>` blanked, or nil when there is none (no copy).
    static func blank(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let n = bytes.count
        var out: [UInt8]?
        var i = 0
        while i + 6 < n {
            // Fast skip to the next "</".
            guard let base = bytes.baseAddress,
                  let hit = memchr(base + i, 0x3C, n - i) else { break }
            let q = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            i = q + 1
            guard isBodyOrHTMLEndTag(bytes, at: q) else { continue }
            // The tag runs to the first `>`.
            var end = q + 6
            while end < n, bytes[end] != 0x3E { end += 1 }
            guard end < n else { break }
            if out == nil { out = Array(bytes) }
            for k in q...end { out?[k] = 0x20 }
            i = end + 1
        }
        return out
    }
}
