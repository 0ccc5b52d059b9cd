// The built-in section signals, as sorted data. feeds.yaml `classify.rules` adds rules that are tried first.
// Sections here are NewsDesk's four: it, sports, entertainment, general; a rule whose section the operator has not
// configured is ignored. How much each kind of signal weighs is in `Classifier` (docs/classify.md, "Signals").
//
// Sources:
// - Naver News: news.naver.com and n.news.naver.com carry the section in `sid1` (older) or `sid` (newer) — 100 정치,
//   101 경제, 102 사회, 103 생활/문화, 104 세계, 105 IT/과학, 106 연예 (older URLs); its IT/과학 menu has 모바일,
//   인터넷/SNS, 통신/뉴미디어, IT 일반, 보안/해킹, 컴퓨터, 게임/리뷰, 과학 일반. Sports and entertainment live on their
//   own hosts. An article page names its section in `.media_end_categorize_item` ("IT/과학"), older pages in
//   `<meta property="me2:category2">`.
// - Daum News: sports.daum.net, entertain.daum.net, the category paths of news.daum.net (politics, economic, society,
//   culture, foreign, digital, entertain, sports); article pages on v.daum.net carry no category, but name the
//   publisher in `og:article:author` and link the original article (기사원문).
// - Section names of Korean dailies' menus (사회, 국제, 오피니언, 산업, 연예, 스포츠 …) and of English news sites'
//   menus (BBC, AP, Reuters, The Guardian: World, Business, Technology, Science, Sport, Culture …).
// - Publishers: outlets whose beat is one section, by their own description (masthead, about page): IT and
//   electronics dailies (전자신문 "IT·전자 전문 일간지", 디지털타임스, 지디넷코리아 …), game news sites, football and
//   basketball sites, entertainment news sites (텐아시아, TV리포트 …). General dailies and wire services cover every
//   section, and Korea's sports dailies (스포츠조선, 스포츠서울, 일간스포츠 …) and their like (스타뉴스, 조이뉴스24,
//   스포티비뉴스) cover sports *and* entertainment, so none of them is listed.
// Portals file tech-industry news (semiconductors, electronics, telecoms, games, AI business, platforms) under IT,
// so those words are IT hints here; 산업 and 경제 (the industry desk of a general paper) stay general.

extension SectionRules {
    /// The default table: URL rules, then page-hint rules.
    public static let defaultTable: [SectionRule] = urlTable + hintTable

    /// Hosts of the portals' own section sites and category pages: the portal filed the article itself.
    static let portalHosts: [String] = ["daum.net", "naver.com"]

