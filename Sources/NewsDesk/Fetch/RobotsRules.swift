/// A parsed robots.txt (RFC 9309): groups by user agent, Allow/Disallow with `*` and `$`, longest match wins,
/// Allow wins a tie. `/robots.txt` itself is always allowed.
struct RobotsRules: Sendable, Equatable {
    struct Rule: Sendable, Equatable {
        let allow: Bool
        let pattern: String
    }

    struct Group: Sendable, Equatable {
        var agents: [String]
        var rules: [Rule]
    }

    private(set) var groups: [Group]

    /// Allows everything (no robots.txt, or a 4xx for it).
    public static let allowAll = RobotsRules(groups: [])
    /// Disallows everything (robots.txt answered 5xx: RFC 9309 treats the site as unreachable).
    public static let disallowAll = RobotsRules(groups: [Group(agents: ["*"], rules: [Rule(allow: false, pattern: "/")])])

    private init(groups: [Group]) { self.groups = groups }

    /// Parses robots.txt text. Unknown lines are ignored, as the RFC asks.
    public init(parsing text: String) {
        var groups: [Group] = []
        var current: Group?
        var lastWasAgent = false
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {  // "\r\n" is one Character
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "user-agent":
                if lastWasAgent, current != nil {
                    current?.agents.append(value.lowercased())
                } else {
                    if let c = current { groups.append(c) }
                    current = Group(agents: [value.lowercased()], rules: [])
                }
                lastWasAgent = true
            case "allow", "disallow":
                lastWasAgent = false
                guard !value.isEmpty else { continue }  // "Disallow:" with nothing means allow all
                current?.rules.append(Rule(allow: key == "allow", pattern: value))
            default:
                lastWasAgent = false
            }
        }
        if let c = current { groups.append(c) }
        self.groups = groups
    }

    /// Whether `path` (path plus `?query`) may be fetched by `agent` (the product token, e.g. "NewsDesk").
    /// Returns the deciding rule for messages.
    public func check(_ path: String, agent: String) -> (allowed: Bool, rule: String?) {
        if path == "/robots.txt" { return (true, nil) }
        let token = agent.lowercased()
        var chosen = groups.filter { $0.agents.contains(token) }
        if chosen.isEmpty { chosen = groups.filter { $0.agents.contains("*") } }
        var best: Rule?
        for rule in chosen.flatMap(\.rules) where Self.matches(rule.pattern, path) {
            if let b = best {
                if rule.pattern.count > b.pattern.count || (rule.pattern.count == b.pattern.count && rule.allow && !b.allow) { best = rule }
            } else {
                best = rule
            }
        }
        guard let best else { return (true, nil) }
        return (best.allow, "\(best.allow ? "Allow" : "Disallow"): \(best.pattern)")
    }

    /// Pattern match from the start of the path: `*` is any run of characters, a final `$` anchors the end.
    static func matches(_ pattern: String, _ path: String) -> Bool {
        var p = Array(pattern.utf8)
        let anchored = p.last == UInt8(ascii: "$")
        if anchored { p.removeLast() }
        let s = Array(path.utf8)
        // dp over pattern positions reachable after consuming s[0..<i].
        var states: Set<Int> = [0]
        func closure(_ set: Set<Int>) -> Set<Int> {
            var out = set
            var stack = Array(set)
            while let k = stack.popLast() {
                if k < p.count, p[k] == UInt8(ascii: "*"), out.insert(k + 1).inserted { stack.append(k + 1) }
            }
            return out
        }
        states = closure(states)
        for c in s {
            if !anchored, states.contains(p.count) { return true }
            var next: Set<Int> = []
            for k in states where k < p.count {
                if p[k] == UInt8(ascii: "*") { next.insert(k) } else if p[k] == c { next.insert(k + 1) }
            }
            states = closure(next)
            if states.isEmpty { return false }
        }
        return states.contains(p.count)
    }
}
