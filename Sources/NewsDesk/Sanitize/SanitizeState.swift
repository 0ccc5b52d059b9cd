import Foundation

/// The sanitizer's state and rules for one document (see ``SanitizeEngine``).
struct SanitizeState {
    private struct Frame {
        var tag: Int32
        /// 0 emitted (write an end tag), 1 emitted void or nothing to close, 2 unwrapped.
        var kind: UInt8
    }

    private let c: CompiledPolicy
    private let rules: URLRules
    private let proxy: SignedImageProxy?
    private(set) var out: [UInt8] = []
    private var text = TextBuilder()
    private var frames: [Frame] = []
    private var removeDepth = 0
    /// The tag index of the element whose removal `removeDepth` counts; -1 for a hidden element.
    private var removeRoot = -1
    private var inNoscript = false
    private var pendingLazy = false
    private var preDepth = 0
    private var base: String? { didSet { origin = URLFastPath.Origin(base: base) } }
    /// The base's origin for the URL fast path.
    private var origin: URLFastPath.Origin?
    /// The URL being written (fast path output, or the String path's result as bytes).
    private var urlBuf: [UInt8] = []
    /// Reused by `image`: lazy source values by priority, attributes kept.
    private var lazyBuf: [UnsafePointer<UInt8>?] = []
    private var keptBuf: [(UnsafePointer<UInt8>, UnsafePointer<UInt8>?)] = []
    private let pageHost: String?
    private let refHost: URLFastPath.RefHost
    private var baseSeen = false
    private var counts = URLRules.Counts()
    var report = SanitizeReport()
    private var removedByTag: [Int]
    private var unwrappedByTag: [Int]
    private var unknownUnwrapped: [String: Int] = [:]
    private var attrCounts = NameTable<Int>(minimumCapacity: 32)
    private var longAttrCounts: [String: Int] = [:]
    private var scratch: [UInt8] = []
    /// An open `<p>` we added around leading bare text (libxml2 adds the same on a second pass).
    private var impliedP = false
    /// How many emitted (closing) elements are open.
    private var emittedOpen = 0
    /// Indices in `frames` of the emitted elements still open, innermost last.
    private var openEmitted: [Int] = []

    init(policy: CompiledPolicy, rules: URLRules, baseURL: String?, capacity: Int) {
        c = policy
        self.rules = rules
        proxy = rules.policy.signedProxy
        base = baseURL.flatMap { b in
            let s = URLCleaner.scheme(of: b)
            return (s == "http" || s == "https") ? URLCleaner.resolve(b, against: nil) : nil
        }
        pageHost = base.flatMap(URLCleaner.host(of:))
        refHost = URLFastPath.RefHost(pageHost: pageHost)
        origin = URLFastPath.Origin(base: base)
        urlBuf.reserveCapacity(256)
        removedByTag = Array(repeating: 0, count: policy.tags.count)
        unwrappedByTag = Array(repeating: 0, count: policy.tags.count)
        out.reserveCapacity(capacity / 3)
        text.reserveCapacity(capacity / 4)
    }

    // MARK: SAX events

