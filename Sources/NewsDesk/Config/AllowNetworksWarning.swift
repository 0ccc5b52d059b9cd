/// Warnings for `allow_networks` ranges that open far more than a source needs.
///
/// `allow_networks` exists for an intranet feed on `10.1.2.3` or a test server on `127.0.0.1`. A range that spans
/// the whole address space (`0.0.0.0/0`, `::/0`) or several of the special-purpose blocks the fetcher refuses
/// (`0.0.0.0/1` holds loopback and 10/8) is valid, but lets that source's feed — and every redirect and article
/// link in it — reach loopback services, private networks and the cloud metadata address. `feeds check` says so.
enum AllowNetworksWarning {
    /// The warning for `network`, or nil when it opens at most one special-purpose block.
    static func check(_ network: IPNetwork) -> String? {
        let covered = AddressPolicy.specialRanges.filter { covers(network, $0.network) }
        let family = network.address.isIPv4 ? "IPv4" : "IPv6"
        let listed = describe(covered)
        if network.prefixLength == 0 {
            return "\(network) allows every \(family) address to this source, \(listed) included; "
                + "list only the networks it needs (e.g. \(network.address.isIPv4 ? "10.1.2.0/24" : "fd00:1::/64"))"
        }
        guard covered.count >= 2 else { return nil }
        return "\(network) spans \(covered.count) address blocks the fetcher refuses (\(listed)), all opened to this source; "
            + "list only the networks it needs"
    }

    /// Whether `inner` lies entirely inside `outer` (same family).
    private static func covers(_ outer: IPNetwork, _ inner: IPNetwork) -> Bool {
        outer.address.bytes.count == inner.address.bytes.count && outer.prefixLength <= inner.prefixLength && outer.contains(inner.address)
    }

    /// `loopback 127.0.0.0/8, private 10.0.0.0/8 172.16.0.0/12 …, link-local 169.254.0.0/16 (cloud metadata)`.
    private static func describe(_ ranges: [(network: IPNetwork, kind: String)]) -> String {
        var order: [String] = []
        var byKind: [String: [String]] = [:]
        for r in ranges {
            if byKind[r.kind] == nil { order.append(r.kind) }
            byKind[r.kind, default: []].append(r.network.description + (r.network.description == "169.254.0.0/16" ? " (cloud metadata)" : ""))
        }
        // The dangerous ones first.
        let first = ["loopback", "private", "link-local", "unique-local"]
        let sorted = order.filter(first.contains).sorted { first.firstIndex(of: $0) ?? 0 < first.firstIndex(of: $1) ?? 0 }
            + order.filter { !first.contains($0) }
        return sorted.map { "\($0) \(byKind[$0, default: []].joined(separator: " "))" }.joined(separator: ", ")
    }
}
