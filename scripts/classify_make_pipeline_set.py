#!/usr/bin/env python3
"""Builds the pipeline evaluation set for `newsdesk classify eval --pipeline` from our own articles.

Input: fixtures/classify/pipeline/articles-ko.txt and articles-en.txt, articles written for NewsDesk (invented events,
people and most outlets), one block per article:
    ## SECTION LANG
    Title
    paragraph
    paragraph
The section is where a Korean portal files the article (tech industry, games and telecoms under it; politics, economy,
society, world, culture and weather under general; broadcasting, music, film and celebrities under entertainment).

Output: fixtures/classify/pipeline/pages/NNN-STYLE.html and index.csv (file, url, section, lang, style). Each article is
laid out in one of several site styles, chosen by its position so that every section gets every style, with the
signals such sites really carry, and no more:
  naver-sid      Naver article page: `sid` in the URL (sports and entertainment on their own hosts), category markup
  naver          Naver article page without `sid` (as feeds often link it); category markup, publisher name
  daum           Daum article page: no category; the publisher in og:article:author and a link to the original article
  kr-daily       a Korean daily's CMS with article:section and a breadcrumb
  kr-daily-bare  the same CMS with neither (articleView.html?idxno=N): only the text tells
  kr-plain       a small local news site, no section markup at all: only the text tells
  wp-ko          a Korean WordPress blog: category and tag links and post classes (categories as bloggers name them)
  en-news        an English news site: article:section and a section path
  en-jsonld      an English news site: JSON-LD articleSection only, neutral URL
  en-plain       an English site with no section markup: only the text (the vocabulary) tells
Run from the repository root: python3 scripts/classify_make_pipeline_set.py
"""
import csv
import html
import os
import re

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
DIR = os.path.join(ROOT, "fixtures", "classify", "pipeline")


def read_articles(path):
    text = open(path, encoding="utf-8").read()
    out = []
    for block in re.split(r"^## ", text, flags=re.M)[1:]:
        lines = [l.strip() for l in block.strip().split("\n") if l.strip()]
        section, lang = lines[0].split()
        out.append({"section": section, "lang": lang, "title": lines[1], "paras": lines[2:]})
    return out


KO_STYLES = ["naver-sid", "naver", "daum", "kr-daily", "kr-daily-bare", "kr-plain", "wp-ko"]
EN_STYLES = ["en-news", "en-jsonld", "en-plain"]

NAVER_CATEGORY = {"it": ["IT/과학"], "general": ["정치", "경제", "사회", "생활/문화", "세계"]}
NAVER_SID = {"IT/과학": 105, "정치": 100, "경제": 101, "사회": 102, "생활/문화": 103, "세계": 104}
NAVER_SPORTS_PATH = ["kbaseball", "kfootball", "basketball", "volleyball", "golf", "general"]
KR_SECTION = {
    "it": ["IT/과학", "전자", "게임", "통신", "테크"],
    "sports": ["스포츠", "야구", "축구", "스포츠일반"],
    "entertainment": ["연예", "방송", "가요", "영화"],
    "general": ["정치", "경제", "사회", "국제", "문화"],
}
# Categories as bloggers name them: some are section words, some are not ("리뷰", "일상").
WP_CATEGORY = {
    "it": ["개발", "리뷰", "IT"],
    "sports": ["스포츠", "직관 일기", "야구"],
    "entertainment": ["드라마", "덕질 일기", "영화"],
    "general": ["시사", "일상", "생각"],
}
WP_TAGS = {
    "it": [["AI", "스마트폰"], ["반도체"], ["리눅스", "오픈소스"]],
    "sports": [["KBO"], ["축구"], ["올림픽", "수영"]],
    "entertainment": [["드라마"], ["아이돌", "컴백"], ["영화"]],
    "general": [["정치"], ["부동산"], ["날씨"]],
}
GENERAL_DAILIES = ["한빛일보", "새날신문", "동녘경제", "누리뉴스", "바른타임스"]
BEAT_OUTLETS = {"it": ("전자신문", "www.etnews.com"), "entertainment": ("텐아시아", "tenasia.co.kr")}
EN_SECTION = {"it": ["Technology", "Tech", "Science & Technology"], "sports": ["Sport", "Football", "Sports"],
              "entertainment": ["Entertainment", "Film", "Music", "TV"], "general": ["World", "Politics", "Business", "U.S."]}