    mutating func startElement(name: UnsafePointer<UInt8>, attributes: HTMLSAXAttributes) {
        if removeDepth == 1, removeRoot == c.headIndex, c.headIndex >= 0, !(NameKey(name).map(Self.headContent.contains) ?? false) {
            // libxml2 keeps an element it does not know (`article`, `main`, `section`, a custom element) inside an implied
            // `<head>`, and the page with it; browsers end the head at any element that does not belong there and
            // start the body (a fuzz finding: `<meta charset=utf-8><article>…` came out empty). So do we: the head
            // becomes a frame that writes nothing, closed when libxml2 ends it.
            frames.append(Frame(tag: -1, kind: 1))
            removeDepth = 0
        }
        if removeDepth > 0 {
            removeDepth += 1
            if inNoscript, pendingLazy, NameKey(name) == CompiledPolicy.img {
                image(attributes, fromNoscript: true, CompiledPolicy.img.flatMap { c.tagIndex[$0] } ?? -1)
            }
            // <base> lives in <head>, which is removed with its content: still honour it.
            if !baseSeen, Bytes.equals(name, "base") { baseElement(attributes) }
            return
        }
        let idx = NameKey(name).flatMap { c.tagIndex[$0] } ?? -1
        if !attributes.isEmpty, isHidden(attributes) {
            report.hiddenElements += 1
            removeDepth = 1
            removeRoot = -1
            return
        }
        guard idx >= 0 else {
            unknownUnwrapped[String(cString: name), default: 0] += 1
            frames.append(Frame(tag: -1, kind: 2))
            return
        }
        let t = c.tags[idx]
        removeRoot = idx
        switch t.action {
        case .remove:
            removedByTag[idx] += 1
            removeDepth = 1
        case .noscript:
            removedByTag[idx] += 1
            removeDepth = 1
            inNoscript = true
        case .base:
            removedByTag[idx] += 1
            removeDepth = 1
            baseElement(attributes)
        case .iframe:
            removeDepth = 1
            if !iframe(attributes, idx) { removedByTag[idx] += 1 }
        case .unwrap:
            unwrappedByTag[idx] += 1
            if t.block > 0 { closeImpliedP(); htmlBreak(); text.brk(t.block) }
            frames.append(Frame(tag: Int32(idx), kind: 2))
        case .image:
            image(attributes, fromNoscript: false, idx)
            frames.append(Frame(tag: Int32(idx), kind: 1))
        case .allow:
            autoClose(before: idx)
            if t.block > 0 { closeImpliedP(); text.brk(t.block) }
            if t.isPre { preDepth += 1 }
            startTag(t, attributes)
            if !t.isVoid { emittedOpen += 1; openEmitted.append(frames.count) }
            frames.append(Frame(tag: Int32(idx), kind: t.isVoid ? 1 : 0))
            if t.isVoid, t.bytes == [0x62, 0x72] { text.brk(1) }
        }
    }

    mutating func endElement(name: UnsafePointer<UInt8>) {
        if removeDepth > 0 {
            removeDepth -= 1
            if removeDepth == 0 { inNoscript = false }
            return
        }
        guard let f = frames.popLast() else { return }
        close(f)
    }

    mutating func characters(_ buf: UnsafeBufferPointer<UInt8>) {
        guard removeDepth == 0 else { return }
        var b = buf
        if out.isEmpty {
            // libxml2 skips leading blanks of a document: so do we, to stay idempotent.
            var i = 0
            while i < b.count, Bytes.isSpace(b[i]) { i += 1 }
            if i == b.count { return }
            b = UnsafeBufferPointer(rebasing: b[i...])
            // Bare text first: libxml2 wraps it in an implied <p> when it reads our output again, so emit it now.
            out.append(contentsOf: [0x3C, 0x70, 0x3E])
            impliedP = true
        }
        if pendingLazy, b.contains(where: { !Bytes.isSpace($0) }) { pendingLazy = false }
        writeText(b)
        text.append(b, pre: preDepth > 0)
    }

    /// `</name>` came while `<name>` is open but not current. When it ends an element we remove with its content and
    /// libxml2 ignores it (a `div`, `td` or `table` left open inside outranks it), the rest of the page would be
    /// removed with it: a fuzz finding (`<form><div class="search"></form><div id="article">…` lost the article;
    /// likewise `<button><div>`, `<select>…<div>`). Browsers end a `button`, `select` or `object` there and take a
    /// `form` off the stack; we end the removal there for every element removed by tag (a hidden element keeps
    /// libxml2's reading: browsers keep what follows inside it too). What libxml2 still holds open becomes frames
    /// that write nothing; when libxml2 does end the elements in between, their end events close those frames.
    mutating func endTagMismatch(name: UnsafePointer<UInt8>) {
        guard removeDepth > 0, removeRoot >= 0, NameKey(name).flatMap({ c.tagIndex[$0] }) == removeRoot else { return }
        for _ in 0..<removeDepth { frames.append(Frame(tag: -1, kind: 1)) }
        removeDepth = 0
        inNoscript = false
    }

