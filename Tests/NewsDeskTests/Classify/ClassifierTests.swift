import Foundation
import Testing
@testable import NewsDesk

@Suite struct ClassifierTests {
    struct OrderCase: Sendable, CustomTestStringConvertible {
        let id: String
        let input: ClassificationInput
        let section: String
        let method: ClassificationMethod
        let reasonContains: String
        var testDescription: String { id }
    }
    static let orderCases: [OrderCase] = [
        .init(id: "pinned beats everything",
              input: ClassificationInput(title: "홈런 타자 우승", url: "https://sports.news.naver.com/1", sourceID: "s", sourceSection: "sports", pinnedSection: "it"),
              section: "it", method: .pinned, reasonContains: "pinned by hand: it"),
        .init(id: "single-section source",
              input: ClassificationInput(title: "국회 예산 법안", sourceID: "it-news", sourceSection: "it"),
              section: "it", method: .source, reasonContains: "source it-news is single-section (it) ×1000"),
        .init(id: "source and url rule agree: both named",
              input: ClassificationInput(title: "x", url: "https://sports.news.naver.com/1", sourceID: "ns", sourceSection: "sports"),
              section: "sports", method: .source, reasonContains: "source ns is single-section (sports) ×1000; url rule: sports.news.naver.com → sports ×100"),
        .init(id: "portal url rule outweighs the model",
              input: ClassificationInput(title: "국회 예산 법안", url: "https://sports.news.naver.com/news?oid=1"),
              section: "sports", method: .rule, reasonContains: "url rule: sports.news.naver.com → sports ×100"),
        .init(id: "page section outweighs the model",
              input: ClassificationInput(title: "국회 예산", sectionHints: ["뉴스 > IT/과학"]),
              section: "it", method: .metadata, reasonContains: "page section \"IT/과학\" → it ×20"),
        .init(id: "a single-section source outweighs a path rule and the model",
              input: ClassificationInput(title: "홈런 타자 리그 우승 감독", url: "https://example.com/tech/1", sourceID: "s", sourceSection: "general"),
              section: "general", method: .source, reasonContains: "against: url rule: /tech/ → it ×8; model: sports"),
        .init(id: "the model outweighs a path segment alone",
              input: ClassificationInput(title: "홈런 타자 리그 우승 감독", url: "https://example.com/tech/1"),
              section: "sports", method: .model, reasonContains: "against: url rule: /tech/ → it ×8; model: sports"),
        .init(id: "canonical URL rule",
              input: ClassificationInput(title: "x", url: "https://mirror.example.kr/view/1", canonicalURL: "https://www.etnews.com/2026"),
              section: "it", method: .rule, reasonContains: "url rule: etnews.com → it (canonical URL) ×8"),
        .init(id: "original article URL on a portal page",
              input: ClassificationInput(title: "x", url: "https://v.daum.net/v/1", originalURL: "https://www.footballist.co.kr/news/1"),
              section: "sports", method: .rule, reasonContains: "url rule: footballist.co.kr → sports (original article URL) ×8"),
        .init(id: "the same rule on the page and canonical URL counts once",
              input: ClassificationInput(title: "x", url: "https://www.etnews.com/1", canonicalURL: "https://etnews.com/1?ref=rss"),
              section: "it", method: .rule, reasonContains: "url rule: etnews.com → it (page URL, canonical URL) ×8; model"),
        .init(id: "publisher name",
              input: ClassificationInput(title: "x", publishers: ["풋볼리스트"]),
              section: "sports", method: .metadata, reasonContains: "publisher 풋볼리스트 → sports ×8"),
        .init(id: "a beat publisher's name and host are one signal",
              input: ClassificationInput(title: "x", url: "https://www.footballist.co.kr/news/1", publishers: ["풋볼리스트"]),
              section: "sports", method: .rule,
              reasonContains: "url rule: footballist.co.kr → sports ×8; publisher 풋볼리스트 → sports (the same outlet as the host: counted once) ×1"),
        .init(id: "page tags: two per section at most",
              input: ClassificationInput(title: "x", tags: ["Rust", "rust", "Linux", "Kubernetes"]),
              section: "it", method: .metadata, reasonContains: "page tag \"Rust\" → it ×2; page tag \"Linux\" → it ×2; model"),
        .init(id: "model for a mixed source",
              input: ClassificationInput(title: "반도체 스마트폰 인공지능 클라우드", lead: "서버 칩 데이터 앱"),
              section: "it", method: .model, reasonContains: "model: it"),
        .init(id: "English text: the vocabulary speaks, not the Korean model",
              input: ClassificationInput(title: "Apple unveils a faster chip for its new phones", lead: "The company said on Tuesday"),
              section: "it", method: .rule,
              reasonContains: "it words: \"chip\" ×4; model not used (the text's letters are 100 % Latin; the model was trained on Hangul text)"),
        .init(id: "English text without section words: default",
              input: ClassificationInput(title: "A quiet week ends with a long weekend for many", lead: "Readers wrote in about their plans"),
              section: "general", method: .fallback,
              reasonContains: "model not used (the text's letters are 100 % Latin; the model was trained on Hangul text): default general"),
        .init(id: "English text, single-section source",
              input: ClassificationInput(title: "Senate passes the budget bill after a long debate", url: "https://example.com/tech/1",
                                         sourceID: "s", sourceSection: "general"),
              section: "general", method: .source, reasonContains: "general words: \"budget\", \"senate\""),
        .init(id: "Korean headline with English product names: the model is asked",
              input: ClassificationInput(title: "Galaxy S25 Ultra 스마트폰 반도체 칩"),
              section: "it", method: .model, reasonContains: "model: it"),
        .init(id: "no text at all",
              input: ClassificationInput(title: "  "),
              section: "general", method: .fallback, reasonContains: "default general"),
    ]