    static let urlTable: [SectionRule] = [
        // Host rules: section sites of portals, and single-beat publishers
        SectionRule(host: "9to5mac.com", section: "it"),
        SectionRule(host: "arstechnica.com", section: "it"),
        SectionRule(host: "billboard.com", section: "entertainment"),
        SectionRule(host: "bleacherreport.com", section: "sports"),
        SectionRule(host: "bloter.net", section: "it"),
        SectionRule(host: "boannews.com", section: "it"),
        SectionRule(host: "byline.network", section: "it"),
        SectionRule(host: "cnet.com", section: "it"),
        SectionRule(host: "ddaily.co.kr", section: "it"),
        SectionRule(host: "deadline.com", section: "entertainment"),
        SectionRule(host: "dispatch.co.kr", section: "entertainment"),
        SectionRule(host: "dt.co.kr", section: "it"),
        SectionRule(host: "enews.imbc.com", section: "entertainment"),
        SectionRule(host: "engadget.com", section: "it"),
        SectionRule(host: "ent.sbs.co.kr", section: "entertainment"),
        SectionRule(host: "entertain.daum.net", section: "entertainment"),
        SectionRule(host: "entertain.naver.com", section: "entertainment"),
        SectionRule(host: "espn.com", section: "sports"),
        SectionRule(host: "etnews.com", section: "it"),
        SectionRule(host: "ew.com", section: "entertainment"),
        SectionRule(host: "footballist.co.kr", section: "sports"),
        SectionRule(host: "gamemeca.com", section: "it"),
        SectionRule(host: "hollywoodreporter.com", section: "entertainment"),
        SectionRule(host: "interfootball.co.kr", section: "sports"),
        SectionRule(host: "inven.co.kr", section: "it"),
        SectionRule(host: "it.chosun.com", section: "it"),
        SectionRule(host: "itdonga.com", section: "it"),
        SectionRule(host: "jumpball.co.kr", section: "sports"),
        SectionRule(host: "kstar.kbs.co.kr", section: "entertainment"),
        SectionRule(host: "m.entertain.naver.com", section: "entertainment"),
        SectionRule(host: "m.sports.naver.com", section: "sports"),
        SectionRule(host: "macrumors.com", section: "it"),
        SectionRule(host: "skysports.com", section: "sports"),
        SectionRule(host: "sports.daum.net", section: "sports"),
        SectionRule(host: "sports.naver.com", section: "sports"),
        SectionRule(host: "sports.news.naver.com", section: "sports"),
        SectionRule(host: "techcrunch.com", section: "it"),
        SectionRule(host: "techm.kr", section: "it"),
        SectionRule(host: "tenasia.co.kr", section: "entertainment"),
        SectionRule(host: "theathletic.com", section: "sports"),
        SectionRule(host: "theverge.com", section: "it"),
        SectionRule(host: "thisisgame.com", section: "it"),
        SectionRule(host: "tomshardware.com", section: "it"),
        SectionRule(host: "topstarnews.net", section: "entertainment"),
        SectionRule(host: "tvreport.co.kr", section: "entertainment"),
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
        SectionRule(host: "news.daum.net", pathPrefix: "/breakingnews/culture", section: "general"),
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

    /// Page sections (article:section, breadcrumbs, category markup, feed categories) and the section words among
    /// page tags, sorted by their key (lowercased letters and digits; see `hintKey`). Matched on the whole hint.
    static let hintTable: [SectionRule] = [
        ("AI", "it"), ("Arts", "general"), ("Baseball", "sports"), ("Basketball", "sports"), ("Books", "general"),
        ("Business", "general"), ("Celebrity", "entertainment"), ("Climate", "general"), ("Cloud", "it"),
        ("Cricket", "sports"), ("Culture", "general"), ("Cybersecurity", "it"), ("dev", "it"), ("development", "it"),
        ("digital", "it"), ("Economy", "general"), ("Education", "general"), ("ent", "entertainment"),
        ("Entertainment", "entertainment"), ("Environment", "general"), ("Esports", "sports"), ("e스포츠", "sports"),
        ("F1", "sports"), ("Film", "entertainment"), ("Football", "sports"), ("Gadgets", "it"), ("Games", "it"),
        ("Gaming", "it"), ("Golf", "sports"), ("Health", "general"), ("Hockey", "sports"), ("ICT", "it"),
        ("Internet", "it"), ("IT", "it"), ("it-science", "it"), ("IT/과학", "it"), ("IT기기", "it"), ("IT일반", "it"),
        ("kbo", "sports"), ("K-pop", "entertainment"), ("k리그", "sports"), ("k팝", "entertainment"),
        ("Markets", "general"), ("MLB", "sports"), ("Mobile", "it"), ("Movies", "entertainment"),
        ("Music", "entertainment"), ("NBA", "sports"), ("NFL", "sports"), ("NHL", "sports"), ("Olympics", "sports"),
        ("Opinion", "general"), ("Politics", "general"), ("politics-society", "general"), ("Programming", "it"),
        ("Rugby", "sports"), ("Science", "it"), ("Science & Technology", "it"), ("Security", "it"),
        ("Semiconductors", "it"), ("Soccer", "sports"), ("Software", "it"), ("Space", "it"), ("Sport", "sports"),
        ("Sports", "sports"), ("Tech", "it"), ("Technology", "it"), ("Telecom", "it"),
        ("Television", "entertainment"), ("Tennis", "sports"), ("Travel", "general"), ("TV", "entertainment"),
        ("UFC", "sports"), ("U.S.", "general"), ("Weather", "general"), ("World", "general"),
        ("가요", "entertainment"), ("가전", "it"), ("개발", "it"), ("개발자", "it"), ("건강", "general"), ("게임", "it"),
        ("게임/리뷰", "it"), ("격투기", "sports"), ("경제", "general"), ("골프", "sports"), ("공연", "general"), ("과학", "it"),
        ("과학기술", "it"), ("과학일반", "it"), ("교육", "general"), ("국방", "general"), ("국제", "general"), ("금융", "general"),
        ("날씨", "general"), ("노동", "general"), ("농구", "sports"), ("뉴미디어", "it"), ("드라마", "entertainment"),
        ("디스플레이", "it"), ("디지털", "it"), ("로봇", "it"), ("마라톤", "sports"), ("메타버스", "it"), ("모바일", "it"),
        ("문화", "general"), ("방송", "entertainment"), ("방송/TV", "entertainment"), ("배구", "sports"), ("법원", "general"),
        ("보안", "it"), ("보안/해킹", "it"), ("부동산", "general"), ("북한", "general"), ("블록체인", "it"), ("빅데이터", "it"),
        ("사설", "general"), ("사회", "general"), ("산업", "general"), ("산업/재계", "general"), ("생활", "general"),
        ("생활/문화", "general"), ("세계", "general"), ("소프트웨어", "it"), ("스마트폰", "it"), ("스타", "entertainment"),
        ("스포츠", "sports"), ("스포츠일반", "sports"), ("아이돌", "entertainment"), ("야구", "sports"), ("여행", "general"),
        ("연예", "entertainment"), ("연예가화제", "entertainment"), ("연예일반", "entertainment"), ("영화", "entertainment"),
        ("예능", "entertainment"), ("오피니언", "general"), ("올림픽", "sports"), ("외교", "general"), ("우주", "it"),
        ("육상", "sports"), ("음악", "entertainment"), ("이스포츠", "sports"), ("인공지능", "it"), ("인터넷", "it"),
        ("인터넷/SNS", "it"), ("전국", "general"), ("전시", "general"), ("전자", "it"), ("정보통신", "it"), ("정치", "general"),
        ("증권", "general"), ("지역", "general"), ("축구", "sports"), ("칼럼", "general"), ("컴퓨터", "it"), ("클라우드", "it"),
        ("테니스", "sports"), ("테크", "it"), ("통신", "it"), ("통신/뉴미디어", "it"), ("프로그래밍", "it"), ("프로야구", "sports"),
        ("하드웨어", "it"), ("해외야구", "sports"), ("해외연예", "entertainment"), ("해외축구", "sports"), ("해킹", "it"),
        ("환경", "general"),
    ].map { SectionRule(hint: $0.0, section: $0.1) }

    /// Words that are no section name but, as a page tag or keyword (`article:tag`, WordPress `tag-…`, `rel="tag"`),
    /// point to one: programming languages and platforms, devices, leagues. Sorted by key.
    static let tagTable: [(term: String, section: String)] = [
        ("5G", "it"), ("Android", "it"), ("ChatGPT", "it"), ("Docker", "it"), ("EPL", "sports"), ("GitHub", "it"),
        ("Golang", "it"), ("GPU", "it"), ("iOS", "it"), ("iPhone", "it"), ("JavaScript", "it"), ("KBO리그", "sports"),
        ("Kotlin", "it"), ("Kubernetes", "it"), ("K리그1", "sports"), ("LCK", "sports"), ("Linux", "it"),
        ("LLM", "it"), ("Python", "it"), ("Rust", "it"), ("TypeScript", "it"), ("V리그", "sports"),
        ("WebAssembly", "it"), ("갤럭시", "it"), ("리눅스", "it"), ("빌보드", "entertainment"), ("아이돌그룹", "entertainment"),
        ("아이폰", "it"), ("오픈소스", "it"), ("챗GPT", "it"), ("컴백", "entertainment"),
    ]

    /// Publishers whose beat is one section (byline agency, `og:article:author` on portals, `og:site_name`).
    /// Matched on the whole name (`hintKey`). Sorted by key.
    static let publisherTable: [(name: String, section: String)] = [
        ("Ars Technica", "it"), ("Billboard", "entertainment"), ("Bleacher Report", "sports"), ("CNET", "it"),
        ("Deadline", "entertainment"), ("Engadget", "it"), ("ESPN", "sports"), ("iMBC연예", "entertainment"),
        ("IT동아", "it"), ("IT조선", "it"), ("SBS연예뉴스", "entertainment"), ("Sky Sports", "sports"), ("TechCrunch", "it"),
        ("The Athletic", "sports"), ("The Hollywood Reporter", "entertainment"), ("The Verge", "it"),
        ("TV리포트", "entertainment"), ("Variety", "entertainment"), ("Wired", "it"), ("ZDNet Korea", "it"),
        ("게임동아", "it"), ("게임메카", "it"), ("디스이즈게임", "it"), ("디스패치", "entertainment"), ("디지털데일리", "it"),
        ("디지털타임스", "it"), ("바이라인네트워크", "it"), ("베스트일레븐", "sports"), ("보안뉴스", "it"), ("블로터", "it"), ("아이티동아", "it"),
        ("인벤", "it"), ("인터풋볼", "sports"), ("전자신문", "it"), ("점프볼", "sports"), ("지디넷코리아", "it"), ("테크M", "it"),
        ("텐아시아", "entertainment"), ("톱스타뉴스", "entertainment"), ("풋볼리스트", "sports"),
    ]
}
