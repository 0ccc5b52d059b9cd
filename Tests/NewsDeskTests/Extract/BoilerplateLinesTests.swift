import Testing
@testable import NewsDesk

@Suite struct BoilerplateLinesTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let line: String
        let kind: BoilerplateKind?
        var testDescription: String { line }
    }

    static let cases: [Case] = [
        .init(line: "<ⓒ연합뉴스, 무단전재 및 재배포 금지>", kind: .copyright),
        .init(line: "<저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지>", kind: .copyright),
        .init(line: "Copyright © 지디넷코리아. All rights reserved.", kind: .copyright),
        .init(line: "ⓒ 연합뉴스", kind: .copyright),
        // Lowercased on bytes: Ⓒ (U+24B8) reads as ⓒ, ASCII capitals as small letters.
        .init(line: "Ⓒ 연합뉴스", kind: .copyright),
        .init(line: "COPYRIGHT 2026 EXAMPLE MEDIA", kind: .copyright),
        .init(line: "【사진=연합뉴스】", kind: .photoCredit),
        .init(line: "(사진 = 연합뉴스)", kind: .photoCredit),
        .init(line: "사진공=", kind: .photoCredit),
        .init(line: "저작권자 © 남도일보 무단전재 및 재배포 금지", kind: .copyright),
        .init(line: "제보는 카카오톡 okjebo", kind: .tip),
        .init(line: "▶ 기사제보 및 보도자료 press@example.co.kr", kind: .tip),
        .init(line: "▶ 네이버에서 연합뉴스 구독하기", kind: .promo),
        .init(line: "☞ 관련기사 바로가기", kind: .promo),
        .init(line: "(사진=연합뉴스)", kind: .photoCredit),
        .init(line: "[사진 제공=달빛스튜디오]", kind: .photoCredit),
        .init(line: "[사진] 소속사 제공", kind: .photoCredit),
        .init(line: "/사진=홍길동 기자", kind: .photoCredit),
        .init(line: "사진제공=구단", kind: .photoCredit),
        .init(line: "Photo: Reuters", kind: .photoCredit),
        .init(line: "홍길동 기자 gildong@example.co.kr", kind: .signature),
        .init(line: "gildong@example.co.kr", kind: .signature),
        .init(line: "[OSEN=박소영 기자]", kind: .signature),
        .init(line: "By Jane Doe", kind: .signature),
        .init(line: "광고", kind: .promo),
        .init(line: "Advertisement", kind: .promo),
        .init(line: "등록 2026-05-02 07:00", kind: .dateStamp),
        .init(line: "입력 2026.03.19. 오전 9:27 수정 2026.03.19. 오후 1:05", kind: .dateStamp),
        .init(line: "수정 사항이 있으면 알려 달라고 했다.", kind: nil),
        .init(line: "정부는 19일 반도체 장비 수출이 석 달 연속 늘었다고 밝혔다.", kind: nil),
        .init(line: "홍길동 기자는 현장에서 주민들의 이야기를 들었다고 전했다, 그는 앞으로도 취재를 이어갈 계획이다.", kind: nil),
        .init(line: "자세한 내용은 누리집에서 확인하거나 help@example.com 으로 문의하면 된다.", kind: nil),
        .init(line: "▶ 올해 수출은 작년보다 늘었다.", kind: nil),
        .init(line: "사진은 지난해 열린 대회 모습이다.", kind: nil),
        .init(line: "사진 속 인물은 누구인가", kind: nil),
        .init(line: "제보 여부는 확인되지 않았다고 경찰은 밝혔다.", kind: nil),
        .init(line: "The copyright on the song expired in 2020, so the band can now release it freely as part of the new album.", kind: nil),
    ]

    @Test(arguments: cases)
    func classifies(_ c: Case) {
        #expect(BoilerplateLines.classify(c.line) == c.kind)
    }
}
