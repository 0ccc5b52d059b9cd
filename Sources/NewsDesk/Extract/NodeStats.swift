/// Text weight, link-text weight and media count of every element below a root, computed in one bottom-up pass
/// (instead of re-reading subtree text for each candidate box). Text is weighed on libxml2's own bytes
/// (`NodeText.weight(utf8:)`), and the table is keyed by node identity, so the pass copies no string.
struct NodeStats {
    struct Stat { var weight = 0.0; var links = 0.0; var media = 0 }
    private(set) var table: [UnsafeMutableRawPointer: Stat] = [:]

    init(_ root: HTMLNode) {
        table.reserveCapacity(256)
        _ = walk(root, inLink: false)
    }

    subscript(_ n: HTMLNode) -> Stat { table[n.identity] ?? Stat() }

    func linkDensity(_ n: HTMLNode) -> Double {
        let s = self[n]
        return s.weight > 0 ? min(1, s.links / s.weight) : 0
    }

    private mutating func walk(_ n: HTMLNode, inLink: Bool) -> Stat {
        var s = Stat()
        var c = n.firstChild
        while let child = c {
            if child.isText {
                let w = child.withTextBytes(NodeText.weight(utf8:))
                s.weight += w
                if inLink { s.links += w }
            } else if child.isElement {
                if child.hasName("img") || child.hasName("iframe") || child.hasName("video") || child.hasName("figure") { s.media += 1 }
                let sub = walk(child, inLink: inLink || child.hasName("a"))
                s.weight += sub.weight; s.links += sub.links; s.media += sub.media
            }
            c = child.next
        }
        table[n.identity] = s
        return s
    }
}
