/// Recognises bytes that are not text, whatever the Content-Type says: a binary signature at the start (`signatures`),
/// else a sample that is mostly non-text.
///
/// "Mostly non-text" counts WHATWG's binary data bytes (MIME Sniffing §3: 0x00–0x08, 0x0B, 0x0E–0x1A, 0x1C–0x1F) in
/// the first 64 KiB: at least `minimumBinaryBytes` and `binaryPercent` % of the sample. HTML text has none (a stray
/// NUL or two is a damaged page, decoded with U+FFFD, not a binary); executables and images are full of them and
/// random or compressed data has about 10.5 %. A UTF-16 page (its BOM, or a UTF-16 label) is text full of NULs and
/// is not counted.
enum BinarySniffer {
    static let sampleSize = 64 * 1024
    static let minimumBinaryBytes = 4
    static let binaryPercent = 2

    /// A byte pattern at a fixed offset; nil matches any byte.
    struct Signature: Sendable {
        let mediaType: String
        let offset: Int
        let pattern: [UInt8?]

        init(_ mediaType: String, at offset: Int = 0, _ pattern: [UInt8?]) {
            self.mediaType = mediaType; self.offset = offset; self.pattern = pattern
        }

        init(_ mediaType: String, at offset: Int = 0, ascii: String) {
            self.init(mediaType, at: offset, Array(ascii.utf8))
        }

        func matches(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
            guard b.count >= offset + pattern.count else { return false }
            for (k, p) in pattern.enumerated() where p != nil && b[offset + k] != p { return false }
            return true
        }
    }

    /// Signatures of the binaries a news link or a saved file may turn out to be, sorted by media type. Sources:
    /// WHATWG MIME Sniffing §6 (images, audio/video, fonts, archives; https://mimesniff.spec.whatwg.org/#matching-a-mime-type-pattern)
    /// and file(1)'s magic database for the rest (ELF, Mach-O, 7z, xz, zstd, SQLite, wasm, OLE).
    static let signatures: [Signature] = [
        Signature("application/gzip", [0x1F, 0x8B, 0x08]),
        Signature("application/java-vm", [0xCA, 0xFE, 0xBA, 0xBE]),
        Signature("application/pdf", ascii: "%PDF-"),
        Signature("application/postscript", ascii: "%!PS-Adobe-"),
        Signature("application/vnd.rar", ascii: "Rar!\u{1A}\u{07}"),
        Signature("application/wasm", [0x00, 0x61, 0x73, 0x6D]),
        Signature("application/x-7z-compressed", [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]),
        Signature("application/x-bzip2", [0x42, 0x5A, 0x68, nil, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59]),
        Signature("application/x-executable", [0x7F, 0x45, 0x4C, 0x46]),
        Signature("application/x-mach-binary", [0xCE, 0xFA, 0xED, 0xFE]),
        Signature("application/x-mach-binary", [0xCF, 0xFA, 0xED, 0xFE]),
        Signature("application/x-mach-binary", [0xFE, 0xED, 0xFA, 0xCE]),
        Signature("application/x-mach-binary", [0xFE, 0xED, 0xFA, 0xCF]),
        Signature("application/x-ole-storage", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]),
        Signature("application/x-sqlite3", ascii: "SQLite format 3\u{0}"),
        Signature("application/x-xz", [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]),
        Signature("application/zip", [0x50, 0x4B, 0x03, 0x04]),
        Signature("application/zip", [0x50, 0x4B, 0x05, 0x06]),
        Signature("application/zip", [0x50, 0x4B, 0x07, 0x08]),
        Signature("application/zstd", [0x28, 0xB5, 0x2F, 0xFD]),
        Signature("audio/flac", ascii: "fLaC"),
        Signature("audio/mpeg", ascii: "ID3"),
        Signature("audio/ogg", ascii: "OggS\u{0}"),
        Signature("audio/wav", [0x52, 0x49, 0x46, 0x46, nil, nil, nil, nil, 0x57, 0x41, 0x56, 0x45]),
        Signature("font/otf", ascii: "OTTO"),
        Signature("font/woff", ascii: "wOFF"),
        Signature("font/woff2", ascii: "wOF2"),
        Signature("image/gif", ascii: "GIF87a"),
        Signature("image/gif", ascii: "GIF89a"),
        Signature("image/jpeg", [0xFF, 0xD8, 0xFF]),
        Signature("image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        Signature("image/webp", [0x52, 0x49, 0x46, 0x46, nil, nil, nil, nil, 0x57, 0x45, 0x42, 0x50]),
        Signature("image/x-icon", [0x00, 0x00, 0x01, 0x00]),
        Signature("video/mp4", at: 4, ascii: "ftyp"),
        Signature("video/webm", [0x1A, 0x45, 0xDF, 0xA3]),
    ]

    /// The media type of binary `bytes`, nil when they may be text. `textIsUTF16` when a label says UTF-16.
    static func sniff(_ bytes: [UInt8], textIsUTF16: Bool = false) -> String? {
        bytes.withUnsafeBufferPointer { b -> String? in
            if let s = signatures.first(where: { $0.matches(b) }) { return s.mediaType }
            if textIsUTF16 || (b.count >= 2 && (b[0] == 0xFF && b[1] == 0xFE || b[0] == 0xFE && b[1] == 0xFF)) { return nil }
            let n = min(b.count, sampleSize)
            var binary = 0
            for i in 0..<n where isBinaryDataByte(b[i]) { binary += 1 }
            return binary >= minimumBinaryBytes && binary * 100 >= n * binaryPercent ? "application/octet-stream" : nil
        }
    }

    /// WHATWG MIME Sniffing's binary data byte.
    @inline(__always)
    static func isBinaryDataByte(_ c: UInt8) -> Bool {
        c <= 0x08 || c == 0x0B || (c >= 0x0E && c <= 0x1A) || (c >= 0x1C && c <= 0x1F)
    }
}
