import Foundation
import Testing
@testable import NewsDesk

@Suite struct KoreanBylineTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let id: String
        let text: String
        let reporters: [String]
        let agency: String?
        let emails: [String]
        var testDescription: String { id }
    }

    static let cases: [Case] = [
        .init(id: "zdnet dateline", text: "(지디넷코리아=장유미 기자)", reporters: ["장유미"], agency: "지디넷코리아", emails: []),
        .init(id: "yonhap dateline", text: "(서울=연합뉴스) 홍길동 기자 =", reporters: ["홍길동"], agency: "연합뉴스", emails: []),
        .init(id: "yonhap two reporters", text: "(세종=연합뉴스) 김민수·이서연 기자 =", reporters: ["김민수", "이서연"], agency: "연합뉴스", emails: []),
        .init(id: "newsis brackets", text: "【서울=뉴시스】박지훈 기자 =", reporters: ["박지훈"], agency: "뉴시스", emails: []),
        .init(id: "osen", text: "[OSEN=박소영 기자]", reporters: ["박소영"], agency: "OSEN", emails: []),
        .init(id: "sports chosun brackets", text: "[스포츠조선 김철수 기자]", reporters: ["김철수"], agency: "스포츠조선", emails: []),
        .init(id: "sports chosun plain", text: "스포츠조선 김철수 기자", reporters: ["김철수"], agency: "스포츠조선", emails: []),
        .init(id: "name and e-mail", text: "홍길동 기자 gildong@example.co.kr", reporters: ["홍길동"], agency: nil, emails: ["gildong@example.co.kr"]),
        .init(id: "e-mail in parentheses", text: "홍길동 기자(gildong@example.co.kr)", reporters: ["홍길동"], agency: nil, emails: ["gildong@example.co.kr"]),
        .init(id: "senior reporter", text: "이수진 선임기자 sujin@example.com", reporters: ["이수진"], agency: nil, emails: ["sujin@example.com"]),
        .init(id: "correspondent", text: "워싱턴=정하늘 특파원", reporters: ["정하늘"], agency: nil, emails: []),
        .init(id: "lone e-mail", text: "minjun@yna.example.kr", reporters: [], agency: nil, emails: ["minjun@yna.example.kr"]),
        .init(id: "english by", text: "By Jane Doe", reporters: ["Jane Doe"], agency: nil, emails: []),
        .init(id: "english two", text: "By Jane Doe and John Roe", reporters: ["Jane Doe", "John Roe"], agency: nil, emails: []),
        .init(id: "ap dateline", text: "WASHINGTON (AP) — ", reporters: [], agency: "AP", emails: []),
    ]

    @Test(arguments: cases)
    func parses(_ c: Case) throws {
        let b = try #require(KoreanByline.parse(c.text))
        #expect(b.reporters == c.reporters)
        #expect(b.agency == c.agency)
        #expect(b.emails == c.emails)
    }

    struct DatelineCase: Sendable, CustomTestStringConvertible {
        let id: String
        let text: String
        let rest: String?
        var testDescription: String { id }
    }

    static let datelines: [DatelineCase] = [
        .init(id: "yonhap", text: "(서울=연합뉴스) 홍길동 기자 = 정부가 19일 발표했다.", rest: "정부가 19일 발표했다."),
        .init(id: "zdnet without space", text: "(지디넷코리아=장유미 기자)게임사들이 나섰다.", rest: "게임사들이 나섰다."),
        .init(id: "osen", text: "[OSEN=박소영 기자] 배우가 출연한다.", rest: "배우가 출연한다."),
        .init(id: "agency and name", text: "[스포츠조선 김철수 기자] 타이거즈가 이겼다.", rest: "타이거즈가 이겼다."),
        .init(id: "ap", text: "HALIFAX, Nova Scotia (AP) — A storm cut power.", rest: "A storm cut power."),
        .init(id: "photo credit is no dateline", text: "(사진=연합뉴스) 시민들이 걷고 있다.", rest: nil),
        .init(id: "plain sentence", text: "정부는 19일 새 대책을 내놓았다.", rest: nil),
        .init(id: "parenthesis without equals", text: "(주)한빛전자가 신제품을 내놨다.", rest: nil),
    ]

    @Test(arguments: datelines)
    func stripsDatelines(_ c: DatelineCase) {
        let d = KoreanByline.dateline(c.text)
        if let rest = c.rest {
            let found = d
            let stripped = found.map { String((c.text as NSString).substring(from: $0.length)) }
            #expect(stripped == rest)
        } else {
            #expect(d == nil)
        }
    }

    @Test func mergeUnionsReportersAndKeepsFirstAgency() {
        let a = Byline(reporters: ["홍길동"], agency: "연합뉴스", emails: [])
        let b = Byline(reporters: ["홍길동", "김철수"], agency: "뉴시스", emails: ["k@example.com"])
        let m = KoreanByline.merge(a, b)
        #expect(m.reporters == ["홍길동", "김철수"])
        #expect(m.agency == "연합뉴스")
        #expect(m.emails == ["k@example.com"])
    }
}
