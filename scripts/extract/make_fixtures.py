#!/usr/bin/env python3
"""Writes the extraction dev set: fixtures/extract/<name>.html + <name>.gold.txt + <name>.meta.json.

Each template mirrors the markup of one kind of real page (portal article views, agency and IT-news sites, a sports and
an entertainment site, a Korean CMS, an EUC-KR table layout, WordPress, BBC/Verge/AP-style English pages) with its
full chrome: head metadata, scripts, navigation, share bars, related lists, comments, ads and footers. The article
texts come from corpus.py (written for NewsDesk). The gold text is the article body: paragraphs and figure captions,
without title, byline, dateline, copyright, tip or credit lines.

Run: python3 scripts/extract/make_fixtures.py   (rewrites fixtures/extract/)
"""
import html, json, os, sys
sys.path.insert(0, os.path.dirname(__file__))
from corpus import KO, EN

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "fixtures", "extract")
e = html.escape
KO_TITLES = [a["title"] for a in KO.values()]
EN_TITLES = [a["title"] for a in EN.values()]

def filler_script(n=160):
    slots = ",".join('{"slot":"ad_%d","size":[300,250],"targeting":{"section":"news","pos":"%d"}}' % (i, i) for i in range(n))
    return ('<script>window.__CONFIG__={"ads":[%s],"tracking":{"enabled":true,"endpoint":"/collect"}};'
            'function loadAds(){for(var i=0;i<__CONFIG__.ads.length;i++){var d=document.createElement("div");d.id=__CONFIG__.ads[i].slot;}}'
            'if(document.querySelector("div.article")){loadAds();}</script>' % slots)

def gnb(ko=True, n=24):
    words = (["뉴스", "정치", "경제", "사회", "생활/문화", "세계", "IT/과학", "오피니언", "연예", "스포츠", "랭킹", "포토", "영상",
              "기획", "지역", "날씨", "TV", "라디오", "구독", "검색", "로그인", "고객센터", "전체메뉴", "이슈"] if ko else
             ["Home", "News", "World", "Business", "Tech", "Science", "Health", "Culture", "Sport", "Travel", "Earth", "Video",
              "Live", "Weather", "Newsletters", "Podcasts", "Opinion", "Climate", "Politics", "Local", "Markets", "Sign in", "Search", "Menu"])
    return "".join('<li class="gnb_item"><a href="/section/%d" class="link_gnb">%s</a></li>' % (i, w) for i, w in enumerate(words[:n]))

def related(titles, cls="related_list", ko=True):
    items = "".join('<li><a href="/v/2026031%d0%d"><strong class="tit">%s</strong><span class="info">%s</span></a></li>'
                    % (i % 10, i, e(t), "3시간 전" if ko else "3 hours ago") for i, t in enumerate(titles[:8]))
    return '<div class="%s"><h3 class="tit_related">%s</h3><ul>%s</ul></div>' % (cls, "관련기사" if ko else "Related", items)

def comments(ko=True):
    texts = (["좋은 기사 잘 읽었습니다. 앞으로도 이런 소식을 자주 전해 주세요.", "현장에서 일하는 사람들 이야기도 더 들어 봤으면 합니다.",
              "숫자만 보면 좋아 보이는데 실제로 체감하기는 어렵네요, 다음 기사도 기대합니다."] if ko else
             ["Great piece, thanks for covering this properly.", "I would like to know how this compares with last year, the numbers seem high.",
              "Finally some good news for people who work nights in this city."])
    lis = "".join('<li class="cmt_item"><span class="cmt_nick">%s</span><p class="cmt_text">%s</p><span class="cmt_date">1시간 전</span>'
                  '<button class="btn_like">공감 %d</button></li>' % ("독자%d" % i if ko else "reader%d" % i, t, 10 + i) for i, t in enumerate(texts))
    return '<div id="comments" class="comment_area"><h3>%s</h3><ul class="list_comment">%s</ul></div>' % ("댓글 3" if ko else "Comments (3)", lis)

def share(ko=True):
    labels = ["카카오톡", "페이스북", "X", "링크복사", "스크랩", "인쇄", "글자 크기"] if ko else ["Facebook", "X", "Email", "Copy link", "Print"]
    return '<div class="share_area util_sns">%s</div>' % "".join('<button type="button" class="btn_share">%s</button>' % l for l in labels)

def ad(i):
    return '<div class="ad_area" id="div-gpt-ad-%d"><script>googletag.cmd.push(function(){googletag.display("div-gpt-ad-%d");});</script><a href="https://ad.example.net/click?id=%d"><img src="https://ad.example.net/banner%d.jpg" alt="광고"></a></div>' % (i, i, i, i)

def head(title, desc, url, image, site, published, modified=None, section=None, keywords=None, author=None, jsonld=None,
         charset="utf-8", lang="ko", title_tag=None, extra=""):
    m = ['<meta charset="%s">' % charset if charset.lower() == "utf-8" else '<meta http-equiv="Content-Type" content="text/html; charset=%s">' % charset,
         '<meta name="viewport" content="width=device-width,initial-scale=1">',
         '<title>%s</title>' % e(title_tag or title),
         '<meta property="og:type" content="article">', '<meta property="og:title" content="%s">' % e(title),
         '<meta property="og:description" content="%s">' % e(desc), '<meta property="og:url" content="%s">' % e(url),
         '<meta property="og:image" content="%s">' % e(image), '<meta property="og:site_name" content="%s">' % e(site),
         '<meta name="description" content="%s">' % e(desc), '<link rel="canonical" href="%s">' % e(url),
         '<link rel="stylesheet" href="/css/article.css">']
    if published: m.append('<meta property="article:published_time" content="%s">' % published)
    if modified: m.append('<meta property="article:modified_time" content="%s">' % modified)
    if section: m.append('<meta property="article:section" content="%s">' % e(section))
    if keywords: m.append('<meta name="news_keywords" content="%s">' % e(",".join(keywords)))
    if author: m.append('<meta name="author" content="%s">' % e(author))
    if jsonld: m.append('<script type="application/ld+json">%s</script>' % json.dumps(jsonld, ensure_ascii=False))
    m.append(extra)
    m.append("<style>" + "".join(".c%d{margin:%dpx 0;padding:0 %dpx;font-size:%dpx;color:#%06x}" % (i, i % 9, i % 7, 12 + i % 6, i * 4099 % 0xFFFFFF) for i in range(300)) + "</style>")
    m.append(filler_script())
    return '<!DOCTYPE html>\n<html lang="%s">\n<head>\n%s\n</head>\n' % (lang, "\n".join(m))

