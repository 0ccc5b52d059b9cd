import Testing
@testable import NewsDesk

/// The plain-text builder copies runs word-at-a-time; it must collapse exactly as the byte-by-byte rule does.
@Suite("TextBuilder")
struct TextBuilderTests {
    /// The byte-by-byte rule: blanks become one pending space, breaks win over spaces, `pre` is verbatim.
    struct Reference {
        var bytes: [UInt8] = []
        var pendingBreak = 0
        var pendingSpace = false

        mutating func brk(_ n: UInt8) { if n == 3 { pendingSpace = true } else { pendingBreak = max(pendingBreak, Int(n)) } }

        mutating func append(_ b: [UInt8], pre: Bool) {
            for (k, c) in b.enumerated() {
                if !pre && Bytes.isSpace(c) { pendingSpace = true; continue }
                if pre && k > 0 { bytes.append(c); continue }
                if pendingBreak > 0 {
                    if !bytes.isEmpty {
                        while bytes.last == 0x20 { bytes.removeLast() }
                        bytes += Array(repeating: 0x0A, count: pendingBreak)
                    }
                    pendingBreak = 0
                    pendingSpace = false
                } else if pendingSpace {
                    if let l = bytes.last, l != 0x0A { bytes.append(0x20) }
                    pendingSpace = false
                }
                bytes.append(c)
            }
        }

        mutating func finish() -> String {
            while let l = bytes.last, Bytes.isSpace(l) { bytes.removeLast() }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    @Test func agreesWithTheByteRule() async {
        let pieces: [[UInt8]] = ["가", "나다", "a", "bc", " ", "  ", "\t", "\n", "\r\n", "\u{0C}", "\u{01}", "\u{0B}", ".", "기사입니다"]
            .map { Array($0.utf8) }
        var rng = SystemRandomNumberGenerator()
        for k in 0..<1000 {
            if k % 100 == 0 { await Task.yield() }
            var t = TextBuilder()
            var r = Reference()
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                var chunk: [UInt8] = []
                for _ in 0..<Int.random(in: 0...40, using: &rng) { chunk += pieces.randomElement(using: &rng) ?? [] }
                let pre = Int.random(in: 0..<8, using: &rng) == 0
                chunk.withUnsafeBufferPointer { t.append($0, pre: pre) }
                r.append(chunk, pre: pre)
                if Bool.random(using: &rng) {
                    let n = UInt8.random(in: 1...3, using: &rng)
                    t.brk(n); r.brk(n)
                }
            }
            let a = t.finish(), b = r.finish()
            #expect(a == b)
            if a != b { break }
        }
    }
}
