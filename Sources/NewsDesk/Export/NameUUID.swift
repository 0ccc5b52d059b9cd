/// Name-based UUIDs for stable Atom ids (RFC 9562 version 8 over SHA-256, as in its Appendix B.2).
enum NameUUID {
    /// The RFC 4122 URL namespace, `6ba7b811-9dad-11d1-80b4-00c04fd430c8`.
    static let urlNamespace: [UInt8] = [0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8]
    /// The RFC 4122 DNS namespace, `6ba7b810-9dad-11d1-80b4-00c04fd430c8`.
    static let dnsNamespace: [UInt8] = [0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8]

    /// The UUID for `name` in `namespace`, lowercase, without `urn:uuid:`.
    static func make(namespace: [UInt8], name: String) -> String {
        var d = Array(SHA256Hash.hash(namespace + Array(name.utf8)).prefix(16))
        d[6] = (d[6] & 0x0f) | 0x80
        d[8] = (d[8] & 0x3f) | 0x80
        let hex = Array(ByteEncoding.hex(d).utf8)
        var out: [UInt8] = []
        for (i, pair) in stride(from: 0, to: hex.count, by: 2).enumerated() {
            if i == 4 || i == 6 || i == 8 || i == 10 { out.append(UInt8(ascii: "-")) }
            out.append(hex[pair]); out.append(hex[pair + 1])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