def ps(paras, attrs=""):
    return "\n".join("<p%s>%s</p>" % (attrs, e(p)) for p in paras)

PAGES = []
def page(name, url, doc, gold, meta, charset="utf-8"):
    PAGES.append((name, url, doc, gold, meta, charset))

# ---------------------------------------------------------------- Daum (v.daum.net): div.article_view > section, dmcf-ptype paragraphs
def daum(name, key, agency, reporter, email, date, media_id, photo=False, tip=False):
    a = KO[key]
    url = "https://v.daum.net/v/2026031909%s" % media_id
    img = "https://img1.daumcdn.net/thumb/R658x0.q70/?fname=https://t1.daumcdn.net/news/202603/19/%s/20260319092700.jpg" % agency
    caps = a.get("captions", [])
    fig = ""
    if caps or photo:
        fig = ('<figure class="figure_frm origin_fig" dmcf-ptype="figure"><p class="link_figure"><img class="thumb_g_article" '
               'src="%s" alt="%s" dmcf-mtype="image"></p><figcaption class="txt_caption default_figure">%s</figcaption></figure>'
               % (img, e(a["title"]), e((caps or [a["title"]])[0])))
    body_ps = "".join('<p dmcf-pid="p%d" dmcf-ptype="general">%s</p>' % (i, e(p)) for i, p in enumerate(a["paras"]))
    sig = '<p dmcf-pid="s1" dmcf-ptype="general">%s 기자 %s</p>' % (reporter, email)
    tipline = '<p dmcf-pid="t1" dmcf-ptype="general">▶ 제보는 카카오톡 okjebo &lt;저작권자(c) %s, 무단 전재-재배포, AI 학습 및 활용 금지&gt;</p>' % agency if tip else \
        '<p dmcf-pid="c1" dmcf-ptype="general">&lt;ⓒ%s, 무단전재 및 재배포 금지&gt;</p>' % agency
    doc = head(a["title"], a["paras"][0], url, img, "Daum 뉴스", None, title_tag=a["title"] + " | Daum 뉴스",
               extra='<meta property="og:article:author" content="%s">' % agency) + f'''<body>
<div id="kakaoIndex"><a href="#kakaoBody">본문 바로가기</a><a href="#kakaoGnb">메뉴 바로가기</a></div>
<div id="kakaoWrap" class="container-doc">
<header id="kakaoHead" class="doc-header"><h1 class="doc-title"><a href="https://news.daum.net/" class="link_daum">다음뉴스</a></h1>
<nav id="kakaoGnb" class="gnb_comm"><ul>{gnb()}</ul></nav></header>
<main class="doc-main"><section id="kakaoContent" class="main-content">
<div class="head_view"><h3 class="tit_view" data-translation="true">{e(a["title"])}</h3>
<div class="info_view"><span class="txt_info">{reporter} 기자</span><span class="txt_info">입력 <span class="num_date">{date}</span></span>
<button class="btn_view btn_comment">댓글 <span class="num_cmt">3</span></button></div>
<div class="util_view">{share()}<a href="https://www.{agency}.example.kr/news/{media_id}" class="link_originalArticle btn_util" target="_blank">기사원문</a></div></div>
<div class="news_view fs_type1"><div class="article_view" data-translation-body="true" data-tiara-layer="article_body">
<section dmcf-sid="{media_id}">
{fig}
{body_ps}
{sig}
{tipline}
</section></div>
{ad(1)}
<div class="foot_view"><div class="copyright_view"><span class="txt_copyright">Copyright © {agency}. All rights reserved. 무단 전재, 재배포 및 AI학습 이용 금지.</span></div></div>
</div>
{related(KO_TITLES, "box_recommend related_news")}
{comments()}
</section></main>
<footer id="kakaoFoot" class="doc-footer"><a href="https://www.kakaocorp.com">카카오</a> <a href="/policy">서비스 약관</a> <small>© Kakao Corp.</small></footer>
</div></body></html>'''
    gold = (caps[:1] if (caps or photo) else []) + a["paras"]
    if photo and not caps:
        gold = [a["title"]] + a["paras"]
    meta = dict(url=url, title=a["title"], reporters=[reporter], emails=[email], lang="ko",
                published=date_iso(date), original_url="https://www.%s.example.kr/news/%s" % (agency, media_id))
    page(name, url, doc, gold, meta)

def date_iso(d):
    # "2026. 3. 19. 09:27" → 2026-03-19T09:27:00+09:00
    import re
    m = re.match(r"(\d{4})\D+(\d{1,2})\D+(\d{1,2})\D+(\d{1,2}):(\d{2})", d)
    return "%s-%02d-%02dT%02d:%s:00+09:00" % (m.group(1), int(m.group(2)), int(m.group(3)), int(m.group(4)), m.group(5))

daum("daum-chip", "chip", "newsone", "정하늘", "sky@newsone.example.kr", "2026. 3. 19. 09:27", "30123")
daum("daum-drama", "drama", "starnews", "문보라", "bora@starnews.example.kr", "2026. 3. 18. 17:05", "40311", tip=True)
daum("daum-photo", "photo", "photonews", "한빛나", "bitna@photonews.example.kr", "2026. 4. 2. 14:40", "50888", photo=True)

