/// Converts a page's bytes from its charset to valid UTF-8, the way browsers decode (WHATWG Encoding Standard):
/// every invalid byte sequence becomes one U+FFFD and decoding goes on, so nothing after a bad byte is lost.
///
/// - UTF-8: the WHATWG UTF-8 decoder (one U+FFFD per maximal subpart, the byte that broke a sequence is read again).
///   A valid page without NUL is returned as it came, without a copy (the hot path).
/// - CP949 (every Korean label): the WHATWG EUC-KR decoder over `CP949Index`; a lead byte followed by an ASCII byte
///   gives U+FFFD and the ASCII byte is kept, a lead followed by another high byte consumes both.
/// - UTF-16LE/BE: unpaired surrogates and an odd trailing byte become U+FFFD.
/// - Single-byte charsets: `SingleByteIndex` tables.
/// - Anything else iconv knows (Shift_JIS/CP932, EUC-JP, ISO-2022-JP, GB18030, Big5-HKSCS, …): iconv, restarted one
///   byte after each invalid sequence, so an ASCII byte after a bad lead byte is kept as WHATWG's decoders keep it.
///
/// A leading BOM of the charset is dropped. NUL bytes become U+FFFD too, as browsers do with a NUL in text and
/// attribute values (libxml2 would stop at it), and are counted apart. Pure, no I/O, safe from any task.
enum UTF8Transcoder {
    /// UTF-8 out, and what was replaced.
    struct Transcoded: Equatable {
        var bytes: [UInt8]
        /// Invalid sequences replaced by U+FFFD.
        var replacements = 0
        /// NUL bytes replaced by U+FFFD.
        var nuls = 0
        /// Non-ASCII characters written (U+FFFD included).
        var nonASCII = 0
    }

    /// `bytes` read as `charset` (an iconv name, as `CharsetLabels.normalize` gives it); nil when iconv does not know
    /// the charset.
    static func transcode(_ bytes: [UInt8], from charset: String) -> Transcoded? {
        let name = charset.uppercased()
        if name == "UTF-8" || name == "UTF8" { return utf8(bytes) }
        return bytes.withUnsafeBufferPointer { b -> Transcoded? in
            switch name {
            case "CP949", "UHC", "EUC-KR":
                return cp949(b)
            case "UTF-16LE", "UTF-16BE":
                return utf16(b, bigEndian: name == "UTF-16BE")
            default:
                if SingleByteIndex.isSingleByte(name), let table = SingleByteIndex.table(charset) { return singleByte(b, table) }
                return iconv(b, from: charset)
            }
        }
    }

    /// A UTF-8 page: itself when valid without NUL or BOM, else repaired.
    static func utf8(_ bytes: [UInt8]) -> Transcoded {
        let (scan, bom) = bytes.withUnsafeBufferPointer { (UTF8Scan.scan($0), UTF8Scan.hasBOM($0)) }
        if scan.firstProblem == nil && !bom {
            return Transcoded(bytes: bytes, nonASCII: scan.nonASCII)
        }
        return bytes.withUnsafeBufferPointer { b in
            UTF8Writer.writing(capacity: b.count * 3 + 4) { w in repairingUTF8(b, from: scan.firstProblem ?? b.count, &w) }
        }
    }

    // MARK: - Decoders

