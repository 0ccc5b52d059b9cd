import Foundation

/// Builds the plain text: inline whitespace collapsed, breaks between blocks.
struct TextBuilder {
    private var bytes: [UInt8] = []
    private var pendingBreak = 0
    private var pendingSpace = false

    /// 1 line break, 2 blank line, 3 a space (table cells).
    mutating func reserveCapacity(_ n: Int) { bytes.reserveCapacity(n) }

    mutating func brk(_ n: UInt8) {
        if n == 3 { pendingSpace = true } else { pendingBreak = max(pendingBreak, Int(n)) }
    }

    mutating func append(_ b: UnsafeBufferPointer<UInt8>, pre: Bool) {
        guard let base = b.baseAddress else { return }
        let n = b.count
        var i = 0
        while i < n {
            if !pre && Bytes.isSpace(b[i]) { pendingSpace = true; i += 1; continue }
            // A run copied as is: anything inside pre; else words joined by single spaces (what collapsing keeps).
            var j = i + 1
            if pre {
                j = n
            } else {
                while j < n {
                    // Eight bytes at a time while none is a control and every space is single and followed by a
                    // non-blank.
                    while j + 8 <= n {
                        let w = UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self)
                        if SWAR.hasLess(w, 0x20) { break }
                        let sp = SWAR.zeroMask(w ^ 0x2020_2020_2020_2020)
                        if sp & (sp >> 8) != 0 { break }
                        if sp >> 63 != 0, j + 8 >= n || Bytes.isSpace(b[j + 8]) { break }
                        j += 8
                    }
                    guard j < n else { break }
                    let c = b[j]
                    if c > 0x20 || !Bytes.isSpace(c) { j += 1; continue }
                    if c == 0x20, j + 1 < n, !Bytes.isSpace(b[j + 1]) { j += 2; continue }
                    break
                }
            }
            if pendingBreak > 0 {
                if !bytes.isEmpty {
                    while let l = bytes.last, l == 0x20 { bytes.removeLast() }
                    for _ in 0..<pendingBreak { bytes.append(0x0A) }
                }
                pendingBreak = 0
                pendingSpace = false
            } else if pendingSpace {
                if let l = bytes.last, l != 0x0A { bytes.append(0x20) }
                pendingSpace = false
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<j]))
            i = j
        }
    }

    mutating func finish() -> String {
        while let l = bytes.last, Bytes.isSpace(l) { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
