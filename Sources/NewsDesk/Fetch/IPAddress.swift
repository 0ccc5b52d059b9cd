import Foundation

/// An IPv4 or IPv6 address as bytes (4 or 16). IPv4-mapped IPv6 addresses (`::ffff:a.b.c.d`) are kept as IPv6
/// but `unmapped` gives the IPv4 address inside, which is what policy checks look at.
public struct IPAddress: Sendable, Hashable, CustomStringConvertible {
    /// 4 bytes for IPv4, 16 for IPv6, network order.
    public let bytes: [UInt8]

    public var isIPv4: Bool { bytes.count == 4 }

    /// Parses a literal: dotted quad (`127.0.0.1`, no leading zeros, no shorthand) or RFC 4291 text (`::1`,
    /// `::ffff:127.0.0.1`), optionally in brackets. Zone ids (`%eth0`) are refused.
    public init?(_ text: String) {
        var t = Substring(text)
        if t.hasPrefix("["), t.hasSuffix("]") { t = t.dropFirst().dropLast() }
        if let v4 = Self.parseIPv4(t) { bytes = v4; return }
        guard let v6 = Self.parseIPv6(t) else { return nil }
        bytes = v6
    }

    public init?(bytes: [UInt8]) {
        guard bytes.count == 4 || bytes.count == 16 else { return nil }
        self.bytes = bytes
    }

    /// The IPv4 address inside an IPv4-mapped IPv6 address, else self.
    public var unmapped: IPAddress {
        guard bytes.count == 16, bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF else { return self }
        return IPAddress(uncheckedBytes: Array(bytes[12..<16]))
    }

    private init(uncheckedBytes: [UInt8]) { bytes = uncheckedBytes }

    public var description: String {
        if isIPv4 { return bytes.map(String.init).joined(separator: ".") }
        if unmapped.isIPv4 { return "::ffff:" + unmapped.description }
        var groups: [Int] = []
        for i in stride(from: 0, to: 16, by: 2) { groups.append(Int(bytes[i]) << 8 | Int(bytes[i + 1])) }
        // Longest run of zero groups (length ≥ 2) becomes "::".
        var bestStart = -1, bestLen = 0, i = 0
        while i < 8 {
            if groups[i] == 0 {
                var j = i
                while j < 8, groups[j] == 0 { j += 1 }
                if j - i > bestLen, j - i >= 2 { bestStart = i; bestLen = j - i }
                i = j
            } else { i += 1 }
        }
        let hex = groups.map { String($0, radix: 16) }
        if bestStart < 0 { return hex.joined(separator: ":") }
        let head = hex[0..<bestStart].joined(separator: ":")
        let tail = hex[(bestStart + bestLen)...].joined(separator: ":")
        return head + "::" + tail
    }

    static func parseIPv4(_ t: Substring) -> [UInt8]? {
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var out: [UInt8] = []
        for p in parts {
            guard !p.isEmpty, p.count <= 3, p.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            guard p.count == 1 || p.first != "0" else { return nil }  // "010" is octal to some parsers: refuse
            guard let v = UInt8(p) else { return nil }
            out.append(v)
        }
        return out
    }

    static func parseIPv6(_ t: Substring) -> [UInt8]? {
        guard !t.isEmpty, !t.contains("%") else { return nil }
        var text = t
        var tailV4: [UInt8] = []
        if let lastColon = text.lastIndex(of: ":"), text[text.index(after: lastColon)...].contains(".") {
            guard let v4 = parseIPv4(text[text.index(after: lastColon)...]) else { return nil }
            tailV4 = v4
            text = text[...lastColon]
            if text.hasSuffix(":"), !text.hasSuffix("::") { text = text.dropLast() }
        }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ s: String) -> [UInt16]? {
            if s.isEmpty { return [] }
            var out: [UInt16] = []
            for g in s.split(separator: ":", omittingEmptySubsequences: false) {
                guard !g.isEmpty, g.count <= 4, let v = UInt16(g, radix: 16) else { return nil }
                out.append(v)
            }
            return out
        }
        guard let head = groups(halves[0]) else { return nil }
        let tail = halves.count == 2 ? groups(halves[1]) : []
        guard let tail else { return nil }
        let needed = 8 - tailV4.count / 2
        var all: [UInt16]
        if halves.count == 2 {
            guard head.count + tail.count < needed else { return nil }
            all = head + [UInt16](repeating: 0, count: needed - head.count - tail.count) + tail
        } else {
            guard head.count == needed else { return nil }
            all = head
        }
        var out: [UInt8] = []
        for g in all { out.append(UInt8(g >> 8)); out.append(UInt8(g & 0xFF)) }
        return out + tailV4
    }
}

/// A CIDR range such as `127.0.0.1/32` or `::1/128`. A bare address means a single host.
public struct IPNetwork: Sendable, Hashable, CustomStringConvertible {
    public let address: IPAddress
    public let prefixLength: Int

    /// Parses `address/prefix`. Host bits must be zero (`127.0.0.1/8` is refused: write `127.0.0.0/8`),
    /// so a typo cannot silently widen or narrow a range.
    public init(_ text: String) throws(CIDRError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let addr = IPAddress(String(parts[0])) else {
            throw CIDRError(text: text, reason: "not an IP address or CIDR range (write e.g. 127.0.0.1/32 or ::1/128)")
        }
        let maxLen = addr.bytes.count * 8
        var len = maxLen
        if parts.count == 2 {
            guard let l = Int(parts[1]), parts[1].allSatisfy(\.isNumber), (0...maxLen).contains(l) else {
                throw CIDRError(text: text, reason: "prefix length must be 0…\(maxLen)")
            }
            len = l
        }
        let masked = Self.mask(addr.bytes, len)
        guard masked == addr.bytes else {
            let net = IPAddress(bytes: masked).map(String.init(describing:)) ?? "?"
            throw CIDRError(text: text, reason: "host bits are set (did you mean \(net)/\(len)?)")
        }
        address = addr
        prefixLength = len
    }

    /// Builds a range from parts the caller knows are valid (the default tables).
    init(unchecked address: IPAddress, _ prefixLength: Int) {
        self.address = address
        self.prefixLength = prefixLength
    }

    public var description: String { "\(address)/\(prefixLength)" }

    /// Whether `ip` is inside. IPv4 ranges also match IPv4-mapped IPv6 addresses.
    public func contains(_ ip: IPAddress) -> Bool {
        let candidate = address.isIPv4 ? ip.unmapped : ip
        guard candidate.bytes.count == address.bytes.count else { return false }
        return Self.mask(candidate.bytes, prefixLength) == address.bytes
    }

    static func mask(_ bytes: [UInt8], _ len: Int) -> [UInt8] {
        var out = bytes
        for i in 0..<out.count {
            let bitsHere = max(0, min(8, len - i * 8))
            out[i] &= bitsHere == 0 ? 0 : UInt8(truncatingIfNeeded: 0xFF << (8 - bitsHere))
        }
        return out
    }
}

/// A CIDR that could not be read.
public struct CIDRError: Error, Sendable, Equatable, CustomStringConvertible {
    public let text: String
    public let reason: String
    public var description: String { "\"\(text)\": \(reason)" }
}