# ---------------------------------------------------------------- Naver news (n.news.naver.com): article#dic_area, <br>-separated text
def naver(name, key, office, oid, aid, sid, reporter, email, date, agency_line=None, photo=True):
    a = KO[key]
    url = "https://n.news.naver.com/mnews/article/%s/%s?sid=%s" % (oid, aid, sid)
    img = "https://imgnews.pstatic.net/image/%s/2026/03/19/0000%s_001_20260319092701.jpg" % (oid, aid[-4:])
    caps = a.get("captions", [])
    first = a["paras"][0]
    lead = (agency_line + " " + first) if agency_line else first
    parts = []
    if photo:
        parts.append('<span class="end_photo_org"><div class="nbd_im_w _LAZY_LOADING_WRAP"><div class="nbd_a _LAZY_LOADING_ERROR_HIDE" id="img_a1">'
                     '<img id="img1" data-src="%s" class="_LAZY_LOADING _LAZY_LOADING_INIT_HIDE" width="500"></div></div>'
                     '<em class="img_desc">%s</em></span>' % (img, e(caps[0] if caps else first[:30] + " 모습")))
    parts.append('<strong class="media_end_summary">%s</strong>' % e(a["paras"][1])) if len(a["paras"]) > 4 else None
    body = e(lead) + "<br><br>" + "<br><br>".join(e(p) for p in a["paras"][1:])
    body += "<br><br>%s 기자 %s<br><br>▶ 네이버에서 %s 구독하기 ▶ 제보는 카카오톡 okjebo" % (reporter, email, office)
    doc = head(a["title"], first, url.split("?")[0], img, office, None, title_tag=a["title"] + " : 네이버 뉴스",
               extra='<meta property="og:article:author" content="%s | 네이버">' % office +
                     '<meta name="twitter:creator" content="@%s">' % office) + f'''<body>
<div id="u_skip"><a href="#ct">본문 바로가기</a></div>
<div id="wrap"><header class="Nlnb_header"><nav class="Nlnb_menu"><ul class="Nlnb_menu_list">{gnb()}</ul></nav></header>
<div class="end_container"><div id="contents" class="newsct_wrapper _GRID_TEMPLATE_COLUMN _STICKY_CONTENT">
<div id="ct" class="newsct" role="main">
<div class="media_end_head go_trans">
<div class="media_end_head_top"><a href="https://media.naver.com/press/{oid}" class="media_end_head_top_logo"><img alt="{office}" src="https://mimgnews.pstatic.net/image/upload/office_logo/{oid}/logo.png"></a></div>
<div class="media_end_head_title"><h2 id="title_area" class="media_end_head_headline"><span>{e(a["title"])}</span></h2></div>
<div class="media_end_head_info nv_notrans"><div class="media_end_head_journalist"><a href="#" class="media_end_head_journalist_box"><em class="media_end_head_journalist_name">{reporter} 기자</em></a></div>
<div class="media_end_head_info_datestamp"><div class="media_end_head_info_datestamp_bunch"><span class="media_end_head_info_datestamp_term">입력</span><span class="media_end_head_info_datestamp_time _ARTICLE_DATE_TIME" data-date-time="{date}">{date}</span></div>
<div class="media_end_head_info_datestamp_bunch"><span class="media_end_head_info_datestamp_term">수정</span><span class="media_end_head_info_datestamp_time _ARTICLE_MODIFY_DATE_TIME" data-modify-date-time="{date}">{date}</span></div>
<a href="https://www.{office}.example.kr/article/{aid}" class="media_end_head_origin_link" target="_blank">기사원문</a></div></div>
<div class="media_end_head_autosummary"><button class="media_end_head_autosummary_button">요약봇</button></div>
<div class="media_end_head_go_trans">{share()}</div></div>
<div id="newsct_article" class="newsct_article _article_body">
<article id="dic_area" class="go_trans _article_content">
{"".join(p for p in parts if p)}
{body}
</article></div>
<div class="byline"><p><span class="byline_s">{reporter} 기자({email})</span></p></div>
<div class="copyright"><p class="c_text">Copyright ⓒ {office}. All rights reserved. 무단 전재 및 재배포, AI 학습 이용 금지.</p></div>
<div class="categorize"><a class="media_end_categorize_item" href="/section/{sid}">IT</a></div>
{related(KO_TITLES[3:], "media_end_linked_more _PERSIST_CONTENT")}
{comments()}
</div>
<aside class="newsct_aside"><div class="ranking_list">{related(KO_TITLES, "press_ranking_box")}</div>{ad(2)}</aside>
</div></div>
<footer class="Nftr"><div class="Nftr_service"><a href="https://www.navercorp.com">NAVER Corp.</a></div></footer></div>
</body></html>'''
    gold = (([caps[0]] if caps else [first[:30] + " 모습"]) if photo else []) + \
        ([a["paras"][1]] if len(a["paras"]) > 4 else []) + a["paras"]
    meta = dict(url=url, title=a["title"], reporters=[reporter], emails=[email], lang="ko", published=date.replace(" ", "T") + "+09:00",
                original_url="https://www.%s.example.kr/article/%s" % (office, aid), section_hint="sid:" + sid)
    if agency_line:
        meta["agency"] = agency_line.split("=")[1].split(")")[0]
    page(name, url, doc, gold, meta)

naver("naver-phone", "phone", "디지털한빛", "031", "0000912345", "105", "조아라", "ara@hanbit.example.kr", "2026-03-19 09:27:01")
naver("naver-econ", "econ", "연합뉴스", "001", "0014567890", "101", "배민준", "minjun@yna.example.kr", "2026-03-20 06:00:03",
      agency_line="(서울=연합뉴스) 배민준 기자 =")
naver("naver-cloud", "cloud", "테크데일리", "092", "0002334455", "105", "오세진", "sejin@techdaily.example.kr", "2026-03-21 11:15:40", photo=False)

# ---------------------------------------------------------------- Naver sports / entertainment (m.sports / m.entertain)
def naver_ent(name, key, host, reporter, email, date, office, agency_bracket):
    a = KO[key]
    url = "https://%s/article/%s/0003%s" % (host, "109" if "entertain" in host else "076", name[-3:].encode().hex()[:6])
    img = "https://imgnews.pstatic.net/image/109/2026/03/19/0005%s.jpg" % name[-2:].encode().hex()
    first = "%s %s" % (agency_bracket, a["paras"][0])
    body = "<br><br>".join([e(first)] + [e(p) for p in a["paras"][1:]])
    ent = "entertain" in host
    content_open = '<div id="articeBody" class="end_body_wrp">' if ent else '<div id="newsEndContents" class="news_end font1 size3">'
    doc = head(a["title"], a["paras"][0], url, img, office, None, title_tag=a["title"] + (" : 네이버 엔터" if ent else " : 네이버 스포츠")) + f'''<body>
<div id="wrap"><div id="header" class="header"><div class="gnb"><ul>{gnb()}</ul></div></div>
<div id="container"><div id="content" class="content"><div class="end_ct">
<div class="end_ct_area">
<h2 class="end_tit {"NewsEndMain_article_title" if not ent else ""}">{e(a["title"])}</h2>
<div class="article_info"><span class="author">기사입력 <em>{date}</em></span><span class="author">최종수정 <em>{date}</em></span>
<a class="btn_original" href="https://www.{office}.example.kr/view/{name}" target="_blank">기사원문</a></div>
{share()}
{content_open}
<span class="end_photo_org"><img src="{img}" alt=""><em class="img_desc">사진={office} 제공</em></span><br>
{body}
<div class="byline"><p class="byline_p"><span>{reporter} 기자 {email}</span></p></div>
<div class="reporter_area"><p class="name">{reporter} 기자</p><a href="#" class="btn_subscribe">구독</a></div>
<p class="source">기사제공 {office}</p>
<div class="copyright">Copyright ⓒ {office}. All rights reserved. 무단 전재 및 재배포 금지.</div>
</div>
<div class="promotion"><a href="/promo">응원하고 선물 받기</a></div>
</div>
{related(KO_TITLES[5:], "news_end_list other_news")}
{comments()}
</div></div></div>
<div id="footer"><address>© NAVER Corp.</address></div></div></body></html>'''
    ag = agency_bracket.strip("[]").split("=")
    meta = dict(url=url, title=a["title"], reporters=[reporter], emails=[email], lang="ko", published=date_iso(date.replace("오전 ", "")),
                agency=ag[0].split()[0])
    page(name, url, doc, a["paras"], meta)

