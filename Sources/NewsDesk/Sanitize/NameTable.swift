/// An open-addressing hash table keyed by ``NameKey``, hashed with two multiplies instead of SipHash: the tag and
/// attribute lookups the sanitizer makes on every SAX callback. Keys are never removed.
struct NameTable<Value: Sendable>: Sendable {
    private var keys: [NameKey]
    private var values: [Value?]
    private var shift: UInt64
    private(set) var count = 0

    init(minimumCapacity: Int = 4) {
        var capacity = 8
        while capacity < minimumCapacity * 2 { capacity *= 2 }
        keys = Array(repeating: NameKey.empty, count: capacity)
        values = Array(repeating: nil, count: capacity)
        shift = UInt64(64 - capacity.trailingZeroBitCount)
    }

    init(_ pairs: some Sequence<(NameKey, Value)>) {
        let all = Array(pairs)
        self.init(minimumCapacity: all.count)
        for (k, v) in all { self[k] = v }
    }

    /// The slot of `key`, or of the empty slot where it would go.
    @inline(__always)
    private func slot(_ key: NameKey) -> Int {
        let h = (key.a ^ (key.b &* 0xC2B2_AE3D_27D4_EB4F)) &* 0x9E37_79B9_7F4A_7C15
        let mask = keys.count - 1
        var i = Int(truncatingIfNeeded: h >> shift)
        while true {
            let k = keys[i]
            if k == key || k.a == 0 { return i }
            i = (i + 1) & mask
        }
    }

    subscript(key: NameKey) -> Value? {
        @inline(__always) get { values[slot(key)] }
        set {
            guard let newValue, key.a != 0 else { return }  // no removal; the empty name is never looked up
            var i = slot(key)
            if keys[i].a == 0 {
                if (count + 1) * 2 > keys.count { grow(); i = slot(key) }
                keys[i] = key
                count += 1
            }
            values[i] = newValue
        }
    }

    @inline(__always)
    func contains(_ key: NameKey) -> Bool { keys[slot(key)].a != 0 }

    /// Every key and value (unordered).
    var entries: [(NameKey, Value)] {
        var out: [(NameKey, Value)] = []
        for (i, k) in keys.enumerated() where k.a != 0 { if let v = values[i] { out.append((k, v)) } }
        return out
    }

    private mutating func grow() {
        let old = entries
        self = NameTable(minimumCapacity: keys.count)
        for (k, v) in old { self[k] = v }
    }
}

extension NameTable where Value == Int {
    /// Adds one to the count of `key`.
    @inline(__always)
    mutating func increment(_ key: NameKey) {
        let i = slot(key)
        if keys[i].a != 0, let v = values[i] { values[i] = v + 1 } else { self[key] = 1 }
    }
}

extension NameKey {
    /// The empty name: marks a free slot (a real name's first byte is never 0).
    static let empty = NameKey(a: 0, b: 0)

    init(a: UInt64, b: UInt64) {
        self.a = a
        self.b = b
    }
}
