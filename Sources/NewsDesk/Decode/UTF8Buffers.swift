#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level UTF-8 helpers for the transcoder: a validating scan and an output writer, both with an 8-byte ASCII
/// fast path (most of a news page is ASCII markup and script).
enum UTF8Scan {
    /// Whether bytes 0…2 are the UTF-8 byte-order mark.
    @inline(__always)
    static func hasBOM(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF
    }

    /// Where the first invalid sequence or NUL starts (nil: none) and how many non-ASCII characters come before it.
    /// A sequence cut by the end of the input is invalid. NUL is found by the C library's `memchr` (vectorized);
    /// validation reads 16 ASCII bytes at a time and takes the 3-byte sequences of Hangul in one step.
    static func scan(_ b: UnsafeBufferPointer<UInt8>) -> (firstProblem: Int?, nonASCII: Int) {
        guard let base = b.baseAddress else { return (nil, 0) }
        let nul = memchr(base, 0, b.count).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) }
        let end = nul ?? b.count
        let high: UInt64 = 0x8080_8080_8080_8080
        var i = 0
        var nonASCII = 0
        while i < end {
            while i + 16 <= end {
                let raw = UnsafeRawPointer(base + i)
                if (raw.loadUnaligned(as: UInt64.self) | raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) & high != 0 { break }
                i += 16
            }
            guard i < end else { break }
            let c = base[i]
            if c < 0x80 { i += 1; continue }
            if (c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF {
                // E1–EC, EE–EF: any two continuation bytes (all of Hangul, most of CJK and punctuation).
                guard i + 2 < end, base[i + 1] & 0xC0 == 0x80, base[i + 2] & 0xC0 == 0x80 else { return (i, nonASCII) }
                nonASCII += 1
                i += 3
                continue
            }
            guard let (len, lo, hi) = UTF8Lead.sequence(c), i + len <= end else { return (i, nonASCII) }
            let x = base[i + 1]
            guard x >= lo && x <= hi else { return (i, nonASCII) }
            for k in 2..<max(2, len) where base[i + k] & 0xC0 != 0x80 { return (i, nonASCII) }
            nonASCII += 1
            i += len
        }
        return (nul, nonASCII)
    }

    /// Characters that are not ASCII in valid UTF-8 (lead bytes).
    static func countNonASCII(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        var n = 0
        for c in b where c >= 0xC0 { n += 1 }
        return n
    }

    /// Eight ASCII bytes, none of them NUL.
    @inline(__always)
    static func isPlainASCII(_ w: UInt64) -> Bool {
        let high: UInt64 = 0x8080_8080_8080_8080
        return w & high == 0 && (w &- 0x0101_0101_0101_0101) & ~w & high == 0
    }
}

/// Writes UTF-8 into an array's uninitialized storage, sized by the caller for the worst case (3 output bytes per
/// input byte: one U+FFFD per bad byte). A view, not an owner: `UTF8Writer.writing` runs the decoder inside
/// `Array(unsafeUninitializedCapacity:)`, so the array owns the memory whatever happens.
struct UTF8Writer {
    private let buffer: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private(set) var count = 0

    /// Runs `body` with a writer of `capacity` bytes and returns its result with the bytes written.
    static func writing(capacity: Int, _ body: (inout UTF8Writer) -> UTF8Transcoder.Transcoded) -> UTF8Transcoder.Transcoded {
        var t = UTF8Transcoder.Transcoded(bytes: [])
        let bytes = [UInt8](unsafeUninitializedCapacity: max(capacity, 4)) { buf, initialized in
            initialized = 0
            guard let base = buf.baseAddress else { return }
            var w = UTF8Writer(buffer: base, capacity: buf.count)
            t = body(&w)
            initialized = w.count
        }
        t.bytes = bytes
        return t
    }

    private init(buffer: UnsafeMutablePointer<UInt8>, capacity: Int) {
        self.buffer = buffer
        self.capacity = capacity
    }

    @inline(__always)
    mutating func byte(_ c: UInt8) {
        precondition(count < capacity, "UTF8Writer overflow")
        buffer[count] = c
        count += 1
    }

    @inline(__always)
    mutating func replacement() {
        precondition(count + 3 <= capacity, "UTF8Writer overflow")
        buffer[count] = 0xEF; buffer[count + 1] = 0xBF; buffer[count + 2] = 0xBD
        count += 3
    }

    @inline(__always)
    mutating func scalar(_ cp: UInt32) {
        precondition(count + 4 <= capacity, "UTF8Writer overflow")
        switch cp {
        case 0..<0x80:
            buffer[count] = UInt8(cp); count += 1
        case 0x80..<0x800:
            buffer[count] = UInt8(0xC0 | cp >> 6); buffer[count + 1] = UInt8(0x80 | cp & 0x3F); count += 2
        case 0x800..<0x10000:
            buffer[count] = UInt8(0xE0 | cp >> 12); buffer[count + 1] = UInt8(0x80 | cp >> 6 & 0x3F)
            buffer[count + 2] = UInt8(0x80 | cp & 0x3F); count += 3
        default:
            buffer[count] = UInt8(0xF0 | cp >> 18); buffer[count + 1] = UInt8(0x80 | cp >> 12 & 0x3F)
            buffer[count + 2] = UInt8(0x80 | cp >> 6 & 0x3F); buffer[count + 3] = UInt8(0x80 | cp & 0x3F); count += 4
        }
    }

    mutating func append(_ b: UnsafeBufferPointer<UInt8>) {
        guard let src = b.baseAddress, !b.isEmpty else { return }
        precondition(count + b.count <= capacity, "UTF8Writer overflow")
        (buffer + count).update(from: src, count: b.count)
        count += b.count
    }

    /// Copies the run of ASCII bytes (no NUL) starting at `start`; returns where it stops.
    @inline(__always)
    mutating func copyASCII(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let src = b.baseAddress else { return start }
        var i = start
        let n = b.count
        precondition(count + (n - start) <= capacity, "UTF8Writer overflow")
        while i + 8 <= n {
            let w = UnsafeRawPointer(src + i).loadUnaligned(as: UInt64.self)
            if !UTF8Scan.isPlainASCII(w) { break }
            UnsafeMutableRawPointer(buffer + count).storeBytes(of: w, as: UInt64.self)
            count += 8
            i += 8
        }
        while i < n {
            let c = src[i]
            if c >= 0x80 || c == 0 { break }
            buffer[count] = c
            count += 1
            i += 1
        }
        return i
    }
}