naver_ent("naver-ent-idol", "idol", "m.entertain.naver.com", "박소영", "soyoung@osen.example.kr", "2026.03.19. 오전 9:27", "OSEN", "[OSEN=박소영 기자]")
naver_ent("naver-ent-movie", "movie", "m.entertain.naver.com", "안지호", "jiho@stardaily.example.kr", "2026.03.22. 오전 8:10", "스타데일리", "[스타데일리 안지호 기자]")
naver_ent("naver-sports-volley", "volley", "m.sports.naver.com", "김철수", "cskim@sportschosun.example.kr", "2026.03.19. 오전 9:05", "스포츠조선", "[스포츠조선 김철수 기자]")
naver_ent("naver-sports-soccer", "soccer", "m.sports.naver.com", "류한결", "hangyeol@sportsone.example.kr", "2026.03.23. 오전 7:45", "스포츠원", "(서울=스포츠원) 류한결 기자 =")

# ---------------------------------------------------------------- Yonhap (www.yna.co.kr): article.story-news
def yonhap(name, key, city, reporter, email, date, brief=False):
    a = KO[key]
    aid = "AKR2026031900%s" % name[-3:].encode().hex()[:6]
    url = "https://www.yna.co.kr/view/%s" % aid
    img = "https://img.yna.co.kr/photo/yna/YH/2026/03/19/PYH20260319000100013_P4.jpg"
    first = "(%s=연합뉴스) %s 기자 = %s" % (city, reporter, a["paras"][0])
    fig = "" if brief else ('<div class="comp-box photo-group"><figure class="img-con"><span class="img"><img src="%s" alt="%s"></span>'
                            '<figcaption class="desc-con"><p class="txt-desc">%s<br>[연합뉴스 자료사진]</p></figcaption></figure></div>'
                            % (img, e(a["title"]), e(a["title"] + " 관련 자료 사진")))
    jl = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"], "datePublished": date,
          "dateModified": date, "author": [{"@type": "Person", "name": reporter}], "publisher": {"@type": "Organization", "name": "연합뉴스"},
          "image": {"@type": "ImageObject", "url": img}}
    doc = head(a["title"], a["paras"][0], url, img, "연합뉴스", date, modified=date, section="경제", keywords=["연합뉴스", a["title"].split()[0]],
               jsonld=jl, title_tag=a["title"] + " | 연합뉴스") + f'''<body>
<div id="skipnavi"><a href="#container">본문 바로가기</a></div>
<header class="header-wrap"><div class="header-top"><a href="/" class="logo">연합뉴스</a></div><nav class="gnb-wrap"><ul class="gnb-list">{gnb()}</ul></nav></header>
<div id="container" class="container"><div class="content03">
<div class="title-article01"><div class="breadcrumb"><a href="/">홈</a><a href="/economy">경제</a><a href="/economy/all">경제일반</a></div>
<h1 class="tit01">{e(a["title"])}</h1><p class="update-time" data-published-time="{date}">송고{date[:16].replace("T", " ")}</p>{share()}</div>
<div class="story-news-wrap"><article class="story-news article">
{fig}
<p>{e(first)}</p>
{ps(a["paras"][1:])}
<p>{email}</p>
<p class="txt-copyright adrs">제보는 카카오톡 okjebo&lt;저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지&gt;{date[:16].replace("T", " ")} 송고</p>
<aside class="aside-box01"><div class="tit-sub"><h2>관련 뉴스</h2></div>{related(KO_TITLES, "list-type212")}</aside>
</article>
<div class="writer-zone01"><strong class="tit-name"><a href="/reporter/{reporter}">{reporter}</a> 기자</strong><a class="btn-type417" href="#">구독</a></div>
<div class="keyword-zone"><ul><li><a href="/search?q=경제">#경제</a></li><li><a href="/search?q={e(a["title"].split()[0])}">#{e(a["title"].split()[0])}</a></li></ul></div>
</div>
{ad(3)}
<div class="aside-box02 most-read"><h2 class="tit">많이 본 뉴스</h2>{related(KO_TITLES[2:], "list01")}</div>
{comments()}
</div></div>
<footer class="footer-wrap"><p class="copyright">Copyright (c) Yonhap News Agency. All rights reserved. 무단 전재-재배포, AI 학습 및 활용 금지</p></footer>
</body></html>'''
    gold = ([] if brief else [a["title"] + " 관련 자료 사진", "[연합뉴스 자료사진]"]) + a["paras"]
    meta = dict(url=url, title=a["title"], reporters=[reporter], emails=[email], agency="연합뉴스", lang="ko", published=date,
                attribution_contains="무단 전재")
    page(name, url, doc, gold, meta)

yonhap("yonhap-econ", "econ", "서울", "배민준", "minjun@yna.example.kr", "2026-03-19T06:00:00+09:00")
yonhap("yonhap-weather", "weather", "서울", "유다인", "dain@yna.example.kr", "2026-03-19T16:31:00+09:00")
yonhap("yonhap-brief", "brief", "서울", "남궁현", "hyun@yna.example.kr", "2026-03-19T10:12:00+09:00", brief=True)

