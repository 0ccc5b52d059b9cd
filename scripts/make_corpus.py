#!/usr/bin/env python3
"""Generates a benchmark corpus of Korean portal/news pages written by us (no real pages are copied).

  make_corpus.py DIR [--pages 200] [--seed 7]

Each page mirrors the structure of Daum/Naver/newspaper article pages: a head full of meta, inline and external
scripts, styles and JSON-LD; navigation; an article with dmcf-* paragraphs or #dic_area text, figures with
thumb-proxy and lazy images, captions, links with tracking parameters; ad slots with iframes and scripts;
related-article lists; comments; footers; tracking pixels. Sizes vary from ~80 KB to ~250 KB (≈30 MB for 180 pages).
"""
import os, random, sys

SYL = "가나다라마바사아자차카타파하거너더러머버서어저처커터퍼허고노도로모보소오조초코토포호구누두루무부수우주추쿠투푸후기니디리미비시이지치키티피히한국뉴스기자정부시장경제사회문화스포츠연예과학기술교육환경지역도시공원도서관병원학교"
WORDS = ["오늘", "정부는", "지난해", "시민들이", "관계자는", "이번", "발표에", "따르면", "경기", "선수", "감독", "시즌",
         "투자", "기업", "반도체", "인공지능", "서비스", "출시", "공개", "예정이다", "밝혔다", "전했다", "말했다", "설명했다",
         "지역", "주민", "행사", "참여", "증가", "감소", "전망", "분석", "계획", "추진", "확대", "운영", "개최", "방문객",
         "연구진", "결과", "발견", "콘서트", "드라마", "배우", "가수", "팬들", "무대", "기록", "우승", "경기장"]


def word(r):
    if r.random() < 0.7:
        return r.choice(WORDS)
    return "".join(r.choice(SYL) for _ in range(r.randint(2, 4)))


def sentence(r):
    s = " ".join(word(r) for _ in range(r.randint(8, 20)))
    if r.random() < 0.2:
        s += " %d%%" % r.randint(1, 99)
    if r.random() < 0.15:
        s = "\u201c" + s + "\u201d"
    return s + r.choice([".", ".", ".", "다.", "…", "?"])


def paragraph(r):
    return " ".join(sentence(r) for _ in range(r.randint(2, 5)))


def img_url(r, kind):
    d = "%04d%02d%02d" % (2024, r.randint(1, 12), r.randint(1, 28))
    f = "%s%06d.jpg" % (d, r.randint(0, 999999))
    if kind == "daum":
        orig = "https://t1.daumcdn.net/news/%s/%s/newsdesk/%s" % (d[:6], d[6:], f)
        enc = r.random() < 0.5
        fname = orig.replace(":", "%3A").replace("/", "%2F") if enc else orig
        return "https://img%d.daumcdn.net/thumb/R658x0.q70/?fname=%s" % (r.randint(1, 4), fname), orig
    if kind == "naver":
        return "https://imgnews.pstatic.net/image/%03d/%s/%s?type=w860" % (r.randint(1, 500), d, f), None
    return "https://cdn.newsdesk-example.com/photo/%s/%s" % (d, f), None


def head(r, title):
    parts = ['<!DOCTYPE html>\n<html lang="ko">\n<head>\n<meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width,initial-scale=1">',
             "<title>%s</title>" % title]
    for k in ["og:title", "og:description", "og:image", "og:url", "twitter:card", "article:section", "article:published_time"]:
        parts.append('<meta property="%s" content="%s">' % (k, title if "title" in k else paragraph(r)[:120]))
    for i in range(r.randint(4, 10)):
        parts.append('<link rel="preload" as="script" href="//static.newsdesk-example.com/js/chunk.%d.%x.js">' % (i, r.getrandbits(32)))
        parts.append('<script src="//static.newsdesk-example.com/js/vendor.%d.js" async></script>' % i)
    parts.append("<style>" + "".join(".c%d{margin:%dpx;padding:%dpx;color:#%06x;display:block}\n" % (i, i % 20, i % 7, r.getrandbits(24)) for i in range(r.randint(250, 900))) + "</style>")
    js = "".join("window.__cfg%d = {id: %d, name: \"%s\", list: [%s]};\n" % (i, i, word(r), ",".join(str(r.randint(0, 9999)) for _ in range(20))) for i in range(r.randint(100, 450)))
    parts.append('<script type="text/javascript">\n' + js + "</script>")
    parts.append('<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"%s","description":"%s"}</script>' % (title, paragraph(r)))
    parts.append("</head>")
    return "\n".join(parts)


def nav(r):
    items = "".join('<li class="item_gnb"><a href="https://news.newsdesk-example.com/%s?utm_source=gnb" data-tiara-layer="gnb_%d" class="link_gnb">%s</a></li>' % (word(r), i, word(r)) for i in range(r.randint(8, 20)))
    return '<div id="header" class="head_news" data-tiara-layer="gnb"><h1 class="logo"><a href="/"><span class="ir">뉴스데스크</span></a></h1><ul class="gnb_comm">%s</ul><form action="/search" class="search"><input type="text" name="q" placeholder="검색"><button type="submit">검색</button></form></div>' % items