EN_PATH = {"it": "technology", "sports": "sport", "entertainment": "entertainment", "general": "world"}

REPORTERS_KO = ["김하늘", "이도현", "박서진", "최유나", "정민호", "한지우", "오세린"]
REPORTERS_EN = ["Maya Collins", "Daniel Ortiz", "Priya Shah", "Tom Becker", "Lena Novak"]


def esc(s):
    return html.escape(s, quote=True)


def body(paras):
    return "\n".join(f"<p>{esc(p)}</p>" for p in paras)


def page_naver(a, n, with_sid):
    oid, aid = f"{(n * 7) % 900 + 1:03d}", f"{2000000000 + n:010d}"
    sec = a["section"]
    publisher = GENERAL_DAILIES[n % len(GENERAL_DAILIES)]
    cat = None
    if sec == "sports":
        url = f"https://m.sports.naver.com/{NAVER_SPORTS_PATH[n % len(NAVER_SPORTS_PATH)]}/article/{oid}/{aid}"
    elif sec == "entertainment":
        url = f"https://m.entertain.naver.com/article/{oid}/{aid}"
    else:
        choices = NAVER_CATEGORY[sec]
        cat = choices[n % len(choices)]
        url = f"https://n.news.naver.com/mnews/article/{oid}/{aid}" + (f"?sid={NAVER_SID[cat]}" if with_sid else "")
    reporter = REPORTERS_KO[n % len(REPORTERS_KO)]
    categorize = (f'<div class="media_end_categorize"><a href="https://news.naver.com/section/{NAVER_SID[cat]}" '
                  f'class="media_end_categorize_item">{esc(cat)}</a></div>') if cat else ""
    doc = f"""<!doctype html>
<html lang="ko"><head><meta charset="utf-8">
<title>{esc(a['title'])} : 네이버 뉴스</title>
<meta property="og:type" content="article">
<meta property="og:title" content="{esc(a['title'])}">
<meta property="og:url" content="{url}">
<meta property="og:description" content="{esc(a['paras'][0][:80])}">
<meta property="og:article:author" content="{publisher} | 네이버">
<meta name="twitter:card" content="summary_large_image">
<link rel="stylesheet" href="https://ssl.pstatic.net/static.news/css/article.css">
</head><body>
<div id="ct_wrap"><header class="Ngnb"><a href="https://news.naver.com" class="Ngnb_logo">NAVER 뉴스</a>
<ul class="Nlnb_menu"><li><a href="/section/100">정치</a></li><li><a href="/section/101">경제</a></li><li><a href="/section/102">사회</a></li><li><a href="/section/103">생활/문화</a></li><li><a href="/section/105">IT/과학</a></li><li><a href="/section/104">세계</a></li></ul></header>
<div id="ct" class="newsct"><div class="media_end_head go_trans">
<div class="media_end_head_top"><a href="#" class="media_end_head_top_logo"><img alt="{publisher}" src="https://mimgnews.pstatic.net/logo.png"></a></div>
<div class="media_end_head_title"><h2 id="title_area" class="media_end_head_headline"><span>{esc(a['title'])}</span></h2></div>
<div class="media_end_head_info"><span class="media_end_head_info_datestamp_time _ARTICLE_DATE_TIME" data-date-time="2026-03-19 09:{n % 60:02d}:00">2026.03.19. 오전 9:{n % 60:02d}</span>
<em class="media_end_head_journalist_name">{reporter} 기자</em></div></div>
<div id="contents" class="newsct_body"><div id="newsct_article" class="newsct_article _article_body">
<article id="dic_area" class="go_trans _article_content">
{"<br><br>".join(esc(p) for p in a['paras'])}<br><br>{reporter} 기자
</article></div>
<p class="source"><em>Copyright ⓒ {publisher}. All rights reserved. 무단 전재 및 재배포 금지.</em></p>
{categorize}
</div></div>
<div class="media_end_linked_more"><h4>{publisher} 주요뉴스</h4><ul><li><a href="/a/1">주요 뉴스 제목 하나</a></li><li><a href="/a/2">주요 뉴스 제목 둘</a></li></ul></div>
</div></body></html>
"""
    return url, doc