    @Test(arguments: orderCases)
    func decisionOrder(_ c: OrderCase) throws {
        let classifier = Classifier(model: try tinyModel(), threshold: 0.55)
        let r = classifier.classify(c.input)
        #expect(r.section == c.section)
        #expect(r.method == c.method)
        #expect(r.reason.contains(c.reasonContains), "reason: \(r.reason)")
        #expect((0...1).contains(r.confidence))
    }

    @Test func belowThresholdFallsBackToDefault() throws {
        let input = ClassificationInput(title: "반도체 스마트폰 인공지능 클라우드")
        let sure = Classifier(model: try tinyModel(), threshold: 0.3).classify(input)
        #expect(sure.method == .model && sure.section == "it")
        let strict = Classifier(model: try tinyModel(), threshold: 0.9999, defaultSection: "misc").classify(input)
        #expect(strict.section == "misc")
        #expect(strict.method == .fallback)
        #expect(strict.reason.hasPrefix("model unsure (it "))
        #expect(strict.reason.hasSuffix("< 1.00): default misc"))
    }

    @Test func unconfiguredSectionsAreIgnored() throws {
        // The operator has no sports section: the url rule is skipped and the model picks among the others.
        let c = Classifier(model: try tinyModel(), threshold: 0.0, sections: ["it", "general"])
        let r = c.classify(ClassificationInput(title: "홈런 타자 반도체", url: "https://sports.news.naver.com/1"))
        #expect(r.method == .model)
        #expect(["it", "general"].contains(r.section))
    }

    /// The rule is one formula: the probability is softmax over ln P(text) + Σ ln factor, with the model smoothed.
    @Test func weighingIsTheDocumentedFormula() throws {
        let model = try tinyModel()
        let c = Classifier(model: model, threshold: 0)
        let input = ClassificationInput(title: "국회 예산 선거", url: "https://example.com/tech/1", tags: ["rust"])
        let r = c.classify(input)
        let p = model.probabilities(of: input.title)
        let smooth = { (s: String) in 0.8 * (p.first { $0.label == s }?.probability ?? 0) + 0.2 / 3 }
        let scores = ["general": log(smooth("general")), "it": log(smooth("it")) + log(8.0) + log(2.0), "sports": log(smooth("sports"))]
        let total = scores.values.reduce(0) { $0 + exp($1) }
        let best = scores.max { $0.value < $1.value }!
        #expect(r.section == best.key)
        #expect(abs(r.confidence - exp(best.value) / total) < 1e-3, "\(r)")
    }

    /// Evidence for a section the operator has not configured is ignored, and the default section stands when
    /// the evidence is too weak.
    @Test func weakEvidenceFallsBackToTheDefault() throws {
        let c = Classifier(model: try tinyModel(), defaultSection: "general")
        let r = c.classify(ClassificationInput(title: "Readers wrote in about their weekend", tags: ["rust"]))
        #expect(r.section == "general")
        #expect(r.method == .fallback)
        #expect(r.reason.hasPrefix("unsure (it 0."), "\(r.reason)")
        #expect(r.reason.contains("page tag \"rust\" → it ×2"))
    }

    @Test func leadIsCutNearAWordBoundary() {
        let text = String(repeating: "가나다 ", count: 200)
        let lead = ClassificationInput.lead(of: text)
        #expect(lead.count <= 300 && lead.count > 225)
        #expect(!lead.hasSuffix(" "))
    }
}

/// The shipped model on obvious headlines we wrote ourselves.
@Suite struct ShippedModelTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let title: String; let section: String
        var testDescription: String { title }
    }
    static let cases: [Case] = [
        .init(title: "손흥민 멀티골…토트넘 리그 3연승 질주", section: "sports"),
        .init(title: "류현진 7이닝 무실점 호투로 시즌 10승 달성", section: "sports"),
        .init(title: "삼성전자 차세대 반도체 3나노 양산 돌입", section: "it"),
        .init(title: "카카오 인공지능 챗봇 서비스 출시…클라우드 기반", section: "it"),
        .init(title: "국회 본회의 내년도 예산안 처리…여야 합의", section: "general"),
        .init(title: "배우 김하늘 새 드라마 주연 확정…안방극장 복귀", section: "entertainment"),
        .init(title: "아이돌 그룹 신곡 음원 차트 1위…뮤직비디오 조회수 폭발", section: "entertainment"),
    ]

    @Test(arguments: cases)
    func obviousHeadlines(_ c: Case) throws {
        let model = try TextModel.shipped()
        #expect(Set(model.labels) == ["it", "sports", "entertainment", "general"])
        #expect(model.predict(c.title)?.label == c.section)
    }

    @Test func classifierUsesShippedModelForMixedSources() throws {
        let classifier = try Classifier.shipped(config: FeedsConfig(sections: SectionConfig.standard, defaults: .standard, sources: []))
        let r = classifier.classify(ClassificationInput(title: "야구 대표팀 결승 진출…9회말 역전승", sourceID: "mixed"))
        #expect(r.section == "sports")
        #expect(r.method == .model)
        #expect(r.reason.hasPrefix("model: sports"))
    }
}
