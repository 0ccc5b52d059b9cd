import Foundation

/// The CSS subset of `Selector`, compiled for matching in Swift: one walk of the tree answers a selector (libxml2's
/// XPath engine copied every string it tested, and was a tenth of the extractor's time). The semantics are those of
/// the XPath the selector also compiles to — `tests/SelectorMatchTests` runs both on the same pages — so XPath stays
/// the reference and the fallback for selectors written as XPath.
struct CompiledSelector: Sendable, Equatable {
    /// One `a, b` alternative: compound selectors from left to right, each with the combinator before it.
    struct Complex: Sendable, Equatable {
        var steps: [Step]
    }

    enum Combinator: Sendable, Equatable { case descendant, child }

    struct Step: Sendable, Equatable {
        var combinator: Combinator  // how this step relates to the previous one (ignored for the first)
        var tag: [CChar]?           // NUL-terminated lowercase name; nil for `*`
        var tests: [AttributeTest]
    }

    struct AttributeTest: Sendable, Equatable {
        enum Op: Sendable, Equatable { case exists, equals, prefix, suffix, contains, word }
        var name: [CChar]   // NUL-terminated lowercase attribute name
        var op: Op
        var value: [CChar]  // NUL-terminated UTF-8
    }

    var alternatives: [Complex]

    // MARK: Matching

    /// The matching elements below `scope` (or in the whole document), in document order, each once. With
    /// `outermost`, an element inside a match is not reported (what a caller that removes the matches needs).
    func select(in document: HTMLDocument, below scope: HTMLNode? = nil, outermost: Bool = false) -> [HTMLNode] {
        var out: [HTMLNode] = []
        var matcher = Matcher(alternatives: alternatives, scope: scope)
        let visit: (HTMLNode) -> Bool = { n in
            guard n.isElement else { return false }
            if matcher.matches(n) {
                out.append(n)
                return !outermost
            }
            return true
        }
        if let scope { scope.traverse(enter: visit) } else { document.traverse(enter: visit) }
        return out
    }

    /// Right-to-left matching with backtracking over ancestors, memoized: whether `steps[0...i]` matches with
    /// `steps[i]` at a node depends only on (steps, i, node, scope), so each pair is decided once per selection. Without
    /// the memo, a selector that fails (`section div div div p` on a page without `section`) retried every choice of
    /// ancestors: two minutes on a 240-deep page; with it, linear in steps × nodes.
    private struct Matcher {
        let alternatives: [Complex]
        let scope: HTMLNode?
        private var memo: [Key: Bool] = [:]
        /// The node by address: a key must not retain the document for every entry.
        private struct Key: Hashable { let alternative: Int32; let index: Int32; let node: UInt }

        init(alternatives: [Complex], scope: HTMLNode?) { self.alternatives = alternatives; self.scope = scope }

        mutating func matches(_ n: HTMLNode) -> Bool {
            for a in alternatives.indices where match(a, alternatives[a].steps.count - 1, n) { return true }
            return false
        }

        mutating func match(_ alternative: Int, _ index: Int, _ n: HTMLNode) -> Bool {
            let step = alternatives[alternative].steps[index]
            guard CompiledSelector.matchesStep(step, n) else { return false }
            if index == 0 { return true }
            guard let parent = n.parent, parent != scope else { return false }
            // A child combinator does not branch: no memo needed.
            if step.combinator == .child { return match(alternative, index - 1, parent) }
            let key = Key(alternative: Int32(alternative), index: Int32(index), node: UInt(bitPattern: n.ptr))
            if let known = memo[key] { return known }
            var result = false
            var ancestor: HTMLNode? = parent
            while let p = ancestor, p != scope {
                if match(alternative, index - 1, p) { result = true; break }
                ancestor = p.parent
            }
            memo[key] = result
            return result
        }
    }

    fileprivate static func matchesStep(_ step: Step, _ n: HTMLNode) -> Bool {
        if let tag = step.tag, !tag.withUnsafeBufferPointer({ b in b.baseAddress.map { n.hasName(cName: $0) } ?? false }) { return false }
        for t in step.tests where !matchesTest(t, n) { return false }
        return true
    }

    private static func matchesTest(_ t: AttributeTest, _ n: HTMLNode) -> Bool {
        t.name.withUnsafeBufferPointer { nameBuf in
            t.value.withUnsafeBufferPointer { valueBuf in
                // Both buffers are NUL-terminated arrays built by `Selector`, never empty.
                guard let name = nameBuf.baseAddress, let value = valueBuf.baseAddress else { return false }
                return n.withAttribute(cName: name) { found in
                    let empty: StaticString = ""
                    let attr = found ?? UnsafeRawPointer(empty.utf8Start).assumingMemoryBound(to: CChar.self)
                    switch t.op {
                    case .exists: return found != nil
                    case .equals: return found != nil && strcmp(attr, value) == 0
                    // As XPath: a missing attribute reads as "" for the string tests.
                    case .prefix: return strncmp(attr, value, strlen(value)) == 0
                    case .suffix:
                        let la = strlen(attr), lv = strlen(value)
                        return la >= lv && strcmp(attr + (la - lv), value) == 0
                    case .contains: return strstr(attr, value) != nil
                    case .word: return Self.hasWord(attr, value)
                    }
                }
            }
        }
    }

    /// XPath's `contains(concat(' ', normalize-space(@a), ' '), ' v ')`: `v` is one of the whitespace-separated words
    /// (an empty `v` matches nothing but a blank value, as there).
    private static func hasWord(_ attr: UnsafePointer<CChar>, _ word: UnsafePointer<CChar>) -> Bool {
        let lw = strlen(word)
        func isSpace(_ c: CChar) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
        if lw == 0 {
            var p = attr
            while p.pointee != 0 { if !isSpace(p.pointee) { return false }; p += 1 }
            return true
        }
        var p = attr
        while p.pointee != 0 {
            while p.pointee != 0 && isSpace(p.pointee) { p += 1 }
            let start = p
            while p.pointee != 0 && !isSpace(p.pointee) { p += 1 }
            if p - start == lw && strncmp(start, word, lw) == 0 { return true }
        }
        return false
    }
}
