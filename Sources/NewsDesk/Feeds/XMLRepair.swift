/// Byte-level repair of the most common feed breakage: a bare `&` (`?a=1&b=2`) and HTML named entities
/// (`&nbsp;`, `&middot;`) that XML does not define. Either would make libxml2 drop text (`a=1=2`, `삼성LG`).
///
/// Bare `&` becomes `&amp;`; an HTML entity becomes a numeric reference; an unknown name is kept literally
/// (`&amp;name;`). CDATA sections, comments and the DOCTYPE are copied untouched, and entities the document
/// declares itself are left alone. ASCII-only edits: safe for every ASCII-compatible charset (CP949 and
/// Shift_JIS trail bytes are never 0x26).
enum XMLRepair {
    static func repair(_ b: [UInt8]) -> (bytes: [UInt8], fixes: Int) {
        var out: [UInt8] = []
        out.reserveCapacity(b.count + 64)
        var fixes = 0
        var declared = Set<String>()
        var i = 0
        let n = b.count
        func starts(_ s: StaticString, at k: Int) -> Bool {
            let m = s.utf8CodeUnitCount
            guard k + m <= n else { return false }
            for j in 0..<m where b[k + j] != s.utf8Start[j] { return false }
            return true
        }
        func copy(through end: StaticString, from k: Int) -> Int {
            var j = k
            while j < n, !starts(end, at: j) { j += 1 }
            let stop = min(n, j + end.utf8CodeUnitCount)
            out.append(contentsOf: b[k..<stop])
            return stop
        }
        func isNameStart(_ c: UInt8) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F || c == 0x3A }
        func isName(_ c: UInt8) -> Bool { isNameStart(c) || (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x2E }
        while i < n {
            let c = b[i]
            if c == UInt8(ascii: "<") {
                if starts("<![CDATA[", at: i) { i = copy(through: "]]>", from: i); continue }
                if starts("<!--", at: i) { i = copy(through: "-->", from: i); continue }
                if starts("<!DOCTYPE", at: i) {
                    var j = i
                    while j < n, b[j] != UInt8(ascii: ">"), b[j] != UInt8(ascii: "[") { j += 1 }
                    guard j < n, b[j] == UInt8(ascii: "[") else { out.append(c); i += 1; continue }
                    let end = copy(through: "]", from: i)
                    // Entity names the document declares: `<!ENTITY name`.
                    let subset = String(decoding: b[i..<end], as: UTF8.self)
                    for part in subset.components(separatedBy: "<!ENTITY").dropFirst() {
                        let name = part.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).first.map(String.init) ?? ""
                        if name != "%" { declared.insert(name) }
                    }
                    i = end
                    continue
                }
                out.append(c); i += 1
                continue
            }
            guard c == UInt8(ascii: "&") else { out.append(c); i += 1; continue }
            var j = i + 1
            if j < n, b[j] == UInt8(ascii: "#") {
                j += 1
                let hex = j < n && (b[j] == UInt8(ascii: "x") || b[j] == UInt8(ascii: "X"))
                if hex { j += 1 }
                let digitsStart = j
                while j < n, (b[j] >= 0x30 && b[j] <= 0x39) || (hex && ((b[j] | 0x20) >= 0x61 && (b[j] | 0x20) <= 0x66)) { j += 1 }
                if j > digitsStart, j < n, b[j] == UInt8(ascii: ";") { out.append(contentsOf: b[i...j]); i = j + 1; continue }
            } else if j < n, isNameStart(b[j]) {
                while j < n, isName(b[j]) { j += 1 }
                if j < n, b[j] == UInt8(ascii: ";") {
                    let name = String(decoding: b[(i + 1)..<j], as: UTF8.self)
                    if ["amp", "lt", "gt", "quot", "apos"].contains(name) || declared.contains(name) {
                        out.append(contentsOf: b[i...j]); i = j + 1; continue
                    }
                    if let cp = HTMLEntities.html4CodePoint(name) {
                        out.append(contentsOf: Array("&#\(cp);".utf8)); fixes += 1; i = j + 1; continue
                    }
                }
            }
            out.append(contentsOf: Array("&amp;".utf8))
            fixes += 1
            i += 1
        }
        return (out, fixes)
    }
}
