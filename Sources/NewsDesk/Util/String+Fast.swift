extension String {
    /// Byte-wise substring test on the UTF-8 storage. Foundation's `contains(_:)` folds Unicode clusters and dominated
    /// the extractor's profile; the tables it is used with are exact strings, so comparing bytes is enough.
    func includes(_ needle: String) -> Bool {
        if needle.isEmpty { return true }
        var h = self, n = needle
        return h.withUTF8 { hb in
            n.withUTF8 { nb in
                let hc = hb.count, nc = nb.count
                guard hc >= nc else { return false }
                let first = nb[0]
                var i = 0
                while i <= hc - nc {
                    if hb[i] == first {
                        var j = 1
                        while j < nc && hb[i + j] == nb[j] { j += 1 }
                        if j == nc { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}

extension String {
    /// The string without leading and trailing whitespace (ASCII, NBSP, ideographic space, newlines); cheaper than
    /// Foundation's `trimmingCharacters(in:)`, which showed up in the profile.
    var trimmed: String {
        let s = unicodeScalars
        func ws(_ u: Unicode.Scalar) -> Bool { u.value <= 0x20 || u.value == 0xA0 || u.value == 0x3000 || u.value == 0xFEFF }
        guard let first = s.firstIndex(where: { !ws($0) }), let last = s.lastIndex(where: { !ws($0) }) else { return "" }
        return String(Substring(s[first...last]))
    }
}

extension String {
    /// The range of the last occurrence of `needle` (compared as UTF-8 bytes, so a match always starts and ends on
    /// scalar boundaries); Foundation's backwards `range(of:)` bridged every title through NSString.
    func lastRange(of needle: String) -> Range<String.Index>? {
        guard !needle.isEmpty else { return nil }
        var h = self, n = needle
        let offset: Int? = h.withUTF8 { hb in
            n.withUTF8 { nb in
                let hc = hb.count, nc = nb.count
                guard hc >= nc else { return nil }
                var i = hc - nc
                while i >= 0 {
                    if hb[i] == nb[0] {
                        var j = 1
                        while j < nc && hb[i + j] == nb[j] { j += 1 }
                        if j == nc { return i }
                    }
                    i -= 1
                }
                return nil
            }
        }
        guard let offset else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: offset)
        return lower..<utf8.index(lower, offsetBy: needle.utf8.count)
    }
}
