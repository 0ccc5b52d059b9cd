import Testing
@testable import NewsDesk

struct URLKeyCase: Sendable, CustomTestStringConvertible {
    let name: String
    let input: String
    let expected: String?
    var testDescription: String { name }
}

@Suite("ArticleURL keys")
struct ArticleURLTests {
    static let cases: [URLKeyCase] = [
        URLKeyCase(name: "plain https kept", input: "https://news.example.com/a/1?id=5", expected: "https://news.example.com/a/1?id=5"),
        URLKeyCase(name: "http folded to https", input: "http://news.example.com/a/1", expected: "https://news.example.com/a/1"),
        URLKeyCase(name: "fragment and default port dropped", input: "https://news.example.com:443/a/1#top", expected: "https://news.example.com/a/1"),
        URLKeyCase(name: "m. host folded", input: "https://m.example.co.kr/view/1", expected: "https://example.co.kr/view/1"),
        URLKeyCase(name: "www. host folded", input: "https://www.example.co.kr/view/1", expected: "https://example.co.kr/view/1"),
        URLKeyCase(name: "mobile. host folded", input: "https://mobile.example.com/view/1", expected: "https://example.com/view/1"),
        URLKeyCase(name: "host case folded", input: "https://NEWS.Example.COM/A", expected: "https://news.example.com/A"),
        URLKeyCase(name: "two-label m.com not folded", input: "https://m.com/x", expected: "https://m.com/x"),
        URLKeyCase(name: "daum v", input: "https://v.daum.net/v/20251129120000123", expected: "https://v.daum.net/v/20251129120000123"),
        URLKeyCase(name: "daum mobile", input: "https://m.v.daum.net/v/20251129120000123?f=m", expected: "https://v.daum.net/v/20251129120000123"),
        URLKeyCase(name: "daum news.v", input: "http://news.v.daum.net/v/20251129120000123", expected: "https://v.daum.net/v/20251129120000123"),
        URLKeyCase(name: "naver n.news article", input: "https://n.news.naver.com/article/001/0012345678?sid=105", expected: "https://n.news.naver.com/article/001/0012345678"),
        URLKeyCase(name: "naver mnews", input: "https://n.news.naver.com/mnews/article/001/0012345678", expected: "https://n.news.naver.com/article/001/0012345678"),
        URLKeyCase(name: "naver old read", input: "https://news.naver.com/main/read.naver?mode=LSD&oid=001&aid=0012345678", expected: "https://n.news.naver.com/article/001/0012345678"),
        URLKeyCase(name: "naver sports", input: "https://m.sports.naver.com/article/413/0000123456", expected: "https://n.news.naver.com/article/413/0000123456"),
        URLKeyCase(name: "naver sports old", input: "https://sports.news.naver.com/news.nhn?oid=413&aid=0000123456", expected: "https://n.news.naver.com/article/413/0000123456"),
        URLKeyCase(name: "naver entertain", input: "https://m.entertain.naver.com/article/112/0003456789", expected: "https://n.news.naver.com/article/112/0003456789"),
        URLKeyCase(name: "naver non-article", input: "https://news.naver.com/section/105", expected: "https://news.naver.com/section/105"),
        URLKeyCase(name: "relative rejected", input: "/a/1", expected: nil),
        URLKeyCase(name: "file scheme rejected", input: "file:///etc/passwd", expected: nil),
    ]

    @Test(arguments: cases)
    func key(_ c: URLKeyCase) {
        #expect(ArticleURL.key(c.input) == c.expected)
    }

    @Test func cleanerIsApplied() {
        let k = ArticleURL.key("https://a.example.com/x?utm_source=y") { $0.replacingOccurrences(of: "?utm_source=y", with: "") }
        #expect(k == "https://a.example.com/x")
    }

    @Test func sha256Vectors() {
        #expect(ByteEncoding.hex(SHA256Hash.hash("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(ByteEncoding.hex(SHA256Hash.hash("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(ByteEncoding.hex(SHA256Hash.hash("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(ByteEncoding.hex(SHA256Hash.hash("삼성전자가 새 칩을 공개했다".utf8)) == "e7b2ee3b2cd82f07f0232b2b923e9b39ea7bc38e00ad0a5addfbffc99a35c0d6")
        #expect(ByteEncoding.hex(SHA256Hash.hash(Array(repeating: UInt8(ascii: "a"), count: 1000))) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