# ---------------------------------------------------------------- ZDNet Korea (zdnet.co.kr): #articleBody, (지디넷코리아=기자) dateline
def zdnet(name, key, reporter, email, date):
    a = KO[key]
    nid = "202603190%s" % name[-3:].encode().hex()[:5]
    url = "https://zdnet.co.kr/view/?no=%s" % nid
    img = "https://image.zdnet.co.kr/2026/03/19/%s_01.jpg" % nid
    caps = a.get("captions", [])
    fig = ('<figure class="img_box"><img src="%s" alt=""><figcaption>%s (사진=%s)</figcaption></figure>' % (img, e(caps[0]), "한결전자")) if caps else ""
    first = "(지디넷코리아=%s 기자)%s" % (reporter, a["paras"][0])
    doc = head(a["title"], a["paras"][0], url, img, "지디넷코리아", date, section="컴퓨팅", author=reporter + " 기자",
               title_tag=a["title"] + " - 지디넷코리아") + f'''<body>
<div id="wrap"><div class="header"><div class="logo"><a href="/">ZDNet Korea</a></div><div class="gnb"><ul>{gnb()}</ul></div></div>
<div id="content" class="sub_content"><div class="left_cont">
<div class="news_head"><div class="location navi_path"><a href="/">홈</a> &gt; <a href="/news/?lstcode=0020">컴퓨팅</a></div>
<h1>{e(a["title"])}</h1><p class="meta"><span><a href="/reporter/?name={reporter}">{reporter} 기자</a></span><span>입력 :{date[:16].replace("T", " ")}</span></p>{share()}</div>
<div class="view_cont" id="content_view">
<div id="articleBody" itemprop="articleBody">
{fig}
<p>{e(first)}</p>
{ps(a["paras"][1:])}
</div>
<div class="reporter_list"><div class="reporter_info"><span class="name">{reporter} 기자</span><a href="mailto:{email}">{email}</a></div></div>
<div class="copyright">Copyright © ZDNet Korea. 무단전재 및 재배포 금지. AI 학습 이용 금지.</div>
</div>
{ad(4)}
<div class="news_box relation_news"><h3>관련기사</h3>{related(KO_TITLES[6:], "news_list")}</div>
</div>
<div class="right_cont sidebar"><div class="popular_news">{related(KO_TITLES, "rank_list")}</div></div></div>
<div class="footer"><p>Copyright © 지디넷코리아 All rights reserved.</p></div></div></body></html>'''
    gold = ([caps[0] + " (사진=한결전자)"] if caps else []) + a["paras"]
    page(name, url, doc, gold, dict(url=url, title=a["title"], reporters=[reporter], agency="지디넷코리아", lang="ko", published=date,
                                     emails=[]))

zdnet("zdnet-ai", "ai", "장유미", "sweet@zdnet.example.kr", "2026-03-19T09:27:00+09:00")
zdnet("zdnet-phone", "phone", "이정현", "jh@zdnet.example.kr", "2026-03-20T14:02:00+09:00")
zdnet("zdnet-robot", "robot", "손지훈", "jihoon@zdnet.example.kr", "2026-03-21T08:30:00+09:00")

# ---------------------------------------------------------------- Sports site (스포츠조선 style, generic): div.news_text
def sports(name, key, reporter, email, date):
    a = KO[key]
    url = "https://sports.sportsjoseon.example.kr/news/view/%s" % name[-4:].encode().hex()
    img = "https://sports.sportsjoseon.example.kr/news/photo/2026/03/19/%s.jpg" % name[-4:].encode().hex()
    doc = head(a["title"], a["paras"][0], url, img, "스포츠조선", date, section="야구", title_tag=a["title"] + " - 스포츠조선") + f'''<body>
<div id="wrapper"><div id="top_menu"><ul class="top_nav">{gnb()}</ul></div>
<div class="sub_wrap"><div class="news_view_area">
<div class="news_title_area"><h1 class="news_title">{e(a["title"])}</h1>
<div class="news_date">기사입력 {date[:16].replace("T", " ")} | 최종수정 {date[:16].replace("T", " ")}</div>{share()}</div>
<div class="news_text">
<div class="news_photo"><img src="{img}" alt=""><p class="photo_caption">19일 경기에서 세리머니를 하는 선수들. 사진제공=구단</p></div>
<br>[스포츠조선 {reporter} 기자] {e(a["paras"][0])}<br><br>
{"<br><br>".join(e(p) for p in a["paras"][1:])}<br><br>
{reporter} 기자 {email}<br>
</div>
<div class="news_copyright">저작권자 ⓒ 스포츠조선. 무단전재 및 재배포 금지</div>
<div class="news_relation">{related(KO_TITLES[8:], "relation_list")}</div>
{ad(5)}
<div class="news_reply">{comments()}</div>
</div>
<div class="right_area"><div class="best_news"><h3>많이 본 뉴스</h3>{related(KO_TITLES, "best_list")}</div>{ad(6)}</div></div>
<div id="footer"><p>스포츠조선 | 서울시 중구 예시로 1 | 대표전화 02-000-0000</p><p>Copyright ⓒ 스포츠조선. All rights reserved.</p></div></div>
</body></html>'''
    gold = ["19일 경기에서 세리머니를 하는 선수들. 사진제공=구단"] + a["paras"]
    page(name, url, doc, gold, dict(url=url, title=a["title"], reporters=[reporter], emails=[email], agency="스포츠조선", lang="ko",
                                     published=date))

sports("sports-baseball", "baseball", "김철수", "cs@sportsjoseon.example.kr", "2026-03-19T22:40:00+09:00")
sports("sports-volley", "volley", "장민호", "minho@sportsjoseon.example.kr", "2026-03-19T21:55:00+09:00")

# ---------------------------------------------------------------- Entertainment site (OSEN style, generic): div.view-cont
def ent(name, key, reporter, email, date):
    a = KO[key]
    url = "https://www.osen.example.kr/article/G1112%s" % name[-3:].encode().hex()
    img = "https://file.osen.example.kr/article/2026/03/19/%s.jpg" % name[-3:].encode().hex()
    doc = head(a["title"], a["paras"][0], url, img, "OSEN", date, section="연예", keywords=["연예", "방송"],
               title_tag=a["title"] + " | OSEN") + f'''<body>
<div class="wrap"><header class="header"><nav class="gnb"><ul>{gnb()}</ul></nav></header>
<div class="container"><div class="detail_wrap"><div class="detail-header"><h1 class="view-title">{e(a["title"])}</h1>
<div class="view-info"><span class="writer">[OSEN={reporter} 기자]</span><span class="date">발행 {date[:16].replace("T", " ")}</span></div>{share()}</div>
<div class="view-cont">
<div class="view-photo"><img src="{img}" alt="{e(a["title"])}"></div>
<p>[OSEN={reporter} 기자] {e(a["paras"][0])}</p>
{ps(a["paras"][1:])}
<p>{email}</p>
<p>[사진] 소속사 제공</p>
</div>
<div class="tag_list"><a href="/tag/1">#연예</a><a href="/tag/2">#방송</a></div>
{related(KO_TITLES[1:], "list-more other_news")}
{comments()}
</div><aside class="side-area">{related(KO_TITLES, "ranking-list")}{ad(7)}</aside></div>
<footer class="footer">OSEN | 서울특별시 예시구 | 청소년보호책임자 | Copyright © OSEN. All rights reserved. 무단 전재, 재배포 금지</footer></div>
</body></html>'''
    page(name, url, doc, a["paras"], dict(url=url, title=a["title"], reporters=[reporter], emails=[email], agency="OSEN", lang="ko",
                                          published=date))