def figure(r, kind):
    src, orig = img_url(r, kind)
    cap = sentence(r)
    if kind == "daum":
        return ('<figure class="figure_frm origin_fig" dmcf-pid="%s" dmcf-ptype="figure"><p class="link_figure"><img class="thumb_g_article" dmcf-mid="%s" dmcf-mtype="image" height="auto" width="658" src="%s" data-org-src="%s" alt="%s"></p><figcaption class="txt_caption default_figure">%s</figcaption></figure>'
                % (r.getrandbits(40), r.getrandbits(40), src, orig, cap[:40], cap))
    if kind == "naver":
        return ('<span class="end_photo_org"><div class="nbd_im_w _LAZY_LOADING_WRAP"><div class="nbd_a" id="img_a%d"><img id="img%d" data-src="%s" class="_LAZY_LOADING" width="860" height="573" alt=""><noscript><img src="%s" alt=""></noscript></div></div><em class="img_desc">%s</em></span><br><br>'
                % (r.randint(1, 9), r.randint(1, 9), src, src, cap))
    return '<figure class="art_photo"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-lazy-src="%s" alt="%s" loading="lazy"><figcaption>%s</figcaption></figure>' % (src, cap[:40], cap)


def article(r, kind, title):
    n = r.randint(20, 100)
    body = []
    for i in range(n):
        if i % r.randint(3, 6) == 0:
            body.append(figure(r, kind))
        text = paragraph(r)
        if r.random() < 0.3:
            text += ' <a href="https://www.example-partner.co.kr/news/%d?utm_source=newsdesk&amp;utm_medium=article&amp;fbclid=IwAR%x" target="_blank">%s</a>' % (r.randint(1, 99999), r.getrandbits(40), word(r))
        if kind == "daum":
            body.append('<p dmcf-pid="%x" dmcf-ptype="general">%s</p>' % (r.getrandbits(40), text))
        elif kind == "naver":
            body.append(text + "<br><br>")
        else:
            body.append('<p class="art_txt" style="line-height:1.8">%s <b>%s</b></p>' % (text, word(r)))
    inner = "\n".join(body)
    if kind == "daum":
        inner = '<div class="article_view" data-translation-body="true" data-tiara-layer="article_body"><section dmcf-sid="%x" contents-hash="%064x">%s</section></div>' % (r.getrandbits(40), r.getrandbits(256), inner)
        notice = '<div id="layerTranslateNotice" style="display:none;"><p>번역 서비스는 AI 기술로 제공됩니다.</p><button>닫기</button></div>'
    elif kind == "naver":
        inner = '<article id="dic_area" class="go_trans _article_content">%s</article>' % inner
        notice = ""
    else:
        inner = '<div id="article_body" itemprop="articleBody">%s</div>' % inner
        notice = ""
    return ('<div id="content"><div class="head_view"><h3 class="tit_view" data-translation="true">%s</h3><span class="info_view"><span class="txt_info">%s 기자</span><span class="num_date">2024. %d. %d. %02d:%02d</span></span></div>%s<div class="news_view">%s</div></div>'
            % (title, word(r), r.randint(1, 12), r.randint(1, 28), r.randint(0, 23), r.randint(0, 59), notice, inner))


def extras(r):
    out = []
    for i in range(r.randint(2, 6)):
        out.append('<div class="box_ad" data-tiara-layer="ad%d"><iframe src="https://ad.newsdesk-example.com/slot/%d" width="300" height="250" frameborder="0"></iframe><script>window.adq=window.adq||[];adq.push({slot:%d,size:[300,250]});</script></div>' % (i, i, i))
    rel = "".join('<li><a href="/v/%d?ref=news.newsdesk-example.com" data-tiara-layer="related"><img src="%s" width="120" height="80" alt=""><strong class="tit_g">%s</strong></a></li>' % (r.randint(1, 10**8), img_url(r, "other")[0], sentence(r)[:50]) for _ in range(r.randint(6, 16)))
    out.append('<div class="related"><h4>관련 기사</h4><ul>%s</ul></div>' % rel)
    cmts = "".join('<li class="cmt_item" onclick="toggle(%d)"><span class="nick">%s</span><p class="desc">%s</p><button class="btn_like" onclick="like(%d)">좋아요 %d</button></li>' % (i, word(r), sentence(r), i, r.randint(0, 999)) for i in range(r.randint(20, 80)))
    out.append('<div class="cmt_box" id="alex-area"><ul class="list_cmt">%s</ul><form action="/comment"><textarea>댓글</textarea></form></div>' % cmts)
    out.append('<img src="https://stat.tiara.daum.net/track?d=%x" width="1" height="1" alt="">' % r.getrandbits(32))
    out.append('<noscript><img src="https://lcs.naver.com/m?u=%x" width="1" height="1"></noscript>' % r.getrandbits(32))
    return "\n".join(out)


def footer(r):
    links = "".join('<a href="/policy/%d">%s</a> | ' % (i, word(r)) for i in range(r.randint(5, 12)))
    return '<div id="footer" class="foot"><div class="links">%s</div><address>서울특별시 어딘가 %d길 %d, 뉴스데스크</address><small>Copyright © 뉴스데스크. All rights reserved.</small><script>(function(){var s=document.createElement("script");s.src="//static.newsdesk-example.com/stat.js";document.body.appendChild(s);})();</script></div>' % (links, r.randint(1, 99), r.randint(1, 300))


def page(r, i):
    kind = ["daum", "naver", "other"][i % 3]
    title = sentence(r)[:60]
    return "\n".join([head(r, title), '<body class="page_%s">' % kind, nav(r), article(r, kind, title), extras(r), footer(r), "</body>\n</html>\n"])


def main():
    if len(sys.argv) < 2:
        print(__doc__); return 2
    out = sys.argv[1]
    pages = int(sys.argv[sys.argv.index("--pages") + 1]) if "--pages" in sys.argv else 200
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 7
    os.makedirs(out, exist_ok=True)
    r = random.Random(seed)
    total = 0
    for i in range(pages):
        data = page(r, i).encode("utf-8")
        total += len(data)
        open(os.path.join(out, "page%03d.html" % i), "wb").write(data)
    print("make_corpus: %d pages, %.1f MB in %s" % (pages, total / 1e6, out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
