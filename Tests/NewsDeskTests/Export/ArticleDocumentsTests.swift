import Foundation
import Testing
@testable import NewsDesk

@Suite struct ArticleDocumentsTests {
    static let hostileTitle = "<script>alert(1)</script> \"제목\" & <img src=x onerror=alert(2)>"

    @Test func htmlPageKeepsHostileMetadataAsText() throws {
        var a = ExportSamples.article(id: 5, title: Self.hostileTitle)
        a.attribution = "<b>ⓒ</b> 연합뉴스"
        a.byline.raw = "</p><script>x</script>"
        let page = ArticleDocuments.htmlPage(a, sectionName: "IT<뉴스>")
        let doc = try HTMLDocument(html: page)
        #expect(try doc.select(xpath: "//script").isEmpty)
        #expect(try doc.select(xpath: "//img[@onerror]").isEmpty)
        #expect(try doc.string(xpath: "string(//title)") == Self.hostileTitle)
        #expect(try doc.string(xpath: "string(//h1)") == Self.hostileTitle)
        #expect(try doc.string(xpath: "string(//p[@class='attribution'])") == "<b>ⓒ</b> 연합뉴스")
        // The body is the sanitized HTML as stored; the original is linked.
        #expect(try doc.select(xpath: "//div[@class='body']//img[@src='https://img.example.com/5.jpg']").count == 1)
        #expect(try doc.select(xpath: "//footer//a[@href='https://publisher.example.org/5?a=1&b=2']").count == 1)
        #expect(try doc.string(xpath: "string(//header//a)") == "IT<뉴스>")
    }

    @Test func cspAllowsExactlyTheInlineStyle() throws {
        let page = ArticleDocuments.htmlPage(ExportSamples.article(id: 1), sectionName: nil)
        let doc = try HTMLDocument(html: page)
        let csp = try doc.string(xpath: "string(//meta[@http-equiv='Content-Security-Policy']/@content)")
        #expect(csp.contains("default-src 'none'"))
        #expect(!csp.contains("script-src"))
        let style = try doc.string(xpath: "string(//style)")
        let hash = "'sha256-" + Data(SHA256Hash.hash(Array(style.utf8))).base64EncodedString() + "'"
        #expect(csp.contains("style-src " + hash))
    }

    @Test func markdownDocumentHasFrontMatterAndBody() throws {
        var a = ExportSamples.article(id: 9, title: "따옴표 \"제목\": 콜론 # 해시\n줄바꿈")
        a.html = "<h2>소제목</h2><p>본문 *별표*</p>"
        let md = try ArticleDocuments.markdown(a, sectionName: "IT뉴스")
        let parts = md.components(separatedBy: "---\n")
        #expect(parts.count >= 3 && parts[0].isEmpty)
        let front = parts[1]
        #expect(front.contains("title: \"따옴표 \\\"제목\\\": 콜론 # 해시\\n줄바꿈\"\n"))
        #expect(front.contains("id: 9\n"))
        #expect(front.contains("section_name: \"IT뉴스\"\n"))
        #expect(front.contains("date: 2026-11-29T00:09:00Z\n"))
        #expect(front.contains("authors: [\"홍길동\", \"김철수\"]\n"))
        #expect(md.contains("## 소제목\n\n본문 \\*별표\\*\n\n"))
        #expect(md.hasSuffix("[원문 보기 (original article)](https://publisher.example.org/9?a=1&b=2)\n"))
    }

    @Test func markdownForEveryFixtureArticle() throws {
        // Every sample article converts; its visible text survives (modulo Markdown punctuation).
        for id in Int64(1)...20 {
            let a = ExportSamples.article(id: id)
            let md = try ArticleDocuments.markdown(a, sectionName: nil)
            #expect(md.contains("\(id)번째"))
            #expect(md.contains("- 둘\n  - 셋"))
            #expect(md.contains("[칩](https://example.com/a_\\(b\\))"))
        }
    }
}