    /// The WHATWG UTF-8 decoder from `start` on (everything before it is known valid and copied as is).
    private static func repairingUTF8(_ b: UnsafeBufferPointer<UInt8>, from start: Int, _ w: inout UTF8Writer) -> Transcoded {
        var t = Transcoded(bytes: [])
        var i = UTF8Scan.hasBOM(b) ? 3 : 0
        if start > i {
            w.append(UnsafeBufferPointer(rebasing: b[i..<start]))
            t.nonASCII = UTF8Scan.countNonASCII(UnsafeBufferPointer(rebasing: b[i..<start]))
            i = start
        }
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 {
                if c == 0 { w.replacement(); t.nuls += 1 } else { w.byte(c) }
                i += 1
                continue
            }
            t.nonASCII += 1
            guard let (len, lo, hi) = UTF8Lead.sequence(c) else { w.replacement(); t.replacements += 1; i += 1; continue }
            var k = 1
            while k < len, i + k < n {
                let x = b[i + k]
                let (l, h) = k == 1 ? (lo, hi) : (UInt8(0x80), UInt8(0xBF))
                guard x >= l && x <= h else { break }
                k += 1
            }
            if k == len {
                w.append(UnsafeBufferPointer(rebasing: b[i..<(i + len)]))
            } else {
                w.replacement()
                t.replacements += 1
            }
            i += k
        }
        return t
    }

    /// The WHATWG EUC-KR decoder with the CP949 (UHC) index.
    private static func cp949(_ b: UnsafeBufferPointer<UInt8>) -> Transcoded {
        UTF8Writer.writing(capacity: b.count * 3 + 4) { cp949(b, &$0) }
    }

    private static func cp949(_ b: UnsafeBufferPointer<UInt8>, _ w: inout UTF8Writer) -> Transcoded {
        let index = CP949Index.table
        var t = Transcoded(bytes: [])
        let n = b.count
        var i = 0
        while i < n {
            i = w.copyASCII(b, from: i)
            guard i < n else { break }
            let c = b[i]
            if c == 0 { w.replacement(); t.nuls += 1; i += 1; continue }
            t.nonASCII += 1
            guard c >= 0x81, c <= 0xFE else { w.replacement(); t.replacements += 1; i += 1; continue }
            guard i + 1 < n else { w.replacement(); t.replacements += 1; break }
            let x = b[i + 1]
            if x >= 0x41, x <= 0xFE {
                let cp = index[Int(c - 0x81) * CP949Index.width + Int(x - 0x41)]
                if cp != 0 { w.scalar(UInt32(cp)); i += 2; continue }
            }
            w.replacement()
            t.replacements += 1
            i += x < 0x80 ? 1 : 2  // an ASCII byte after the lead is read again
        }
        return t
    }

    private static func utf16(_ b: UnsafeBufferPointer<UInt8>, bigEndian: Bool) -> Transcoded {
        UTF8Writer.writing(capacity: b.count * 2 + 4) { utf16(b, bigEndian: bigEndian, &$0) }
    }

    private static func utf16(_ b: UnsafeBufferPointer<UInt8>, bigEndian: Bool, _ w: inout UTF8Writer) -> Transcoded {
        var t = Transcoded(bytes: [])
        let n = b.count
        func unit(_ i: Int) -> UInt32 { bigEndian ? UInt32(b[i]) << 8 | UInt32(b[i + 1]) : UInt32(b[i + 1]) << 8 | UInt32(b[i]) }
        var i = 0
        if n >= 2, unit(0) == 0xFEFF { i = 2 }
        while i + 1 < n {
            let u = unit(i)
            i += 2
            switch u {
            case 0:
                w.replacement(); t.nuls += 1
            case 0x01..<0x80:
                w.byte(UInt8(u))
            case 0xD800...0xDBFF:
                if i + 1 < n, case let v = unit(i), (0xDC00...0xDFFF).contains(v) {
                    w.scalar(0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00))
                    i += 2
                } else {
                    w.replacement(); t.replacements += 1
                }
                t.nonASCII += 1
            case 0xDC00...0xDFFF:
                w.replacement(); t.replacements += 1; t.nonASCII += 1
            default:
                w.scalar(u); t.nonASCII += 1
            }
        }
        if i < n { w.replacement(); t.replacements += 1; t.nonASCII += 1 }
        return t
    }

    private static func singleByte(_ b: UnsafeBufferPointer<UInt8>, _ table: SingleByteIndex.Table) -> Transcoded {
        UTF8Writer.writing(capacity: b.count * 3 + 4) { singleByte(b, table, &$0) }
    }

    private static func singleByte(_ b: UnsafeBufferPointer<UInt8>, _ table: SingleByteIndex.Table, _ w: inout UTF8Writer) -> Transcoded {
        var t = Transcoded(bytes: [])
        var i = 0
        let n = b.count
        while i < n {
            i = w.copyASCII(b, from: i)
            guard i < n else { break }
            let c = b[i]
            i += 1
            if c == 0 { w.replacement(); t.nuls += 1; continue }
            t.nonASCII += 1
            let cp = table[Int(c) - 0x80]
            if cp == SingleByteIndex.unmapped { w.replacement(); t.replacements += 1 } else { w.scalar(cp) }
        }
        return t
    }

    /// iconv for the charsets without a table here; nil when iconv does not know `charset`.
    private static func iconv(_ b: UnsafeBufferPointer<UInt8>, from charset: String) -> Transcoded? {
        guard let cd = Iconv(from: charset) else { return nil }
        var t = Transcoded(bytes: [])
        var out = [UInt8](repeating: 0, count: b.count * 3 + 16)
        var inPos = 0
        var outPos = 0
        func ensure(_ room: Int) { if out.count - outPos < room { out.append(contentsOf: repeatElement(0, count: max(room, out.count))) } }
        loop: while true {
            let step = out.withUnsafeMutableBufferPointer { cd.step(b, &inPos, $0, &outPos) }
            switch step {
            case .done:
                ensure(16)
                out.withUnsafeMutableBufferPointer { cd.finish($0, &outPos) }
                break loop
            case .outputFull:
                ensure(b.count - inPos + 16)
            case .invalid, .incomplete:
                ensure(3)
                out[outPos] = 0xEF; out[outPos + 1] = 0xBF; out[outPos + 2] = 0xBD
                outPos += 3
                t.replacements += 1
                inPos += 1  // restart one byte on: an ASCII byte after a bad lead byte is kept
                if inPos >= b.count { break loop }
            }
        }
        out.removeSubrange(outPos...)
        // iconv writes valid UTF-8; NULs still have to go (the UTF-8 pass replaces them and counts the characters).
        var result = utf8(out)
        result.replacements += t.replacements
        return result
    }
}
