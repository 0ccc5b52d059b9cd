/// An ASCII name of up to 16 bytes packed into two words: a cheap dictionary key for tag and attribute names
/// read straight from libxml2's NUL-terminated buffers (no String per callback).
struct NameKey: Hashable {
    var a: UInt64 = 0
    var b: UInt64 = 0

    /// nil when the name is longer than 16 bytes.
    @inline(__always)
    init?(_ p: UnsafePointer<UInt8>) {
        var i = 0
        while true {
            let c = p[i]
            if c == 0 { return }
            if i == 16 { return nil }
            if i < 8 { a |= UInt64(c) << UInt64(8 * i) } else { b |= UInt64(c) << UInt64(8 * (i - 8)) }
            i += 1
        }
    }

    init?(_ s: String) {
        let u = Array(s.utf8) + [0]
        guard let k = u.withUnsafeBufferPointer({ buf in buf.baseAddress.flatMap { NameKey($0) } }) else { return nil }
        self = k
    }
}

/// The policy turned into byte-keyed tables for the streaming engine.
struct CompiledPolicy: Sendable {
    enum Action: UInt8, Sendable { case allow, unwrap, remove, noscript, base, image, iframe }

    /// A class: the engine reads one per element, and a class reference copies with one retain.
    final class Tag: Sendable {
        init(name: String, bytes: [UInt8], action: Action, block: UInt8, isVoid: Bool, isPre: Bool, isLink: Bool,
             attributes: NameTable<Bool>, citeAttribute: Bool) {
            self.name = name; self.bytes = bytes; self.action = action; self.block = block; self.isVoid = isVoid
            self.isPre = isPre; self.isLink = isLink; self.attributes = attributes; self.citeAttribute = citeAttribute
        }

        let name: String
        let bytes: [UInt8]
        let action: Action
        /// 0 inline, 1 line break, 2 blank line, 3 cell (space) in the plain text.
        let block: UInt8
        let isVoid: Bool
        let isPre: Bool
        let isLink: Bool
        let attributes: NameTable<Bool>
        let citeAttribute: Bool
    }

    let tags: [Tag]
    let tagIndex: NameTable<Int>
    let globalAttributes: Set<NameKey>
    let trackingExact: NameTable<Bool>
    let trackingLong: Set<String>
    let trackingPrefixes: [[UInt8]]
    let lazyIndex: NameTable<Int>
    let srcsetIndex: NameTable<Int>
    let lazyCount: Int
    let srcsetCount: Int
    let imgAttributes: NameTable<Bool>
    let iframeHosts: Set<String>
    let linkRel: [UInt8]
    /// `startCloses[new * tags.count + old]`: libxml2 ends a current `old` when `new` starts (``HTMLAutoClose``),
    /// for the tags we emit; `impliedP` is `p`'s index (the paragraph we open around leading text).
    private let startCloses: [Bool]
    let impliedP: Int
    /// `head`'s index (removed with its content, but ended at the first element that does not belong in it).
    let headIndex: Int
    static let voidTags: Set<String> = ["br", "col", "hr", "img", "wbr"]

    // Frequently compared keys.
    static let href = NameKey("href")
    static let src = NameKey("src")
    static let cite = NameKey("cite")
    static let width = NameKey("width")
    static let height = NameKey("height")
    static let img = NameKey("img")

