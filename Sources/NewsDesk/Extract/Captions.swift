/// Photo captions: found in the chosen body, returned as `ExtractedArticle.captions`, and kept in `bodyHTML` as
/// `<figure>`/`<figcaption>` so that `text` (which leaves figcaptions out, `NodeText.render`) is the prose alone.
///
/// A caption is a `<figcaption>`; an element whose class or id names a caption (the names below, read off Daum, Naver,
/// Yonhap, WordPress and Korean CMS article markup); or a short block next to an image that ends with a photo credit
/// (`… [사진=전자신문DB]`, `(사진=연합뉴스)`) or carries a photo desk's address (`… photo@yna.co.kr`).
enum Captions {
    /// Class/id fragments that name a caption (lowercased, sorted).
    static let names: [String] = [
        "caption", "desc-con", "image-desc", "img-desc", "img_desc", "photo-desc", "photo_desc", "photo_txt", "phototext", "txt-desc",
        "txt_caption",
    ]
    /// `names`, matched on the `class` and `id` bytes (ASCII case folded).
    static let nameMatcher = SubstringMatcher(names)
    /// Tags a caption block may have (besides `figcaption`).
    static let blockTags = TagNames(["dd", "div", "em", "p", "small", "span", "strong", "td"])
    /// Photo-credit markers at the end of a caption.
    static let creditMarkers: [String] = ["(사진=", "(사진 =", "<사진=", "[사진=", "[사진 =", "/사진=", "photo@", "(사진 제공", "[사진 제공"]
    /// A caption is short: longer blocks are prose however they are named.
    static let maxWeight = 700.0

    /// Collects the captions below `roots` (in document order, whitespace collapsed) and rewrites each caption that is not
    /// yet a `figcaption` into one, inside a `<figure>` with the image it describes.
    static func collect(_ roots: [HTMLNode]) -> [String] {
        var found: [HTMLNode] = []
        for root in roots {
            root.traverse(enter: { n in
                guard n.isElement else { return false }
                if isCaption(n) { found.append(n); return false }
                return true
            })
        }
        var texts: [String] = []
        for n in found {
            guard let text = PageMetadata.clean(n.textContent) else { continue }
            // A bare credit (`사진=스포츠조선 제공`) says nothing about the photo: the line pass drops it as boilerplate.
            if !n.hasName("figcaption"), BoilerplateLines.classify(text) == .photoCredit { continue }
            texts.append(text)
            if n.hasName("figcaption") { continue }
            figure(n)
        }
        return texts
    }

    static func isCaption(_ n: HTMLNode) -> Bool {
        if n.hasName("figcaption") { return true }
        guard blockTags.contains(n) else { return false }
        let named = n.withCommonAttributes { a in
            (a.class.map(nameMatcher.matches(cString:)) ?? false) || (a.id.map(nameMatcher.matches(cString:)) ?? false)
        }
        if named || nextToImage(n) {
            let text = n.textContent
            let w = NodeText.weight(text)
            guard w > 0, w <= maxWeight, n.descendants(where: { $0.hasName("p") }).count <= 1 else { return false }
            if named { return true }
            let t = text.trimmed
            return w <= 400 && creditMarkers.contains(where: { t.includes($0) }) && (t.hasSuffix(")") || t.hasSuffix("]") || t.hasSuffix(">") || t.hasSuffix(".kr") || t.hasSuffix(".com"))
        }
        return false
    }

    /// Whether the element before `n` (or `n`'s parent's, when `n` opens its parent) is or holds an image with no text.
    static func nextToImage(_ n: HTMLNode) -> Bool {
        var prev = n.previous
        while let p = prev, !p.isElement { guard p.textContent.trimmed.isEmpty else { return false }; prev = p.previous }
        guard let p = prev else { return false }
        return isImageBlock(p)
    }

    static func isImageBlock(_ n: HTMLNode) -> Bool {
        if n.hasName("img") || n.hasName("picture") { return true }
        // An image and no text below `n`, in one walk that stops at the first text with weight.
        var image = false, text = false
        n.traverse(enter: { d in
            if text { return false }
            if d.isText { text = d.withTextBytes(NodeText.weight(utf8:)) > 0; return false }
            if d.hasName("img") { image = true }
            return d.isElement
        })
        return image && !text
    }

    /// Makes `n` a `figcaption`: inside its `figure` when it has one, else in a new `<figure>` with the image before it.
    static func figure(_ n: HTMLNode) {
        var a = n.parent
        while let p = a {
            if p.hasName("figure") { n.rename("figcaption"); return }
            if p.hasName("body") || ContentScorer.paragraphTags.contains(p) { break }
            a = p.parent
        }
        guard let fig = n.document.createElement("figure") else { return }
        var prev = n.previous
        while let p = prev, !p.isElement { prev = p.previous }
        let image = prev.flatMap { isImageBlock($0) ? $0 : nil }
        (image ?? n).insertBefore(fig)
        if let image { fig.append(image) }
        n.removeAttributes { _, _ in true }
        n.rename("figcaption")
        fig.append(n)
    }
}
