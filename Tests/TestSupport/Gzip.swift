/// A tiny gzip writer for the test server: fixed-Huffman deflate with literals and distance-1 runs.
///
/// It compresses runs of one repeated byte well (a 10 MB run becomes ≈ 8 KB, for gzip bombs) and leaves
/// other data at roughly its own size. Output is standard gzip (RFC 1952) that curl and `gzip -d` read.
public enum Gzip {
    /// Compresses `data` into a gzip member.
    public static func compress(_ data: [UInt8]) -> [UInt8] {
        var w = BitWriter()
        w.write(1, count: 1)  // BFINAL
        w.write(1, count: 2)  // BTYPE = 01, fixed Huffman
        var i = 0
        while i < data.count {
            let b = data[i]
            writeLiteral(Int(b), to: &w)
            i += 1
            var run = 0
            while i + run < data.count, data[i + run] == b { run += 1 }
            while run >= 3 {
                let m = min(run, 258)
                writeMatch(length: m, to: &w)
                i += m
                run -= m
            }
        }
        writeLiteral(256, to: &w)  // end of block
        var out: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF]
        out += w.finish()
        let crc = crc32(data)
        let size = UInt32(truncatingIfNeeded: data.count)
        for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8(truncatingIfNeeded: crc >> UInt32(shift))) }
        for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8(truncatingIfNeeded: size >> UInt32(shift))) }
        return out
    }

    /// `count` copies of `byte`, gzip-compressed: a decompression bomb of `count` decoded bytes (≈ 1:1000).
    /// Built directly (no scan of the decoded data), so a 100 MB bomb is cheap to make.
    public static func bomb(decodedSize count: Int, byte: UInt8 = 0x41) -> [UInt8] {
        var w = BitWriter()
        w.write(1, count: 1)
        w.write(1, count: 2)
        var left = count
        if left > 0 {
            writeLiteral(Int(byte), to: &w)
            left -= 1
        }
        while left >= 3 {
            let m = min(left, 258)
            writeMatch(length: m, to: &w)
            left -= m
        }
        for _ in 0..<left { writeLiteral(Int(byte), to: &w) }
        writeLiteral(256, to: &w)
        var out: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF]
        out += w.finish()
        let crc = crc32(repeating: byte, count: count)
        let size = UInt32(truncatingIfNeeded: count)
        for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8(truncatingIfNeeded: crc >> UInt32(shift))) }
        for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8(truncatingIfNeeded: size >> UInt32(shift))) }
        return out
    }

    /// CRC-32 of `count` copies of `byte`, without materializing them.
    static func crc32(repeating byte: UInt8, count: Int) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        let b = UInt32(byte)
        for _ in 0..<count { c = crcTable[Int((c ^ b) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }

    private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]

    private static func writeLiteral(_ v: Int, to w: inout BitWriter) {
        switch v {
        case 0...143: w.writeHuffman(0x30 + v, count: 8)
        case 144...255: w.writeHuffman(0x190 + v - 144, count: 9)
        case 256...279: w.writeHuffman(v - 256, count: 7)
        default: w.writeHuffman(0xC0 + v - 280, count: 8)
        }
    }

    private static func writeMatch(length: Int, to w: inout BitWriter) {
        var idx = lengthBase.count - 1
        while lengthBase[idx] > length { idx -= 1 }
        writeLiteral(257 + idx, to: &w)
        if lengthExtra[idx] > 0 { w.write(length - lengthBase[idx], count: lengthExtra[idx]) }
        w.writeHuffman(0, count: 5)  // distance code 0 = distance 1
    }

    private static let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// CRC-32 (IEEE), as gzip stores it.
    public static func crc32(_ data: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in data { c = crcTable[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}

private struct BitWriter {
    var bytes: [UInt8] = []
    var acc: UInt32 = 0
    var n: Int = 0

    /// Writes `count` bits of `value`, least significant first (deflate's order for extra bits and headers).
    mutating func write(_ value: Int, count: Int) {
        acc |= UInt32(value) << UInt32(n)
        n += count
        while n >= 8 {
            bytes.append(UInt8(truncatingIfNeeded: acc))
            acc >>= 8
            n -= 8
        }
    }

    /// Writes a Huffman code, most significant bit first.
    mutating func writeHuffman(_ code: Int, count: Int) {
        var reversed = 0
        for i in 0..<count where (code >> i) & 1 == 1 { reversed |= 1 << (count - 1 - i) }
        write(reversed, count: count)
    }

    mutating func finish() -> [UInt8] {
        if n > 0 { bytes.append(UInt8(truncatingIfNeeded: acc)) }
        return bytes
    }
}
