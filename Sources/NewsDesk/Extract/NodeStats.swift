/// Text weight, link-text weight and media count of every element below a root, computed in one bottom-up pass
/// (instead of re-reading subtree text for each candidate box). Text is weighed on libxml2's own bytes
/// (`NodeText.weight(utf8:)`), so the pass copies no string.
///
/// The rows sit in an array; each element keeps its row number in its `slot`, so a lookup is one load instead of a
/// hash of the node. A later table over the same nodes overwrites the slots: a lookup whose row does not belong to
/// the node (or a node added since) weighs that subtree afresh, so an older table stays right, only slower.
struct NodeStats {
    struct Stat { var weight = 0.0; var links = 0.0; var media = 0 }
    private var rows: [(node: UnsafeMutableRawPointer, stat: Stat)] = []
    /// The element the table was built for (its own text is not link text, even when it is an `<a>`).
    private let root: UnsafeMutableRawPointer

    init(_ root: HTMLNode) {
        self.root = root.identity
        rows.reserveCapacity(512)
        _ = walk(NodeRef(root), inLink: false, storing: true)
    }

    subscript(_ n: HTMLNode) -> Stat { self[NodeRef(n)] }

    subscript(_ n: NodeRef) -> Stat {
        let row = n.slot - 1
        if row >= 0, row < rows.count, rows[row].node == n.identity { return rows[row].stat }
        guard n.isElement else { return Stat() }
        // Only a node below the root has a row (others weigh nothing, as before). Inside a link (the node itself one,
        // or an ancestor below the root) all of its text is link text.
        var inLink = false, below = false
        var a: NodeRef? = n
        while let p = a {
            if p.identity == root { below = true; break }
            if p.hasName("a") { inLink = true }
            a = p.parent
        }
        guard below else { return Stat() }
        var fresh = NodeStats(rows: [], root: root)
        return fresh.walk(n, inLink: inLink, storing: false)
    }

    private init(rows: [(node: UnsafeMutableRawPointer, stat: Stat)], root: UnsafeMutableRawPointer) {
        self.rows = rows
        self.root = root
    }

    func linkDensity(_ n: HTMLNode) -> Double {
        let s = self[n]
        return s.weight > 0 ? min(1, s.links / s.weight) : 0
    }

    private static let media = TagNames(["figure", "iframe", "img", "video"])

    private mutating func walk(_ n: NodeRef, inLink: Bool, storing: Bool) -> Stat {
        var s = Stat()
        var c = n.firstChild
        while let child = c {
            if child.isText {
                let w = child.withTextBytes(NodeText.weight(utf8:))
                s.weight += w
                if inLink { s.links += w }
            } else if child.isElement {
                if Self.media.contains(child) { s.media += 1 }
                let sub = walk(child, inLink: inLink || child.hasName("a"), storing: storing)
                s.weight += sub.weight; s.links += sub.links; s.media += sub.media
            }
            c = child.next
        }
        if storing {
            rows.append((n.identity, s))
            n.slot = rows.count
        }
        return s
    }
}
