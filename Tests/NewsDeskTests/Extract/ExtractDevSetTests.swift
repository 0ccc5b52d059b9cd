import Foundation
import Testing
import TestSupport
@testable import NewsDesk

/// Every page of the dev set (fixtures/extract) against its gold body text and expected metadata.
@Suite struct ExtractDevSetTests {
    struct Page: Sendable, CustomTestStringConvertible {
        let name: String
        var testDescription: String { name }
    }

    static let pages: [Page] = {
        let dir = Fixtures.url("extract").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { $0.hasSuffix(".html") }.sorted().map { Page(name: String($0.dropLast(5))) }
    }()

    struct Expected: Decodable {
        let url: String
        let title: String
        let reporters: [String]
        let emails: [String]?
        let agency: String?
        let published: String?
        let original_url: String?
        let section_hint: String?
        let lang: String
        let attribution_contains: String?
    }

    static func load(_ name: String) throws -> (ExtractedArticle, gold: String, expected: Expected) {
        let expected = try JSONDecoder().decode(Expected.self, from: Fixtures.data("extract/\(name).meta.json"))
        let bytes = try Fixtures.bytes("extract/\(name).html")
        let page = CharsetDecoder.decode(bytes: bytes, url: expected.url, contentType: nil, override: nil)
        let article = try Extractor().extract(page)
        return (article, try Fixtures.string("extract/\(name).gold.txt"), expected)
    }

    @Test func theSetHasAtLeastThirtyPages() {
        #expect(Self.pages.count >= 30)
    }

    @Test(arguments: pages)
    func bodyScoresAboveTheFloor(_ p: Page) throws {
        let (article, gold, _) = try Self.load(p.name)
        // The gold holds the reader's content, prose and captions; `text` is the prose, `captions` the rest.
        let score = TokenF1(extracted: Extractor.text(ofFragment: article.bodyHTML) + "\n" + article.captions.joined(separator: "\n"), gold: gold)
        #expect(score.f1 >= 0.9, "\(p.name): \(score)")
    }

    @Test(arguments: pages)
    func metadataMatches(_ p: Page) throws {
        let (a, _, x) = try Self.load(p.name)
        #expect(a.title == x.title)
        for r in x.reporters { #expect(a.byline.reporters.contains(r), "reporter \(r) in \(a.byline.reporters)") }
        for e in x.emails ?? [] { #expect(a.byline.emails.contains(e), "e-mail \(e) in \(a.byline.emails)") }
        if let agency = x.agency { #expect(a.byline.agency == agency) }
        if let published = x.published { #expect(a.published == DateParser.parse(published)) }
        if let original = x.original_url { #expect(a.originalURL == original) }
        if let hint = x.section_hint { #expect(a.sectionHints.contains(hint)) }
        if let attribution = x.attribution_contains { #expect(a.attribution?.contains(attribution) == true) }
        #expect(a.language == x.lang)
        // The EUC-KR pages mirror an old table layout without canonical link or og: tags.
        if !p.name.hasPrefix("euckr") {
            #expect(a.canonicalURL != nil)
            #expect(a.leadImage != nil)
        }
    }

    @Test(arguments: pages)
    func bodyHasNoBoilerplate(_ p: Page) throws {
        let (a, _, _) = try Self.load(p.name)
        let text = Extractor.text(ofFragment: a.bodyHTML)
        for marker in ["무단전재", "무단 전재", "재배포 금지", "제보는 카카오톡", "okjebo", "Copyright", "All rights reserved", "구독하기", "댓글", "관련기사",
                       "Related", "Share this"] {
            #expect(!text.contains(marker), "\(p.name): body still holds \(marker)")
        }
        for e in a.byline.emails { #expect(!text.contains(e), "\(p.name): body still holds the e-mail \(e)") }
        #expect(!text.contains("연합뉴스) "), "\(p.name): dateline left in the body")
    }
}