    /// What browsers keep in `<head>` (HTML's "in head" insertion mode); any other element starts the body.
    static let headContent: Set<NameKey> = Set(["base", "basefont", "bgsound", "link", "meta", "noframes", "noscript", "script",
                                               "style", "template", "title"].compactMap { NameKey($0) })

    /// Closes what libxml2 left open (it should not) and returns the result.
    mutating func finish() -> SanitizedHTML {
        while let f = frames.popLast() { close(f) }
        if impliedP { out.append(contentsOf: [0x3C, 0x2F, 0x70, 0x3E]); impliedP = false }
        while let last = out.last, Bytes.isSpace(last) { out.removeLast() }
        let html = String(decoding: out, as: UTF8.self)
        report.trackingParametersRemoved = counts.parametersRemoved
        report.proxiesUnwrapped = counts.proxiesUnwrapped
        for (i, n) in removedByTag.enumerated() where n > 0 { report.removedElements[c.tags[i].name, default: 0] += n }
        for (i, n) in unwrappedByTag.enumerated() where n > 0 { report.unwrappedElements[c.tags[i].name, default: 0] += n }
        for (k, n) in unknownUnwrapped { report.unwrappedElements[k, default: 0] += n }
        for (k, n) in attrCounts.entries { report.removedAttributes[Self.name(of: k), default: 0] += n }
        for (k, n) in longAttrCounts { report.removedAttributes[k, default: 0] += n }
        report.outputBytes = out.count
        return SanitizedHTML(html: html, text: text.finish(), report: report)
    }

    // MARK: Elements

    private mutating func closeImpliedP() {
        guard impliedP, emittedOpen == 0 else { return }
        out.append(contentsOf: [0x3C, 0x2F, 0x70, 0x3E])
        impliedP = false
    }

    /// Ends what libxml2 will end when it reads `<new>` in our output: the innermost emitted element, if `new` closes
    /// it (libxml2 did not when an element we unwrapped stood between), then the next, and our implied `<p>`.
    /// An element ended early writes nothing when its own end comes.
    private mutating func autoClose(before new: Int) {
        while let i = openEmitted.last, c.startCloses(new, Int(frames[i].tag)) {
            close(frames[i])
            frames[i].kind = 1
        }
        if impliedP, emittedOpen == 0, c.startCloses(new, c.impliedP) { closeImpliedP() }
    }

    private mutating func close(_ f: Frame) {
        switch f.kind {
        case 0:
            emittedOpen -= 1
            openEmitted.removeLast()
            let t = c.tags[Int(f.tag)]
            out.append(0x3C); out.append(0x2F); out.append(contentsOf: t.bytes); out.append(0x3E)
            if t.isPre { preDepth -= 1 }
            if t.block > 0 { text.brk(t.block) }
        case 2 where f.tag >= 0:
            let t = c.tags[Int(f.tag)]
            if t.block > 0 { htmlBreak(); text.brk(t.block) }
        default:
            break
        }
    }

    private mutating func startTag(_ t: CompiledPolicy.Tag, _ attributes: HTMLSAXAttributes) {
        out.append(0x3C)
        out.append(contentsOf: t.bytes)
        var linked = false
        attributes.forEach { n, v in
            let key = NameKey(n)
            guard dropCheck(n, key) else { return }
            guard let key, t.attributes.contains(key) else { count(n, key); return }
            if t.isLink && key == CompiledPolicy.href {
                if let v, let removed = rules.fast.rewrite(UnsafeBufferPointer(start: v, count: Bytes.length(v)), kind: .link,
                                                           origin: origin, refHost: refHost, into: &urlBuf) {
                    counts.parametersRemoved += removed
                    writeURLAttribute(n)
                    linked = true
                    return
                }
                let raw = v.map { String(cString: $0) } ?? ""
                switch rules.link(raw, base: base, pageHost: pageHost, counts: &counts) {
                case .url(let u): writeAttribute(n, u); linked = true
                case .rejected(let r): reject(r)
                case .beacon, .empty: break
                }
                return
            }
            if t.citeAttribute && key == CompiledPolicy.cite {
                if case .url(let u) = rules.cite(v.map { String(cString: $0) } ?? "", base: base) { writeAttribute(n, u) }
                return
            }
            writeAttribute(n, v)
        }
        if linked {
            out.append(contentsOf: Array(" rel=\"".utf8)); writeEscaped(c.linkRel, attribute: true); out.append(0x22)
        }
        out.append(0x3E)
    }