ent("ent-drama", "drama", "박소영", "soyoung@osen.example.kr", "2026-03-19T09:27:00+09:00")
ent("ent-idol", "idol", "최유나", "yuna@osen.example.kr", "2026-03-20T18:02:00+09:00")

# ---------------------------------------------------------------- Korean regional CMS (#article-view-content-div), generic
def cms(name, key, reporter, email, date, site):
    a = KO[key]
    url = "https://www.%s.example.kr/news/articleView.html?idxno=%d" % (site, 100000 + len(name) * 37)
    img = "https://cdn.%s.example.kr/news/photo/202603/%d_1.jpg" % (site, 100000 + len(name) * 37)
    doc = head(a["title"], a["paras"][0], url, img, site + "일보", date, section="사회", author=reporter,
               title_tag=a["title"] + " - " + site + "일보") + f'''<body>
<div id="user-wrap"><header id="user-header"><div class="header-logo"><a href="/">{site}일보</a></div><nav class="nav"><ul class="auto-nav">{gnb()}</ul></nav></header>
<div id="user-container"><div class="float-center max-width-1080"><section class="user-snb"><div class="breadcrumbs"><a href="/">홈</a><a href="/news/articleList.html?sc_section_code=S1N4">사회</a></div></section>
<div class="article-head-title">{e(a["title"])}</div>
<div class="info-group"><ul class="infomation"><li><i class="icon-user-o"></i> {reporter} 기자</li><li><i class="icon-clock-o"></i> 입력 {date[:16].replace("T", " ")}</li></ul>{share()}</div>
<div class="grid body"><section class="user-content"><article id="article-view" class="article-veiw-body view-page font-size17">
<div id="article-view-content-div" class="article-view-content-div" itemprop="articleBody">
<p>[{site}일보={reporter} 기자] {e(a["paras"][0])}</p>
{ps(a["paras"][1:])}
<p>{reporter} 기자 {email}</p>
</div>
<div class="view-copyright">저작권자 © {site}일보 무단전재 및 재배포 금지</div>
<div class="view-editors"><div class="profile-images"><img src="/image/reporter.jpg" alt=""></div><div class="profile-info"><strong>{reporter} 기자</strong><p>다른기사 보기</p></div></div>
</article>
{related(KO_TITLES[4:], "article-list-related")}
<div class="comment-wrap"><div id="comment">{comments()}</div></div>
</section><aside class="user-aside">{related(KO_TITLES, "auto-article popular")}{ad(8)}</aside></div></div></div>
<footer id="user-footer"><div class="footer-info">{site}일보 | 등록번호 예시 00000 | 발행인 홍길동 | Copyright © {site}일보. All rights reserved.</div></footer></div>
</body></html>'''
    page(name, url, doc, a["paras"], dict(url=url, title=a["title"], reporters=[reporter], emails=[email], agency=site + "일보", lang="ko",
                                          published=date))

cms("cms-city", "city", "허윤정", "yj@namdo.example.kr", "2026-03-19T11:20:00+09:00", "남도")
cms("cms-edu", "edu", "고민석", "ms@gangbyeon.example.kr", "2026-03-24T15:00:00+09:00", "강변")

# ---------------------------------------------------------------- EUC-KR table layout (old portal style), generic, CP949 bytes
def euckr(name, key, reporter, email, date):
    a = KO[key]
    url = "http://www.oldnews.example.kr/news/read.php?idx=%d" % (2000 + len(name))
    text = "<br>\n<br>\n".join(e(p) for p in a["paras"])
    doc = f'''<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=euc-kr"><title>{e(a["title"])} - 옛날뉴스</title>
<meta name="description" content="{e(a["paras"][0])}"><script language="javascript">function popup(u){{window.open(u,"p","width=400");}}</script>
<style>td{{font-size:12px}}</style></head>
<body leftmargin="0" topmargin="0">
<table width="980" border="0" cellspacing="0" cellpadding="0"><tr><td class="top_menu">{" | ".join('<a href="/list.php?c=%d">%s</a>' % (i, w) for i, w in enumerate(["홈", "정치", "경제", "사회", "문화", "스포츠", "연예", "포토", "오피니언", "지역"]))}</td></tr></table>
<table width="980" border="0" cellspacing="0" cellpadding="0"><tr>
<td width="180" valign="top" class="left_menu"><table><tr><td><b>많이 본 기사</b></td></tr>{"".join('<tr><td><a href="/news/read.php?idx=%d">%s</a></td></tr>' % (i, e(t)) for i, t in enumerate(KO_TITLES[:8]))}</table></td>
<td width="620" valign="top">
<table width="100%"><tr><td class="news_title"><font size="4"><b>{e(a["title"])}</b></font></td></tr>
<tr><td class="news_date">기사입력 {date[:16].replace("T", " ")} &nbsp; {reporter} 기자</td></tr>
<tr><td class="news_body" style="line-height:160%">
{text}<br>
<br>
{reporter} 기자 {email}<br>
<br>
ⓒ 옛날뉴스 (무단전재 및 재배포 금지)
</td></tr>
<tr><td><a href="javascript:popup('/print.php')">인쇄하기</a> | <a href="javascript:popup('/mail.php')">메일보내기</a> | <a href="/list.php">목록</a></td></tr></table>
<table width="100%"><tr><td><b>이 기사와 관련된 기사</b></td></tr>{"".join('<tr><td>· <a href="/news/read.php?idx=%d">%s</a></td></tr>' % (i + 50, e(t)) for i, t in enumerate(KO_TITLES[8:14]))}</table>
</td><td width="180" valign="top"><a href="http://ad.example.net/c?i=9"><img src="/banner/right1.gif" width="160"></a></td></tr></table>
<table width="980"><tr><td class="copy" align="center">회사소개 | 광고안내 | 개인정보취급방침 | Copyright ⓒ 2026 oldnews.example.kr All rights reserved.</td></tr></table>
</body></html>'''
    page(name, url, doc, a["paras"], dict(url=url, title=a["title"], reporters=[reporter], emails=[email], lang="ko", published=date,
                                          charset="CP949"), charset="cp949")

euckr("euckr-hiking", "hiking", "윤석진", "sjyoon@oldnews.example.kr", "2026-10-12T08:00:00+09:00")
euckr("euckr-robot", "robot", "곽두리", "duri@oldnews.example.kr", "2026-03-25T13:10:00+09:00")

