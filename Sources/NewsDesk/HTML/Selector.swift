/// A selector from `feeds.yaml` or a built-in site rule: XPath as is, or a small CSS subset compiled to XPath.
///
/// CSS supported: type (`div`, `*`), `#id`, `.class`, `[attr]`, `[attr=v]`, `[attr^=v]`, `[attr$=v]`, `[attr*=v]`,
/// `[attr~=v]`, the descendant (space) and child (`>`) combinators, and groups (`a, b`).
public struct Selector: Sendable, Equatable, CustomStringConvertible {
    /// The source text as written.
    public let source: String
    /// XPath matching anywhere in the document.
    public let xpath: String
    /// XPath matching below a context node.
    public let relativeXPath: String
    /// The CSS form compiled for matching in Swift; nil for selectors written as XPath.
    let compiled: CompiledSelector?

    public var description: String { source }

    /// Errors say which part of the selector could not be read.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public let selector: String
        public let reason: String
        public var description: String { "selector \"\(selector)\": \(reason)" }
    }

    public init(_ text: String) throws(ParseError) {
        let t = text.trimmingCharacters(in: .whitespaces)
        source = t
        guard !t.isEmpty else { throw ParseError(selector: text, reason: "empty selector") }
        if t.hasPrefix("/") || t.hasPrefix("(") || t.hasPrefix("./") {
            xpath = t
            relativeXPath = t.hasPrefix("/") && !t.hasPrefix("//") ? t : (t.hasPrefix("//") ? "." + t : t)
            compiled = nil
            return
        }
        var groups: [String] = []
        var alternatives: [CompiledSelector.Complex] = []
        var native = true
        for part in Self.splitGroups(t) {
            let (x, c) = try Self.compileOne(part, whole: text)
            groups.append(x)
            if let c { alternatives.append(c) } else { native = false }
        }
        xpath = groups.map { "//" + $0 }.joined(separator: " | ")
        relativeXPath = groups.map { ".//" + $0 }.joined(separator: " | ")
        compiled = native ? CompiledSelector(alternatives: alternatives) : nil
    }

    /// The matching elements of the document, in document order.
    public func select(in document: HTMLDocument) throws(HTMLError) -> [HTMLNode] {
        if let compiled { return compiled.select(in: document) }
        return try document.select(xpath: xpath)
    }

    /// The matching elements below `root` (not `root` itself), in document order. With `outermost`, elements inside
    /// another match are left out, so that removing every result is safe.
    public func select(below root: HTMLNode, outermost: Bool = false) throws(HTMLError) -> [HTMLNode] {
        if let compiled { return compiled.select(in: root.document, below: root, outermost: outermost) }
        let found = try root.document.select(xpath: relativeXPath, from: root)
        guard outermost else { return found }
        return HTMLNode.outermost(found)
    }

    private static func splitGroups(_ s: String) -> [String] {
        var parts: [String] = []
        var cur = ""
        var depth = 0
        var quote: Character?
        for ch in s {
            if let q = quote { cur.append(ch); if ch == q { quote = nil }; continue }
            switch ch {
            case "\"", "'": quote = ch; cur.append(ch)
            case "[": depth += 1; cur.append(ch)
            case "]": depth -= 1; cur.append(ch)
            case "," where depth == 0: parts.append(cur.trimmingCharacters(in: .whitespaces)); cur = ""
            default: cur.append(ch)
            }
        }
        parts.append(cur.trimmingCharacters(in: .whitespaces))
        return parts
    }

    /// One group: its XPath, and its compiled form unless it uses something only XPath expresses exactly.
    private static func compileOne(_ s: String, whole: String) throws(ParseError) -> (String, CompiledSelector.Complex?) {
        let chars = Array(s)
        var i = 0
        var steps: [String] = []
        var native: [CompiledSelector.Step] = []
        var nativeOK = true
        func c(_ s: String) -> [CChar] { Array(s.utf8CString) }
        var pendingAxis = ""  // "" first, "//" descendant, "/" child

        func isNameChar(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "-" || c == "_" }
        func readName() -> String {
            var n = ""
            while i < chars.count, isNameChar(chars[i]) { n.append(chars[i]); i += 1 }
            return n
        }
        func xq(_ v: String) -> String { v.contains("'") ? "\"\(v)\"" : "'\(v)'" }

        while i < chars.count {
            // combinator
            var sawSpace = false
            while i < chars.count, chars[i] == " " { sawSpace = true; i += 1 }
            if i < chars.count, chars[i] == ">" {
                i += 1
                while i < chars.count, chars[i] == " " { i += 1 }
                guard !steps.isEmpty else { throw ParseError(selector: whole, reason: "'>' with nothing before it") }
                pendingAxis = "/"
            } else if sawSpace && !steps.isEmpty {
                pendingAxis = "//"
            }
            guard i < chars.count else { break }
            var tag = "*"
            var preds: [String] = []
            var tests: [CompiledSelector.AttributeTest] = []
            if chars[i] == "*" { i += 1 } else if isNameChar(chars[i]) { tag = readName().lowercased() }
            loop: while i < chars.count {
                switch chars[i] {
                case "#":
                    i += 1
                    let n = readName()
                    guard !n.isEmpty else { throw ParseError(selector: whole, reason: "'#' without an id") }
                    preds.append("@id=\(xq(n))")
                    tests.append(.init(name: c("id"), op: .equals, value: c(n)))
                case ".":
                    i += 1
                    let n = readName()
                    guard !n.isEmpty else { throw ParseError(selector: whole, reason: "'.' without a class name") }
                    preds.append("contains(concat(' ',normalize-space(@class),' '),' \(n) ')")
                    tests.append(.init(name: c("class"), op: .word, value: c(n)))
                case "[":
                    i += 1
                    let attr = readName().lowercased()
                    guard !attr.isEmpty else { throw ParseError(selector: whole, reason: "'[' without an attribute name") }
                    var op = ""
                    while i < chars.count, "^$*~=".contains(chars[i]) { op.append(chars[i]); i += 1 }
                    var value = ""
                    if !op.isEmpty {
                        if i < chars.count, chars[i] == "\"" || chars[i] == "'" {
                            let q = chars[i]; i += 1
                            while i < chars.count, chars[i] != q { value.append(chars[i]); i += 1 }
                            guard i < chars.count else { throw ParseError(selector: whole, reason: "unclosed quote") }
                            i += 1
                        } else {
                            while i < chars.count, chars[i] != "]" { value.append(chars[i]); i += 1 }
                        }
                    }
                    guard i < chars.count, chars[i] == "]" else { throw ParseError(selector: whole, reason: "missing ']'") }
                    i += 1
                    let kind: CompiledSelector.AttributeTest.Op? = switch op {
                    case "": .exists
                    case "=": .equals
                    case "^=": .prefix
                    case "$=": .suffix
                    case "*=": .contains
                    case "~=": value.contains(where: \.isWhitespace) ? nil : .word
                    default: nil
                    }
                    if let kind { tests.append(.init(name: c(attr), op: kind, value: c(value))) } else { nativeOK = false }
                    switch op {
                    case "": preds.append("@\(attr)")
                    case "=": preds.append("@\(attr)=\(xq(value))")
                    case "^=": preds.append("starts-with(@\(attr),\(xq(value)))")
                    case "$=": preds.append("substring(@\(attr),string-length(@\(attr))-string-length(\(xq(value)))+1)=\(xq(value))")
                    case "*=": preds.append("contains(@\(attr),\(xq(value)))")
                    case "~=": preds.append("contains(concat(' ',normalize-space(@\(attr)),' '),' \(value) ')")
                    default: throw ParseError(selector: whole, reason: "unsupported attribute operator '\(op)'")
                    }
                case " ", ">":
                    break loop
                default:
                    throw ParseError(selector: whole, reason: "unsupported syntax at '\(chars[i])' (use XPath for more)")
                }
            }
            let step = tag + preds.map { "[\($0)]" }.joined()
            steps.append((steps.isEmpty ? "" : (pendingAxis.isEmpty ? "//" : pendingAxis)) + step)
            native.append(.init(combinator: pendingAxis == "/" ? .child : .descendant, tag: tag == "*" ? nil : c(tag), tests: tests))
            pendingAxis = ""
        }
        guard !steps.isEmpty else { throw ParseError(selector: whole, reason: "empty selector") }
        return (steps.joined(), nativeOK ? CompiledSelector.Complex(steps: native) : nil)
    }
}