def page_daum(a, n):
    sec = a["section"]
    url = f"https://v.daum.net/v/2026031909{n:05d}"
    if sec in BEAT_OUTLETS and n % 2 == 0:
        publisher, host = BEAT_OUTLETS[sec]
    else:
        publisher = GENERAL_DAILIES[n % len(GENERAL_DAILIES)]
        host = f"www.{['hanbit', 'saenal', 'dongnyeok', 'nuri', 'bareun'][n % 5]}news.example.kr"
    original = f"https://{host}/news/articleView.html?idxno={30000 + n}"
    reporter = REPORTERS_KO[n % len(REPORTERS_KO)]
    doc = f"""<!DOCTYPE html>
<html lang="ko"><head><meta charset="utf-8">
<title>{esc(a['title'])} | Daum 뉴스</title>
<meta property="og:type" content="article">
<meta property="og:title" content="{esc(a['title'])}">
<meta property="og:url" content="{url}">
<meta property="og:site_name" content="Daum 뉴스">
<meta property="og:article:author" content="{publisher}">
<meta property="og:regDate" content="20260319090000">
<link rel="canonical" href="{url}">
</head><body>
<div id="kakaoWrap" class="container-doc"><header id="kakaoHead" class="doc-header"><h1 class="doc-title"><a href="https://news.daum.net/">다음뉴스</a></h1>
<nav id="kakaoGnb"><ul><li><a href="/politics">정치</a></li><li><a href="/economic">경제</a></li><li><a href="/society">사회</a></li><li><a href="/digital">IT</a></li><li><a href="/entertain">연예</a></li><li><a href="/sports">스포츠</a></li></ul></nav></header>
<main class="doc-main"><section id="kakaoContent" class="main-content">
<div class="head_view"><h3 class="tit_view" data-translation="true">{esc(a['title'])}</h3>
<div class="info_view"><span class="txt_info">{reporter} 기자</span><span class="txt_info">입력 <span class="num_date">2026. 3. 19. 09:{n % 60:02d}</span></span></div>
<div class="util_view"><a href="{original}" class="link_originalArticle btn_util" target="_blank">기사원문</a></div></div>
<div class="news_view fs_type1"><div class="article_view" data-translation-body="true"><section dmcf-sid="{n}">
{"".join(f'<p dmcf-ptype="general">{esc(p)}</p>' for p in a['paras'])}
<p dmcf-ptype="general">{reporter} 기자</p>
</section></div>
<div class="foot_view"><div class="copyright_view"><span class="txt_copyright">Copyright © {publisher}. 무단 전재, 재배포 및 AI학습 이용 금지.</span></div></div></div>
<div class="box_recommend"><h3 class="tit_related">관련기사</h3><ul><li><a href="/v/1">다른 기사 제목</a></li></ul></div>
</section></main></div></body></html>
"""
    return url, doc