# ---------------------------------------------------------------- WordPress (Korean and English)
def wordpress(name, a, lang, author, date, site):
    url = "https://%s.example.com/2026/03/19/%s/" % (site, name)
    img = "https://%s.example.com/wp-content/uploads/2026/03/%s.jpg" % (site, name)
    jl = {"@context": "https://schema.org", "@graph": [{"@type": "BlogPosting", "headline": a["title"], "datePublished": date,
          "author": {"@type": "Person", "name": author}, "image": img}, {"@type": "BreadcrumbList", "itemListElement": [
          {"@type": "ListItem", "position": 1, "name": "Home"}, {"@type": "ListItem", "position": 2, "name": "DIY" if lang == "en" else "여행"}]}]}
    doc = head(a["title"], a["paras"][0], url, img, site.title() + " Notes", date, jsonld=jl, lang=lang,
               title_tag=a["title"] + " – " + site.title() + " Notes") + f'''<body class="post-template-default single single-post postid-412 wp-embed-responsive">
<div id="page" class="site"><a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header"><div class="site-branding"><p class="site-title"><a href="/">{site.title()} Notes</a></p></div>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">{gnb(lang == "ko", 8)}</ul></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-412" class="post-412 post type-post status-publish format-standard has-post-thumbnail hentry category-diy">
<header class="entry-header"><h1 class="entry-title">{e(a["title"])}</h1><div class="entry-meta"><span class="posted-on"><time class="entry-date published" datetime="{date}">{date[:10]}</time></span><span class="byline"> by <span class="author vcard"><a class="url fn n" href="/author/{author.lower().replace(" ", "")}/">{author}</a></span></span></div></header>
<div class="post-thumbnail"><img width="1024" height="683" src="{img}" class="attachment-post-thumbnail wp-post-image" alt=""></div>
<div class="entry-content">
{ps(a["paras"])}
<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social"><h3 class="sd-title">Share this:</h3><ul><li><a class="share-facebook" href="?share=facebook">Facebook</a></li><li><a class="share-x" href="?share=x">X</a></li></ul></div></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Related</em></h3>{related(EN_TITLES if lang == "en" else KO_TITLES, "jp-relatedposts-items", lang == "ko")}</div>
</div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="/category/diy/" rel="category tag">DIY</a></span><span class="tags-links">Tagged <a href="/tag/shed/">shed</a></span></footer>
</article>
<nav class="navigation post-navigation"><div class="nav-links"><div class="nav-previous"><a href="/prev/">Previous post</a></div><div class="nav-next"><a href="/next/">Next post</a></div></div></nav>
<div id="comments" class="comments-area">{comments(lang == "ko")}<div id="respond" class="comment-respond"><form id="commentform"><textarea name="comment"></textarea><input type="submit" value="Post Comment"></form></div></div>
</main></div>
<aside id="secondary" class="widget-area"><section class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2>{related(EN_TITLES, "recent", False)}</section></aside></div>
<footer id="colophon" class="site-footer"><div class="site-info"><a href="https://wordpress.org/">Proudly powered by WordPress</a></div></footer></div>
<script src="/wp-includes/js/wp-embed.min.js"></script></body></html>'''
    page(name, url, doc, a["paras"], dict(url=url, title=a["title"], reporters=[author], lang=lang, published=date))

wordpress("wp-shed", EN["wordpress"], "en", "Tom Avery", "2026-03-19T08:15:00+00:00", "greenshed")
wordpress("wp-hiking-ko", KO["hiking"], "ko", "산길걷는사람", "2026-10-10T21:00:00+09:00", "sanmaru")

# ---------------------------------------------------------------- BBC style (bbc.com/news/articles): data-component blocks
def bbc(name, key, author, date):
    a = EN[key]
    url = "https://www.bbc.com/news/articles/c%s" % name.encode().hex()[:11]
    img = "https://ichef.bbci.co.uk/news/1024/branded_news/%s.jpg" % name
    blocks = "".join('<div data-component="text-block" class="sc-18fde0d6-0"><p class="sc-eb7bd5f6-0">%s</p></div>' % e(p) for p in a["paras"])
    jl = {"@context": "http://schema.org", "@type": "NewsArticle", "headline": a["title"], "datePublished": date, "dateModified": date,
          "author": [{"@type": "Person", "name": author}], "publisher": {"@type": "NewsMediaOrganization", "name": "BBC News"}}
    doc = head(a["title"], a["paras"][0], url, img, "BBC News", None, jsonld=jl, lang="en-GB", title_tag=a["title"] + " - BBC News") + f'''<body>
<div id="__next"><header data-testid="header-content" class="sc-ff3a3f2e-0"><nav class="sc-ff3a3f2e-1" aria-label="BBC"><ul>{gnb(False)}</ul></nav></header>
<div class="sc-12ac9e8a-0"><main id="main-content" data-testid="main-content"><article class="sc-ad5c6d3c-0">
<div data-component="headline-block" class="sc-a8dd9f0c-0"><h1 class="sc-f98b1ad2-0">{e(a["title"])}</h1></div>
<div data-component="byline-block" class="sc-a8dd9f0c-0"><div data-testid="byline-new"><time datetime="{date}">19 March 2026</time><span data-testid="byline-new-contributors"><span class="sc-b42e7a8f-7">{author}</span><span>BBC News</span></span></div></div>
<div data-component="image-block" class="sc-a8dd9f0c-0"><figure><div class="sc-d8a65ab1-0"><img src="{img}" alt="Buses parked at a depot at night"></div><figcaption class="sc-8a068d35-3">Getty Images</figcaption></figure></div>
{blocks}
<div data-component="links-block" class="sc-a8dd9f0c-0"><h2>More on this story</h2><ul>{"".join('<li><a href="/news/x%d">%s</a></li>' % (i, e(t)) for i, t in enumerate(EN_TITLES[:4]))}</ul></div>
<div data-component="tag-list" class="sc-a8dd9f0c-0"><ul><li><a href="/news/topics/transport">Transport</a></li><li><a href="/news/topics/local">Local government</a></li></ul></div>
</article>
<section data-component="related-stories"><h2>Related</h2>{related(EN_TITLES, "sc-related", False)}</section></main></div>
<footer data-testid="footer" class="sc-footer"><p>Copyright 2026 BBC. All rights reserved. The BBC is not responsible for the content of external sites.</p></footer></div>
<script id="__NEXT_DATA__" type="application/json">{{"props":{{"pageProps":{{"page":{{}}}}}}}}</script></body></html>'''
    page(name, url, doc, a["paras"], dict(url=url, title=a["title"], reporters=[author], lang="en", published=date))

bbc("bbc-transit", "transit", "Jane Whitfield", "2026-03-19T06:02:11.000Z")
bbc("bbc-museum", "museum", "Owen Price", "2026-03-21T12:30:00.000Z")

