import Foundation

/// Elements a reader never sees, removed from every body path (site rule and generic) before anything is measured:
/// `style` with `display:none` or `visibility:hidden`, the `hidden` attribute, and `aria-hidden="true"` (the tests
/// Readability.js's `_isProbablyVisible` makes, including its exception for lazy-image fallbacks, class
/// `fallback-image`). A summary block for search engines (`<div style="display:none">… 검색엔진용 요약</div>`) or a
/// screen-reader-hidden duplicate never reaches `text`, `bodyHTML`, search or the classifier. Text for screen readers
/// only, by the class names sites and CSS frameworks give it (`screenReaderClasses`), goes too: a sighted reader never
/// sees "사진 설명" or "Share on Facebook" written in a `blind` or `sr-only` span.
enum HiddenElements {
    /// Class names (whole tokens) of text kept off screen for screen readers, sorted. Sources: Naver's `blind` and
    /// Kakao/Daum's `screen_out` (their article and portal markup); Bootstrap's `sr-only`, `visually-hidden` (5.x);
    /// HTML5 Boilerplate's `visuallyhidden`; WordPress's `screen-reader-text`.
    static let screenReaderClasses: [StaticString] = [
        "blind", "screen-reader-text", "screen_out", "sr-only", "visually-hidden", "visuallyhidden",
    ]

    /// `screenReaderClasses` as substrings (ASCII case folded): most class lists hold none, and this rejects them in one
    /// pass before the token test.
    static let screenReaderPrefilter = SubstringMatcher(screenReaderClasses.map { "\($0)" })

    /// Whether `n` (an element) is hidden by its own attributes.
    static func isHidden(_ n: HTMLNode) -> Bool { n.withCommonAttributes(isHidden) }

    /// Whether an element with attributes `a` is hidden by them.
    static func isHidden(_ a: CommonAttributes) -> Bool {
        if a.hidden { return true }
        if let v = a.ariaHidden, strcmp(v, "true") == 0, !(a.class.map { strstr($0, "fallback-image") != nil } ?? false) { return true }
        if let c = a.class, screenReaderPrefilter.matches(cString: c), hasScreenReaderClass(c) { return true }
        // Byte tests first: most elements have no style, and most styles hide nothing.
        guard let style = a.style, strstr(style, "none") != nil || strstr(style, "hidden") != nil else { return false }
        return hides(style: String(cString: style))
    }

    /// Whether the class list `value` (NUL-terminated) holds one of `screenReaderClasses` as a whole token (ASCII case
    /// folded, as HTML compares class names in quirks mode).
    static func hasScreenReaderClass(_ value: UnsafePointer<CChar>) -> Bool {
        let bytes = UnsafeRawPointer(value).assumingMemoryBound(to: UInt8.self)
        var i = 0
        while true {
            while bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0C || bytes[i] == 0x0D { i += 1 }
            if bytes[i] == 0 { return false }
            let start = i
            while bytes[i] != 0 && bytes[i] != 0x20 && bytes[i] != 0x09 && bytes[i] != 0x0A && bytes[i] != 0x0C && bytes[i] != 0x0D { i += 1 }
            let token = UnsafeBufferPointer(start: bytes + start, count: i - start)
            for name in screenReaderClasses where name.utf8CodeUnitCount == token.count {
                let t = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
                if zip(token, t).allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) == $1 }) { return true }
            }
        }
    }

    /// Whether a `style` attribute's declarations hide the element (`display: none`, `visibility:hidden !important`).
    /// Read on bytes: blanks dropped, ASCII lowercased, then each declaration compared (a border or overflow that is
    /// `none`/`hidden` hides nothing).
    static func hides(style: String) -> Bool {
        var compact: [UInt8] = []
        compact.reserveCapacity(style.utf8.count)
        for b in style.utf8 where b != 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C {
            compact.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
        }
        for decl in compact.split(separator: 0x3B) {  // ;
            let d = Array(decl)
            if matches(d, "display:none") || matches(d, "visibility:hidden") { return true }
        }
        return false
    }

    /// `decl` is `target`, optionally followed by `!important`.
    private static func matches(_ decl: [UInt8], _ target: StaticString) -> Bool {
        let t = UnsafeBufferPointer(start: target.utf8Start, count: target.utf8CodeUnitCount)
        guard decl.count >= t.count, decl.prefix(t.count).elementsEqual(t) else { return false }
        return decl.count == t.count || decl[t.count] == 0x21  // !
    }

    /// Removes every hidden element below `root` (with its content). Returns how many were removed.
    @discardableResult
    static func remove(below root: HTMLNode) -> Int {
        var hidden: [HTMLNode] = []
        root.traverse(enter: { n in
            guard n.isElement else { return false }
            if isHidden(n) { hidden.append(n); return false }
            return true
        })
        // Outermost only (the walk does not descend into a hidden element), so no removal frees another match.
        for n in hidden { n.remove() }
        return hidden.count
    }
}