    /// Counts an attribute that will not be kept as is; returns false when it must go whatever the tag allows.
    @inline(__always)
    private mutating func dropCheck(_ n: UnsafePointer<UInt8>, _ key: NameKey?) -> Bool {
        if (n[0] | 0x20) == 0x6F && (n[1] | 0x20) == 0x6E { count(n, key); return false }  // on*
        if c.isTracking(n, key) { count(n, key); return false }
        return true
    }

    @inline(__always)
    private mutating func count(_ n: UnsafePointer<UInt8>, _ key: NameKey?) {
        if let key { attrCounts.increment(key) } else { longAttrCounts[String(cString: n), default: 0] += 1 }
    }

    private mutating func reject(_ url: String) {
        if report.rejectedURLs.count < 20 { report.rejectedURLs.append(String(url.prefix(200))) }
    }

    private mutating func baseElement(_ attributes: HTMLSAXAttributes) {
        guard !baseSeen else { return }
        attributes.forEach { n, v in
            guard !baseSeen, NameKey(n) == CompiledPolicy.href, let v else { return }
            baseSeen = true
            let r = URLCleaner.resolve(String(cString: v), against: base)
            if let s = URLCleaner.scheme(of: r), s == "http" || s == "https" { base = r }
        }
    }

    private mutating func iframe(_ attributes: HTMLSAXAttributes, _ idx: Int) -> Bool {
        var src: String?
        var width: String?, height: String?
        attributes.forEach { n, v in
            guard let v else { return }
            let k = NameKey(n)
            if k == CompiledPolicy.src { src = String(cString: v) }
            if k == CompiledPolicy.width { width = String(cString: v) }
            if k == CompiledPolicy.height { height = String(cString: v) }
        }
        guard let raw = src else { return false }
        let u = URLCleaner.resolve(raw, against: base)
        guard URLCleaner.scheme(of: u) == "https", let host = URLCleaner.host(of: u),
              URLRules.hostMatches(host, c.iframeHosts) else { reject(raw); return false }
        autoClose(before: idx)
        out.append(contentsOf: Array("<iframe src=\"".utf8)); writeEscaped(Array(u.utf8), attribute: true); out.append(0x22)
        for (name, value) in [("width", width), ("height", height)] {
            if let value, !value.isEmpty, value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                out.append(contentsOf: Array(" \(name)=\"\(value)\"".utf8))
            }
        }
        out.append(contentsOf: Array(" sandbox=\"allow-scripts allow-same-origin allow-popups\" allowfullscreen=\"\" referrerpolicy=\"no-referrer\"></iframe>".utf8))
        return true
    }

    /// An image source candidate: an attribute value straight from libxml2, or a `srcset` pick.
    private enum Candidate {
        case bytes(UnsafePointer<UInt8>)
        case string(String)
    }

    private mutating func image(_ attributes: HTMLSAXAttributes, fromNoscript: Bool, _ idx: Int) {
        var src: UnsafePointer<UInt8>?
        var srcsets: [String?] = []
        lazyBuf.removeAll(keepingCapacity: true)
        for _ in 0..<c.lazyCount { lazyBuf.append(nil) }
        keptBuf.removeAll(keepingCapacity: true)
        var width: Int?, height: Int?
        attributes.forEach { n, v in
            let key = NameKey(n)
            if let key {
                if key == CompiledPolicy.src { src = v; return }
                if let i = c.lazyIndex[key] { lazyBuf[i] = v; count(n, key); return }
                if let i = c.srcsetIndex[key] {
                    if srcsets.isEmpty { srcsets = Array(repeating: nil, count: c.srcsetCount) }
                    srcsets[i] = v.map { String(cString: $0) }; count(n, key); return
                }
                if key == CompiledPolicy.width || key == CompiledPolicy.height {
                    // Only plain pixel counts survive ("auto", "100%" and CSS go).
                    guard let v, let number = Self.plainInt(v) else { count(n, key); return }
                    if key == CompiledPolicy.width { width = number } else { height = number }
                }
            }
            guard dropCheck(n, key) else { return }
            guard let key, c.imgAttributes.contains(key) else { count(n, key); return }
            keptBuf.append((n, v))
        }
        var chosen = false, chosenLazy = false
        var beacon = false
        func attempt(_ cand: Candidate, _ isLazy: Bool) -> Bool {
            let raw: String
            switch cand {
            case .bytes(let p):
                if let removed = rules.fast.rewrite(UnsafeBufferPointer(start: p, count: Bytes.length(p)), kind: .image,
                                                    origin: origin, refHost: refHost, into: &urlBuf) {
                    counts.parametersRemoved += removed
                    chosen = true; chosenLazy = isLazy
                    return true
                }
                raw = String(cString: p)
            case .string(let s):
                raw = s
            }
            switch rules.image(raw, base: base, pageHost: pageHost, counts: &counts) {
            case .url(let u):
                urlBuf.removeAll(keepingCapacity: true)
                urlBuf.append(contentsOf: u.utf8)
                chosen = true; chosenLazy = isLazy
            case .beacon: beacon = true
            case .rejected(let r): reject(r); return false
            case .empty: return false
            }
            return true
        }
        search: do {
            for i in 0..<c.lazyCount { if let p = lazyBuf[i], attempt(.bytes(p), true) { break search } }
            if let src, attempt(.bytes(src), fromNoscript) { break search }
            for s in srcsets { if let s, let best = URLRules.bestSrcsetCandidate(s), attempt(.string(best), true) { break search } }
        }
        let pixelSize = (width.map { $0 <= 1 } ?? false) && (height.map { $0 <= 1 } ?? false) || width == 0 || height == 0
        if beacon || (pixelSize && chosen) {
            report.trackingPixelsRemoved += 1
            return
        }
        guard chosen else {
            report.imagesWithoutSource += 1
            if !fromNoscript { pendingLazy = true }
            return
        }
        pendingLazy = false
        if chosenLazy { report.lazyImagesResolved += 1 }
        if let proxy {
            let url = String(decoding: urlBuf, as: UTF8.self)
            if URLCleaner.scheme(of: url) != nil, !proxy.isProxied(url) {
                urlBuf.removeAll(keepingCapacity: true)
                urlBuf.append(contentsOf: proxy.url(for: url).utf8)
                report.imagesProxied += 1
            }
        }
        autoClose(before: idx)
        out.append(contentsOf: Self.imgOpen)
        let url = urlBuf
        url.withUnsafeBufferPointer { writeEscaped(buffer: $0, attribute: true) }
        out.append(0x22)
        for (n, v) in keptBuf { writeAttribute(n, v) }
        out.append(0x3E)
    }

    private static let imgOpen: [UInt8] = Array("<img src=\"".utf8)

    /// The value when it is only decimal digits (at most 9).
    private static func plainInt(_ p: UnsafePointer<UInt8>) -> Int? {
        var i = 0, v = 0
        while p[i] >= 0x30 && p[i] <= 0x39 && i < 9 { v = v * 10 + Int(p[i] - 0x30); i += 1 }
        return i > 0 && p[i] == 0 ? v : nil
    }

    /// `hidden`, `display:none` or `visibility:hidden` in `style`.
    private mutating func isHidden(_ attributes: HTMLSAXAttributes) -> Bool {
        var hidden = false
        attributes.forEach { n, v in
            guard !hidden else { return }
            if Bytes.equals(n, "hidden") { hidden = true } else if Bytes.equals(n, "style"), let v { hidden = styleHides(v) }
        }
        return hidden
    }

    private mutating func styleHides(_ v: UnsafePointer<UInt8>) -> Bool {
        scratch.removeAll(keepingCapacity: true)
        var i = 0
        while v[i] != 0 {
            let b = v[i]
            if !Bytes.isSpace(b) { scratch.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b) }
            i += 1
        }
        return Self.contains(scratch, Self.displayNone) || Self.contains(scratch, Self.visibilityHidden)
    }

    private static let displayNone = Array("display:none".utf8)
    private static let visibilityHidden = Array("visibility:hidden".utf8)

    private static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        guard hay.count >= needle.count else { return false }
        outer: for i in 0...(hay.count - needle.count) {
            for j in 0..<needle.count where hay[i + j] != needle[j] { continue outer }
            return true
        }
        return false
    }

    private static func name(of k: NameKey) -> String {
        var bytes: [UInt8] = []
        for i in 0..<8 { let b = UInt8(truncatingIfNeeded: k.a >> UInt64(8 * i)); if b == 0 { break }; bytes.append(b) }
        if bytes.count == 8 { for i in 0..<8 { let b = UInt8(truncatingIfNeeded: k.b >> UInt64(8 * i)); if b == 0 { break }; bytes.append(b) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: Output

    private mutating func htmlBreak() {
        if let last = out.last, !Bytes.isSpace(last) { out.append(0x0A) }
    }

    private mutating func writeAttribute(_ n: UnsafePointer<UInt8>, _ v: UnsafePointer<UInt8>?) {
        out.append(0x20)
        out.append(contentsOf: UnsafeBufferPointer(start: n, count: Bytes.length(n)))
        out.append(0x3D); out.append(0x22)
        if let v { writeEscaped(UnsafeBufferPointer(start: v, count: Bytes.length(v)), attribute: true) }
        out.append(0x22)
    }

    /// ` name="urlBuf"`, escaped.
    private mutating func writeURLAttribute(_ n: UnsafePointer<UInt8>) {
        out.append(0x20)
        out.append(contentsOf: UnsafeBufferPointer(start: n, count: Bytes.length(n)))
        out.append(0x3D); out.append(0x22)
        let url = urlBuf
        url.withUnsafeBufferPointer { writeEscaped(buffer: $0, attribute: true) }
        out.append(0x22)
    }

    private mutating func writeAttribute(_ n: UnsafePointer<UInt8>, _ value: String) {
        out.append(0x20)
        out.append(contentsOf: UnsafeBufferPointer(start: n, count: Bytes.length(n)))
        out.append(0x3D); out.append(0x22)
        writeEscaped(Array(value.utf8), attribute: true)
        out.append(0x22)
    }

    @inline(__always)
    private mutating func writeText(_ b: UnsafeBufferPointer<UInt8>) { writeEscaped(b, attribute: false) }

    private mutating func writeEscaped(_ b: some Collection<UInt8>, attribute: Bool) {
        if let done: Void = b.withContiguousStorageIfAvailable({ writeEscaped(buffer: $0, attribute: attribute) }) { return done }
        Array(b).withUnsafeBufferPointer { writeEscaped(buffer: $0, attribute: attribute) }
    }

    private mutating func writeEscaped(buffer b: UnsafeBufferPointer<UInt8>, attribute: Bool) {
        guard let base = b.baseAddress else { return }
        var run = 0
        var i = 0
        let n = b.count
        while i < n {
            // Eight bytes at a time while none needs escaping.
            while i + 8 <= n, !SWAR.mayNeedEscape(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self), attribute) { i += 8 }
            guard i < n else { break }
            let ch = base[i]
            // All five are at most '>' (0x3E): one comparison for letters and UTF-8.
            if ch <= 0x3E && (ch == 0x26 || ch == 0x3C || ch == 0x3E || (attribute && ch == 0x22) || ch == 0) {
                if i > run { out.append(contentsOf: UnsafeBufferPointer(start: base + run, count: i - run)) }
                switch ch {
                case 0x26: out.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])
                case 0x3C: out.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])
                case 0x3E: out.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])
                case 0x22: out.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])
                default: out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                }
                run = i + 1
            }
            i += 1
        }
        if n > run { out.append(contentsOf: UnsafeBufferPointer(start: base + run, count: n - run)) }
    }
}
