// The sanitizer's default policy, in one place (sorted tables). Sources: ammonia's and bleach's default
// allowlists trimmed to article bodies; the Daum/Naver attributes and proxies seen in their article markup;
// libxml2 2.9.14's HTML4 parsing quirks (../shared/PLATFORM.md).

extension SanitizePolicy {
    /// The documented default policy (see the tables below).
    public static let `default` = SanitizePolicy(
        allowedTags: defaultAllowedTags,
        globalAttributes: ["dir", "lang", "title"],
        removeWithContent: defaultRemoveWithContent,
        unwrapOnly: ["embed", "source", "track", "wbr"],
        trackingAttributes: defaultTrackingAttributes,
        trackingAttributePrefixes: ["data-", "data-tiara-", "dmcf-"],
        linkSchemes: ["http", "https", "mailto"],
        imageSchemes: ["http", "https"],
        // Priority order, not sorted: the original (Daum's data-org-src) before lazy-loader copies.
        lazyImageAttributes: ["data-org-src", "data-original", "data-lazy-src", "data-src"],
        srcsetAttributes: ["data-srcset", "data-lazy-srcset", "srcset"],
        beaconHosts: defaultBeaconHosts,
        imageProxyRules: defaultImageProxyRules,
        imageParameterRules: [
            ImageParameterRule(name: "naver-pstatic-resize", hosts: ["pstatic.net"], parameters: ["type"]),
        ],
        linkRel: "noopener noreferrer nofollow",
        blockTags: defaultBlockTags,
        lineTags: ["dd", "dt", "li", "tr"]
    )

    /// Allowed tags → their attributes (besides dir, lang, title).
    public static let defaultAllowedTags: [String: Set<String>] = [
        "a": ["href", "hreflang"],
        "abbr": [], "article": [], "b": [], "bdi": [], "bdo": [],
        "blockquote": ["cite"], "br": [], "caption": [], "cite": [], "code": [],
        "col": ["span"], "colgroup": ["span"], "dd": [],
        "del": ["cite", "datetime"], "dfn": [], "div": [], "dl": [], "dt": [], "em": [],
        "figcaption": [], "figure": [],
        "h1": [], "h2": [], "h3": [], "h4": [], "h5": [], "h6": [], "hr": [], "i": [],
        "img": ["alt", "height", "src", "width"],
        "ins": ["cite", "datetime"], "kbd": [], "li": ["value"], "mark": [],
        "ol": ["reversed", "start", "type"], "p": [], "pre": [], "q": ["cite"],
        "rp": [], "rt": [], "ruby": [], "s": [], "samp": [], "section": [], "small": [], "span": [],
        "strong": [], "sub": [], "sup": [], "table": [], "tbody": [],
        "td": ["colspan", "headers", "rowspan"], "tfoot": [],
        "th": ["colspan", "headers", "rowspan", "scope"], "thead": [], "time": ["datetime"],
        "tr": [], "u": [], "ul": [], "var": [],
    ]

    /// Removed with their content: active content, raw-text and foreign elements, forms, media without a
    /// fallback we could keep, document metadata.
    public static let defaultRemoveWithContent: Set<String> = [
        "applet", "audio", "base", "basefont", "button", "canvas", "datalist", "dialog", "form", "frame", "frameset",
        "head", "iframe", "input", "isindex", "keygen", "label", "link", "map", "math", "menu", "meta", "meter", "noembed",
        "noframes", "noscript", "object", "optgroup", "option", "output", "param", "plaintext", "progress", "script",
        "select", "style", "svg", "template", "textarea", "title", "video", "xmp",
    ]

    /// Tracking attributes named in reports (all other `data-*` go too, through the prefix table).
    public static let defaultTrackingAttributes: Set<String> = [
        "contents-hash", "data-tiara-action-name", "data-tiara-layer", "data-translation", "data-translation-body",
        "dmcf-mid", "dmcf-mtype", "dmcf-pid", "dmcf-ptype", "dmcf-sid",
    ]

    /// Analytics beacon hosts (suffix match): images from them are tracking pixels.
    public static let defaultBeaconHosts: Set<String> = [
        "analytics.twitter.com", "b.scorecardresearch.com", "bat.bing.com", "doubleclick.net",
        "google-analytics.com", "lcs.naver.com", "pixel.quantserve.com", "pixel.wp.com", "sb.scorecardresearch.com",
        "stat.tiara.daum.net", "stat.tiara.kakao.com", "stats.wp.com", "wcs.naver.net",
    ]

    /// Image proxies unwrapped to their original (sorted by name).
    public static let defaultImageProxyRules: [ImageProxyRule] = [
        // https://img4.daumcdn.net/thumb/R658x0.q70/?fname=https://t1.daumcdn.net/news/…
        ImageProxyRule(name: "daum-thumb",
                       hosts: ["img1.daumcdn.net", "img2.daumcdn.net", "img3.daumcdn.net", "img4.daumcdn.net", "t1.daumcdn.net"],
                       pathPrefix: "/thumb/", parameter: "fname"),
        // https://dthumb-phinf.pstatic.net/?src="https://…"&type=ff500_300
        ImageProxyRule(name: "naver-dthumb", hosts: ["dthumb-phinf.pstatic.net"], pathPrefix: "/", parameter: "src"),
        // https://i0.wp.com/example.com/wp-content/uploads/a.jpg?ssl=1&w=640 (Jetpack Photon)
        ImageProxyRule(name: "wordpress-photon", hosts: ["i0.wp.com", "i1.wp.com", "i2.wp.com", "i3.wp.com"],
                       pathPrefix: "/", pathEmbedded: true),
    ]

    /// Block elements: a blank line between them in the plain text.
    public static let defaultBlockTags: Set<String> = [
        "address", "article", "aside", "blockquote", "caption", "center", "details", "div", "dl", "fieldset",
        "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main", "nav",
        "ol", "p", "pre", "section", "summary", "table", "ul",
    ]
}