def page_kr_daily(a, n, with_section):
    sec = a["section"]
    url = f"https://www.hanbitdaily.example.kr/news/articleView.html?idxno={100000 + n}"
    names = KR_SECTION[sec]
    name = names[n % len(names)]
    meta = f'<meta property="article:section" content="{esc(name)}">\n' if with_section else ""
    crumb = (f'<div class="breadcrumb"><a href="/">홈</a> &gt; <a href="/news/articleList.html?sc_section_code=S1N{n % 9}">{esc(name)}</a></div>'
             if with_section else '<div class="breadcrumb"><a href="/">홈</a> &gt; <a href="/news/articleList.html">전체기사</a></div>')
    reporter = REPORTERS_KO[n % len(REPORTERS_KO)]
    doc = f"""<!DOCTYPE html>
<html lang="ko"><head><meta charset="utf-8">
<title>{esc(a['title'])} - 한빛데일리</title>
<meta property="og:type" content="article">
<meta property="og:title" content="{esc(a['title'])}">
<meta property="og:site_name" content="한빛데일리">
<meta property="og:url" content="{url}">
{meta}<meta property="article:published_time" content="2026-03-19T10:{n % 60:02d}:00+09:00">
<link rel="canonical" href="{url}">
</head><body>
<div id="user-wrap"><header class="header"><a href="/" class="logo">한빛데일리</a>
<nav class="nav"><a href="/news/articleList.html?sc_section_code=S1N1">정치</a> <a href="/news/articleList.html?sc_section_code=S1N2">경제</a> <a href="/news/articleList.html?sc_section_code=S1N3">사회</a> <a href="/news/articleList.html?sc_section_code=S1N4">IT</a> <a href="/news/articleList.html?sc_section_code=S1N5">스포츠</a> <a href="/news/articleList.html?sc_section_code=S1N6">연예</a></nav></header>
{crumb}
<section class="article-view-header"><h3 class="heading">{esc(a['title'])}</h3>
<ul class="infomation"><li><i class="icon-user"></i> {reporter} 기자</li><li><i class="icon-clock"></i> 입력 2026.03.19 10:{n % 60:02d}</li></ul></section>
<article id="article-view-content-div" class="article-veiw-body view-page font-size17" itemprop="articleBody">
{body(a['paras'])}
<p>{reporter} 기자 reporter{n}@hanbitdaily.example.kr</p>
</article>
<div class="copyright">저작권자 © 한빛데일리 무단전재 및 재배포 금지</div>
<aside class="side"><h4>많이 본 뉴스</h4><ol><li><a href="/a/1">주간 인기 기사 하나</a></li><li><a href="/a/2">주간 인기 기사 둘</a></li></ol></aside>
</div></body></html>
"""
    return url, doc


def page_kr_plain(a, n):
    url = f"https://www.gyeongnamilbo.example.kr/news/view.php?no={5000 + n}"
    reporter = REPORTERS_KO[n % len(REPORTERS_KO)]
    doc = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{esc(a['title'])}</title></head>
<body><table width="100%"><tr><td class="top"><a href="/"><img src="/img/logo.gif" alt="경남일보"></a></td></tr></table>
<div id="wrap"><div id="left_menu"><a href="/news/list.php">최신기사</a> | <a href="/news/list.php?p=2">지역</a> | <a href="/board/">독자 게시판</a></div>
<div id="news_view"><h1 class="news_title">{esc(a['title'])}</h1>
<div class="news_date">등록일 2026-03-19 11:{n % 60:02d} | {reporter} 기자</div>
<div id="articleBody" class="news_text">
{body(a['paras'])}
</div>
<div class="news_copy">ⓒ 경남일보 무단전재 및 재배포금지</div></div></div>
<div id="footer">경남일보 | 경상남도 진주시</div></body></html>
"""
    return url, doc


def page_wp_ko(a, n):
    sec = a["section"]
    cats = WP_CATEGORY[sec]
    cat = cats[n % len(cats)]
    tags = WP_TAGS[sec][n % len(WP_TAGS[sec])]
    slug = f"post-{n}"
    url = f"https://blog{n % 4}.example.kr/2026/03/{slug}/"
    classes = f"post-{400 + n} post type-post status-publish format-standard hentry category-{700 + n % 5}" + \
        "".join(f" tag-{700 + i + n % 3}" for i, _ in enumerate(tags))
    doc = f"""<!DOCTYPE html>