# ---------------------------------------------------------------- Verge style (generic): duet--article--article-body-component
def verge(name, key, author, date):
    a = EN[key]
    url = "https://www.theverge.com/tech/%d/%s" % (600000 + len(name), name)
    img = "https://platform.theverge.com/wp-content/uploads/sites/2/2026/03/%s.jpg" % name
    caps = a.get("captions", [])
    paras = "".join('<div class="duet--article--article-body-component"><p class="duet--article--dangerously-set-cms-markup">%s</p></div>' % e(p)
                    for p in a["paras"][:2])
    paras += ('<div class="duet--article--article-body-component"><figure class="duet--article--image"><img src="%s" alt="">'
              '<figcaption><span>%s</span> <cite>Photo by %s / The Verge</cite></figcaption></figure></div>' % (img, e(caps[0]), author)) if caps else ""
    paras += ('<div class="duet--article--article-body-component"><aside class="duet--article--related"><p><strong>Related</strong></p>'
              '<ul><li><a href="/a">%s</a></li><li><a href="/b">%s</a></li></ul></aside></div>' % (e(EN_TITLES[3]), e(EN_TITLES[4])))
    paras += "".join('<div class="duet--article--article-body-component"><p class="duet--article--dangerously-set-cms-markup">%s</p></div>' % e(p)
                     for p in a["paras"][2:])
    doc = head(a["title"], a["paras"][0], url, img, "The Verge", date, author=author, lang="en",
               title_tag=a["title"] + " | The Verge") + f'''<body>
<div class="duet--layout--page"><nav class="duet--navigation--navigation"><ul>{gnb(False, 12)}</ul><button>Menu</button></nav>
<main id="content"><article id="zephr-anchor"><div class="duet--article--lede"><h1 class="duet--article--article-title">{e(a["title"])}</h1>
<p class="duet--article--dek">A practical look at what matters.</p>
<div class="duet--article--byline">by <a href="/authors/{author.lower().replace(" ", "-")}">{author}</a> <time datetime="{date}">Mar 19, 2026, 2:00 PM UTC</time></div>
<div class="duet--article--share">{share(False)}</div></div>
<div class="duet--layout--entry-body-container"><div class="duet--article--article-body">{paras}</div></div>
<div class="duet--article--newsletter-signup"><h3>Sign up for the newsletter</h3><p>A free daily digest of the news that matters most.</p><form><input type="email"><button>Subscribe</button></form></div>
<div class="duet--content-cards--most-popular"><h2>Most Popular</h2>{related(EN_TITLES, "popular-list", False)}</div>
</article></main>
<footer class="duet--navigation--footer"><p>© 2026 Vox Media, LLC. All Rights Reserved</p><a href="/terms">Terms of Use</a></footer></div></body></html>'''
    gold = a["paras"][:2] + ([caps[0] + " Photo by %s / The Verge" % author] if caps else []) + a["paras"][2:]
    page(name, url, doc, gold, dict(url=url, title=a["title"], reporters=[author], lang="en", published=date))

verge("verge-phone", "phoneapp", "Alex Moreno", "2026-03-19T14:00:00+00:00")
verge("verge-battery", "battery", "Priya Nair", "2026-03-20T15:30:00+00:00")

# ---------------------------------------------------------------- AP style (generic): RichTextStoryBody, "CITY (AP) —" dateline
def ap(name, key, city, author, date):
    a = EN[key]
    url = "https://apnews.com/article/%s-%s" % (name, name.encode().hex()[:16])
    img = "https://dims.apnews.com/dims4/default/%s/2147483647/resize/800x/%s.jpg" % (name[:6], name)
    first = "%s (AP) — %s" % (city, a["paras"][0])
    doc = head(a["title"], a["paras"][0], url, img, "AP News", date, modified=date, section="World News", author=author, lang="en",
               title_tag=a["title"] + " | AP News") + f'''<body class="Page-body">
<div class="Page-header"><nav class="Page-header-navigation"><ul>{gnb(False)}</ul></nav><div class="Page-header-bar"><a href="/donate">Donate</a></div></div>
<main class="Page-main"><div class="Page-content"><div class="Page-lead"><h1 class="Page-headline">{e(a["title"])}</h1>
<div class="Page-byline"><div class="Page-authors">By <a href="/author/x">{author.upper()}</a></div><bsp-timestamp data-timestamp="1773900000000"><span>Updated 6:02 AM GMT, March 19, 2026</span></bsp-timestamp></div>
<div class="Page-actions">{share(False)}</div></div>
<div class="RichTextStoryBody RichTextBody">
<p>{e(first)}</p>
{ps(a["paras"][1:3])}
<div class="Advertisement"><div class="ad-slot">Advertisement</div></div>
{ps(a["paras"][3:])}
<p>___</p>
<p>Associated Press writer Sam Ortiz contributed to this report.</p>
</div>
<div class="Page-below"><div class="PageList-items"><h2>Related coverage</h2>{related(EN_TITLES, "PageList", False)}</div></div></div></main>
<footer class="Page-footer"><p>Copyright 2026 The Associated Press. All Rights Reserved.</p><ul><li><a href="/about">About</a></li></ul></footer></body></html>'''
    gold = a["paras"] + ["Associated Press writer Sam Ortiz contributed to this report."]
    page(name, url, doc, gold, dict(url=url, title=a["title"], reporters=[author.title()], agency="AP", lang="en", published=date))

ap("ap-election", "election", "MADRID", "Lena Fischer", "2026-03-19T06:02:00Z")
ap("ap-rates", "rates", "LONDON", "David Okafor", "2026-03-19T12:00:00Z")
ap("ap-storm", "storm", "HALIFAX, Nova Scotia", "Claire Dubois", "2026-03-22T09:40:00Z")

def main():
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        if f.endswith((".html", ".gold.txt", ".meta.json")):
            os.remove(os.path.join(OUT, f))
    for name, url, doc, gold, meta, charset in PAGES:
        with open(os.path.join(OUT, name + ".html"), "wb") as f:
            f.write(doc.encode(charset))
        with open(os.path.join(OUT, name + ".gold.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(gold) + "\n")
        meta.setdefault("charset", "UTF-8")
        with open(os.path.join(OUT, name + ".meta.json"), "w", encoding="utf-8") as f:
            json.dump(meta, f, ensure_ascii=False, indent=1, sort_keys=True)
            f.write("\n")
    print("wrote %d pages to %s" % (len(PAGES), os.path.normpath(OUT)))

if __name__ == "__main__":
    main()