    init(_ p: SanitizePolicy) {
        var names = Set(p.allowedTags.keys).union(p.removeWithContent).union(p.unwrapOnly).union(p.blockTags)
            .union(p.lineTags).union(SanitizePolicy.neverAllowedTags).union(["body", "td", "th", "noscript", "base", "iframe", "img"])
        names = names.filter { NameKey($0) != nil }
        var tags: [Tag] = []
        var index: [NameKey: Int] = [:]
        let attrBlock = SanitizePolicy.neverAllowedAttributes
        for name in names.sorted() {
            guard let key = NameKey(name) else { continue }
            let allowed = p.allowedTags[name] != nil && !SanitizePolicy.neverAllowedTags.contains(name)
                && !p.removeWithContent.contains(name)
            var action: Action
            if name == "noscript" { action = .noscript }
            else if name == "base" { action = .base }
            else if name == "iframe" { action = p.iframeHosts.isEmpty ? .remove : .iframe }
            else if name == "img" { action = allowed ? .image : .remove }
            else if allowed { action = .allow }
            else if p.unwrapOnly.contains(name) { action = .unwrap }
            else if p.removeWithContent.contains(name) || name == "head" { action = .remove }
            else if SanitizePolicy.neverAllowedTags.contains(name) && name != "html" { action = .remove }
            else { action = .unwrap }
            let block: UInt8 = p.blockTags.contains(name) ? 2 : p.lineTags.contains(name) ? 1 : (name == "td" || name == "th") ? 3 : 0
            let attrs = (p.allowedTags[name] ?? []).union(p.globalAttributes).subtracting(attrBlock)
            index[key] = tags.count
            tags.append(Tag(name: name, bytes: Array(name.utf8), action: action, block: block,
                            isVoid: Self.voidTags.contains(name), isPre: name == "pre", isLink: name == "a",
                            attributes: Self.set(attrs), citeAttribute: attrs.contains("cite")))
        }
        self.tags = tags
        let emitted: Set<Action> = [.allow, .image, .iframe]
        var closes = Array(repeating: false, count: tags.count * tags.count)
        for (i, new) in tags.enumerated() where emitted.contains(new.action) {
            for (j, old) in tags.enumerated() where (emitted.contains(old.action) || old.name == "p") && !old.isVoid {
                closes[i * tags.count + j] = HTMLAutoClose.closes(new: new.name, old: old.name)
            }
        }
        startCloses = closes
        impliedP = NameKey("p").flatMap { index[$0] } ?? -1
        headIndex = NameKey("head").flatMap { index[$0] } ?? -1
        tagIndex = NameTable(index.map { ($0.key, $0.value) })
        globalAttributes = Set(p.globalAttributes.subtracting(attrBlock).compactMap { NameKey($0) })
        trackingExact = Self.set(p.trackingAttributes)
        trackingLong = Set(p.trackingAttributes.filter { NameKey($0) == nil })
        trackingPrefixes = p.trackingAttributePrefixes.map { Array($0.utf8) }.filter { !$0.isEmpty }
        var lazy: [NameKey: Int] = [:]
        for (i, n) in p.lazyImageAttributes.enumerated() { if let k = NameKey(n) { lazy[k] = i } }
        lazyIndex = NameTable(lazy.map { ($0.key, $0.value) })
        lazyCount = p.lazyImageAttributes.count
        var srcset: [NameKey: Int] = [:]
        for (i, n) in p.srcsetAttributes.enumerated() { if let k = NameKey(n) { srcset[k] = i } }
        srcsetIndex = NameTable(srcset.map { ($0.key, $0.value) })
        srcsetCount = p.srcsetAttributes.count
        imgAttributes = Self.set((p.allowedTags["img"] ?? []).union(p.globalAttributes).subtracting(attrBlock))
        iframeHosts = p.iframeHosts
        linkRel = Array(p.linkRel.utf8)
    }

    /// Whether libxml2 ends a current `old` element (tag index) when `new` starts.
    @inline(__always)
    func startCloses(_ new: Int, _ old: Int) -> Bool { new >= 0 && old >= 0 && startCloses[new * tags.count + old] }

    private static func set(_ names: some Sequence<String>) -> NameTable<Bool> {
        NameTable(names.compactMap { NameKey($0) }.map { ($0, true) })
    }

    /// Whether an attribute is a tracking attribute (exact name or prefix).
    @inline(__always)
    func isTracking(_ name: UnsafePointer<UInt8>, _ key: NameKey?) -> Bool {
        if let key { if trackingExact.contains(key) { return true } } else if trackingLong.contains(String(cString: name)) { return true }
        for prefix in trackingPrefixes where Bytes.hasPrefix(name, prefix) { return true }
        return false
    }
}

/// Small helpers over NUL-terminated byte strings.
enum Bytes {
    @inline(__always)
    static func hasPrefix(_ p: UnsafePointer<UInt8>, _ prefix: [UInt8]) -> Bool {
        for i in 0..<prefix.count where p[i] != prefix[i] { return false }  // stops at NUL since prefix has none
        return true
    }

    @inline(__always)
    static func equals(_ p: UnsafePointer<UInt8>, _ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        let q = s.utf8Start
        for i in 0..<n where p[i] != q[i] { return false }
        return p[n] == 0
    }

    @inline(__always)
    static func length(_ p: UnsafePointer<UInt8>) -> Int {
        var i = 0
        while p[i] != 0 { i += 1 }
        return i
    }

    @inline(__always)
    static func isSpace(_ b: UInt8) -> Bool { b <= 0x20 && (b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C) }
}