<html lang="ko-KR"><head><meta charset="UTF-8">
<title>{esc(a['title'])} &#8211; 블로그 {n % 4}</title>
<link rel="canonical" href="{url}">
<meta property="og:type" content="article">
<meta property="og:title" content="{esc(a['title'])}">
<meta property="og:site_name" content="블로그 {n % 4}">
<meta name="generator" content="WordPress 6.7.2">
</head><body class="post-template-default single single-post postid-{400 + n} single-format-standard">
<div id="page" class="site"><header id="masthead" class="site-header"><p class="site-title"><a href="/" rel="home">블로그 {n % 4}</a></p></header>
<main id="primary" class="site-main">
<article id="post-{400 + n}" class="{classes}">
<header class="entry-header"><h1 class="entry-title">{esc(a['title'])}</h1>
<div class="entry-meta"><time class="entry-date published" datetime="2026-03-18T21:00:00+09:00">2026년 3월 18일</time></div></header>
<div class="entry-content">
{body(a['paras'])}
</div>
<footer class="entry-footer"><span class="cat-links"><a href="/category/c{n % 5}/" rel="category tag">{esc(cat)}</a></span>
<span class="tags-links">{", ".join(f'<a href="/tag/t{i}/" rel="tag">{esc(t)}</a>' for i, t in enumerate(tags))}</span></footer>
</article>
<div id="comments" class="comments-area"><h2>댓글 1개</h2><ol class="comment-list"><li class="comment"><p>잘 읽었습니다.</p></li></ol></div>
</main></div></body></html>
"""
    return url, doc


def page_en(a, n, style):
    sec = a["section"]
    slug = re.sub(r"[^a-z0-9]+", "-", a["title"].lower()).strip("-")[:60]
    names = EN_SECTION[sec]
    name = names[n % len(names)]
    reporter = REPORTERS_EN[n % len(REPORTERS_EN)]
    if style == "en-news":
        url = f"https://www.dailyledger.example.com/{EN_PATH[sec]}/2026/03/19/{slug}"
        meta = f'<meta property="article:section" content="{esc(name)}">\n'
        ld = ""
    elif style == "en-jsonld":
        url = f"https://news.harborview.example.org/2026/03/19/{slug}"
        meta = ""
        ld = ('<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"'
              + a["title"].replace('"', '\\"') + f'","articleSection":"{name}","datePublished":"2026-03-19T08:00:00Z"}}</script>\n')
    else:
        url = f"https://www.townnotes.example.net/p/{1000 + n}"
        meta = ""
        ld = ""
    doc = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{esc(a['title'])} | {'The Daily Ledger' if style == 'en-news' else 'Harborview News' if style == 'en-jsonld' else 'Town Notes'}</title>
<meta property="og:type" content="article">
<meta property="og:title" content="{esc(a['title'])}">
<meta property="og:url" content="{url}">
{meta}{ld}<meta name="author" content="{reporter}">
</head><body>
<header class="site-header"><a class="brand" href="/">Home</a>
<nav><a href="/world">World</a> <a href="/business">Business</a> <a href="/technology">Technology</a> <a href="/sport">Sport</a> <a href="/culture">Culture</a></nav></header>
<main><article class="story">
<h1 class="headline">{esc(a['title'])}</h1>
<p class="byline">By {reporter}</p>
<div class="article-body">
{body(a['paras'])}
</div></article>
<aside class="related"><h2>Most read</h2><ul><li><a href="/a/1">Another story everyone is reading</a></li><li><a href="/a/2">A second popular story</a></li></ul></aside></main>
<footer><p>&copy; 2026 All rights reserved.</p></footer></body></html>
"""
    return url, doc


def main():
    pages = os.path.join(DIR, "pages")
    os.makedirs(pages, exist_ok=True)
    for f in os.listdir(pages):
        if f.endswith(".html"):
            os.remove(os.path.join(pages, f))
    rows = []
    n = 0
    for lang, styles in (("ko", KO_STYLES), ("en", EN_STYLES)):
        articles = read_articles(os.path.join(DIR, f"articles-{lang}.txt"))
        position = {}
        for a in articles:
            i = position.get(a["section"], 0)
            position[a["section"]] = i + 1
            style = styles[i % len(styles)]
            n += 1
            if style == "naver-sid":
                url, doc = page_naver(a, n, True)
            elif style == "naver":
                url, doc = page_naver(a, n, False)
            elif style == "daum":
                url, doc = page_daum(a, n)
            elif style == "kr-daily":
                url, doc = page_kr_daily(a, n, True)
            elif style == "kr-daily-bare":
                url, doc = page_kr_daily(a, n, False)
            elif style == "kr-plain":
                url, doc = page_kr_plain(a, n)
            elif style == "wp-ko":
                url, doc = page_wp_ko(a, n)
            else:
                url, doc = page_en(a, n, style)
            name = f"{n:03d}-{style}.html"
            with open(os.path.join(pages, name), "w", encoding="utf-8") as f:
                f.write(doc)
            rows.append({"file": "pages/" + name, "url": url, "section": a["section"], "lang": lang, "style": style})
    with open(os.path.join(DIR, "index.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["file", "url", "section", "lang", "style"])
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {len(rows)} pages to {pages}")


if __name__ == "__main__":
    main()
