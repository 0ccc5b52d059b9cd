import Testing
@testable import NewsDesk

/// A named hash/MAC vector.
struct DigestCase: Sendable, CustomTestStringConvertible {
    let id: String
    let key: [UInt8]?
    let message: [UInt8]
    let hex: String
    var testDescription: String { id }
}

@Suite("Crypto")
struct CryptoTests {
    static let sha: [DigestCase] = [
        DigestCase(id: "empty", key: nil, message: [], hex: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        DigestCase(id: "abc", key: nil, message: Array("abc".utf8), hex: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        DigestCase(id: "448 bits", key: nil, message: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8),
                   hex: "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        DigestCase(id: "million a", key: nil, message: [UInt8](repeating: 0x61, count: 1_000_000),
                   hex: "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
        DigestCase(id: "55 bytes (padding edge)", key: nil, message: [UInt8](repeating: 0x61, count: 55),
                   hex: "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
    ]

    @Test(arguments: sha)
    func sha256(_ c: DigestCase) {
        #expect(ByteEncoding.hex(SHA256Hash.hash(c.message)) == c.hex)
    }

    // RFC 4231 test cases 1, 2, 4 and 6.
    static let hmac: [DigestCase] = [
        DigestCase(id: "rfc4231 case 1", key: [UInt8](repeating: 0x0b, count: 20), message: Array("Hi There".utf8),
                   hex: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        DigestCase(id: "rfc4231 case 2", key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8),
                   hex: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        DigestCase(id: "rfc4231 case 4", key: Array(1...25), message: [UInt8](repeating: 0xcd, count: 50),
                   hex: "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
        DigestCase(id: "rfc4231 case 6 (long key)", key: [UInt8](repeating: 0xaa, count: 131),
                   message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
                   hex: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
    ]

    @Test(arguments: hmac)
    func hmacSHA256(_ c: DigestCase) {
        #expect(ByteEncoding.hex(HMACSHA256.mac(key: c.key ?? [], message: c.message)) == c.hex)
    }

    @Test func base64url() {
        #expect(ByteEncoding.base64url(Array("f".utf8)) == "Zg")
        #expect(ByteEncoding.base64url(Array("fo".utf8)) == "Zm8")
        #expect(ByteEncoding.base64url(Array("foo".utf8)) == "Zm9v")
        #expect(ByteEncoding.base64url([0xfb, 0xff]) == "-_8")
    }
}
