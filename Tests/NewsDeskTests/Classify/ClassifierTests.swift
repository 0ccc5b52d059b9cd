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
              section: "it", method: .source, reasonContains: "source it-news is single-section (it)"),
        .init(id: "source and url rule agree",
              input: ClassificationInput(title: "x", url: "https://sports.news.naver.com/1", sourceID: "ns", sourceSection: "sports"),
              section: "sports", method: .source, reasonContains: "agrees: url rule"),
        .init(id: "url rule on a mixed source",
              input: ClassificationInput(title: "국회 예산 법안", url: "https://sports.news.naver.com/news?oid=1"),
              section: "sports", method: .rule, reasonContains: "url rule: sports.news.naver.com → sports"),
        .init(id: "page hint",
              input: ClassificationInput(title: "국회 예산", sectionHints: ["뉴스 > IT/과학"]),
              section: "it", method: .metadata, reasonContains: "page section \"IT/과학\" → it"),
        .init(id: "disagreeing signals: model decides",
              input: ClassificationInput(title: "홈런 타자 리그 우승 감독", url: "https://example.com/tech/1", sourceID: "s", sourceSection: "general"),
              section: "sports", method: .model, reasonContains: "signals disagree"),
        .init(id: "model for a mixed source",
              input: ClassificationInput(title: "반도체 스마트폰 인공지능 클라우드", lead: "서버 칩 데이터 앱"),
              section: "it", method: .model, reasonContains: "model: it"),
        .init(id: "English text on a Korean model: the model is not asked",
              input: ClassificationInput(title: "Apple unveils a faster chip for its new phones", lead: "The company said on Tuesday"),
              section: "general", method: .fallback,
              reasonContains: "model not used (the text's letters are 100 % Latin; the model was trained on Hangul text): default general"),
        .init(id: "English text, disagreeing signals: the strongest signal stands",
              input: ClassificationInput(title: "Senate passes the budget bill after a long debate", url: "https://example.com/tech/1",
                                         sourceID: "s", sourceSection: "general"),
              section: "general", method: .source, reasonContains: "model not used (the text's letters are 100 % Latin"),
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
