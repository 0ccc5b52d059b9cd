// The built-in section signals (alphabetically sorted within each block). feeds.yaml `classify.rules`
// adds rules that are tried first. Sections here are NewsDesk's four: it, sports, entertainment, general;
// a rule whose section the operator has not configured is ignored.
//
// Naver: news.naver.com and n.news.naver.com carry the section in `sid1` (older) or `sid` (newer) —
// 100 정치, 101 경제, 102 사회, 103 생활/문화, 104 세계, 105 IT/과학, 106 연예 (older URLs). Sports and
// entertainment live on their own hosts. Daum: sports.daum.net, entertain.daum.net, and the category
// paths of news.daum.net (article pages on v.daum.net have none; their category comes from page hints).

extension SectionRules {
    /// The default table: URL rules, then page-hint rules.
    public static let defaultTable: [SectionRule] = urlTable + hintTable

    static let urlTable: [SectionRule] = [
        // Host rules
        SectionRule(host: "arstechnica.com", section: "it"),
        SectionRule(host: "bleacherreport.com", section: "sports"),
        SectionRule(host: "bloter.net", section: "it"),
        SectionRule(host: "deadline.com", section: "entertainment"),
        SectionRule(host: "engadget.com", section: "it"),
        SectionRule(host: "entertain.daum.net", section: "entertainment"),
        SectionRule(host: "entertain.naver.com", section: "entertainment"),
        SectionRule(host: "espn.com", section: "sports"),
        SectionRule(host: "etnews.com", section: "it"),
        SectionRule(host: "ew.com", section: "entertainment"),
        SectionRule(host: "hollywoodreporter.com", section: "entertainment"),
        SectionRule(host: "m.entertain.naver.com", section: "entertainment"),
        SectionRule(host: "m.sports.naver.com", section: "sports"),
        SectionRule(host: "sports.daum.net", section: "sports"),
        SectionRule(host: "sports.naver.com", section: "sports"),
        SectionRule(host: "sports.news.naver.com", section: "sports"),
        SectionRule(host: "techcrunch.com", section: "it"),
        SectionRule(host: "theathletic.com", section: "sports"),
        SectionRule(host: "theverge.com", section: "it"),
        SectionRule(host: "variety.com", section: "entertainment"),
        SectionRule(host: "wired.com", section: "it"),
        SectionRule(host: "zdnet.co.kr", section: "it"),
        SectionRule(host: "zdnet.com", section: "it"),
        // Naver section ids
        SectionRule(host: "naver.com", query: "sid1=100", section: "general"),
        SectionRule(host: "naver.com", query: "sid1=101", section: "general"),
        SectionRule(host: "naver.com", query: "sid1=102", section: "general"),
        SectionRule(host: "naver.com", query: "sid1=103", section: "general"),
        SectionRule(host: "naver.com", query: "sid1=104", section: "general"),
        SectionRule(host: "naver.com", query: "sid1=105", section: "it"),
        SectionRule(host: "naver.com", query: "sid1=106", section: "entertainment"),
        SectionRule(host: "naver.com", query: "sid=100", section: "general"),
        SectionRule(host: "naver.com", query: "sid=101", section: "general"),
        SectionRule(host: "naver.com", query: "sid=102", section: "general"),
        SectionRule(host: "naver.com", query: "sid=103", section: "general"),
        SectionRule(host: "naver.com", query: "sid=104", section: "general"),
        SectionRule(host: "naver.com", query: "sid=105", section: "it"),
        SectionRule(host: "naver.com", query: "sid=106", section: "entertainment"),
        // Daum category paths
        SectionRule(host: "news.daum.net", pathPrefix: "/breakingnews/digital", section: "it"),
        SectionRule(host: "news.daum.net", pathPrefix: "/breakingnews/economic", section: "general"),
        SectionRule(host: "news.daum.net", pathPrefix: "/breakingnews/foreign", section: "general"),
        SectionRule(host: "news.daum.net", pathPrefix: "/breakingnews/politics", section: "general"),
        SectionRule(host: "news.daum.net", pathPrefix: "/breakingnews/society", section: "general"),
        SectionRule(host: "news.daum.net", pathPrefix: "/digital", section: "it"),
        SectionRule(host: "news.daum.net", pathPrefix: "/entertain", section: "entertainment"),
        SectionRule(host: "news.daum.net", pathPrefix: "/sports", section: "sports"),
        // Path segments on any host
        SectionRule(pathPrefix: "/entertainment/", section: "entertainment"),
        SectionRule(pathPrefix: "/it/", section: "it"),
        SectionRule(pathPrefix: "/sport/", section: "sports"),
        SectionRule(pathPrefix: "/sports/", section: "sports"),
        SectionRule(pathPrefix: "/tech/", section: "it"),
        SectionRule(pathPrefix: "/technology/", section: "it"),
    ]

    /// Page hints (article:section, breadcrumbs), Korean then English, matched ignoring case and punctuation.
    static let hintTable: [SectionRule] = [
        ("가요", "entertainment"), ("게임/리뷰", "it"), ("경제", "general"), ("골프", "sports"), ("과학", "it"), ("국제", "general"),
        ("농구", "sports"), ("디지털", "it"), ("모바일", "it"), ("방송", "entertainment"), ("배구", "sports"), ("사회", "general"),
        ("생활/문화", "general"), ("세계", "general"), ("스포츠", "sports"), ("야구", "sports"), ("연예", "entertainment"),
        ("영화", "entertainment"), ("인터넷/SNS", "it"), ("정치", "general"), ("축구", "sports"), ("테크", "it"),
        ("Baseball", "sports"), ("Basketball", "sports"), ("Business", "general"), ("Celebrity", "entertainment"),
        ("Entertainment", "entertainment"), ("Film", "entertainment"), ("Football", "sports"), ("Gadgets", "it"),
        ("IT", "it"), ("IT/과학", "it"), ("IT·과학", "it"), ("IT과학", "it"), ("Movies", "entertainment"),
        ("Music", "entertainment"), ("Politics", "general"), ("Science & Technology", "it"), ("Soccer", "sports"),
        ("Sport", "sports"), ("Sports", "sports"), ("Tech", "it"), ("Technology", "it"), ("TV", "entertainment"),
        ("World", "general"),
    ].map { SectionRule(hint: $0.0, section: $0.1) }
}
