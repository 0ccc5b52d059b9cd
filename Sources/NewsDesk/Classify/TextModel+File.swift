import Foundation

// The model file (little-endian):
//   8 bytes  magic "NDSECMDL"
//   u32      format version (1)
//   u32      header length H
//   H bytes  header, JSON: labels, feature settings, quantization, per-label scales, biases, notes
//   …        weights: buckets × labels, Int8 or Int16 (quantized per label with its scale) or Float32
//   …        when the header has idfScale: one UInt8 per bucket, idf = value × idfScale
//   u64      FNV-1a 64 checksum of everything before it

extension TextModel {
    /// The current file format version.
    public static let formatVersion: UInt32 = 1
    static let magic: [UInt8] = Array("NDSECMDL".utf8)

    /// How weights are stored in the file.
    public enum Quantization: String, Sendable, Codable, CaseIterable {
        case int8, int16, float32
        var bytes: Int { switch self { case .int8: 1; case .int16: 2; case .float32: 4 } }
        var maxLevel: Float { switch self { case .int8: 127; case .int16: 32767; case .float32: 1 } }
    }

    struct Header: Codable {
        var labels: [String]
        var features: FeatureSettings
        var quantization: Quantization
        var scales: [Float]
        var biases: [Float]
        var notes: String
        var idfScale: Float?
    }

    /// The model as file bytes.
    public func serialized(quantization: Quantization = .int8) -> [UInt8] {
        let k = labels.count
        let buckets = 1 << features.bucketBits
        var scales = [Float](repeating: 1, count: k)
        if quantization != .float32 {
            for j in 0..<k {
                var m: Float = 0
                for b in 0..<buckets { m = max(m, abs(weights[b * k + j])) }
                scales[j] = m > 0 ? m / quantization.maxLevel : 1
            }
        }
        let idfScale = idf.map { max($0.max() ?? 1, 1e-6) / 255 }
        let header = Header(labels: labels, features: features, quantization: quantization, scales: scales, biases: biases, notes: notes, idfScale: idfScale)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = (try? encoder.encode(header)).map { [UInt8]($0) } ?? []
        var out = Self.magic
        out.reserveCapacity(out.count + 16 + json.count + weights.count * quantization.bytes)
        appendLE(Self.formatVersion, to: &out)
        appendLE(UInt32(json.count), to: &out)
        out += json
        switch quantization {
        case .float32:
            for w in weights { appendLE(w.bitPattern, to: &out) }
        case .int16:
            for (i, w) in weights.enumerated() {
                let q = Int16((w / scales[i % k]).rounded().clamped(-32767, 32767))
                appendLE(UInt16(bitPattern: q), to: &out)
            }
        case .int8:
            for (i, w) in weights.enumerated() {
                out.append(UInt8(bitPattern: Int8((w / scales[i % k]).rounded().clamped(-127, 127))))
            }
        }
        if let idf, let idfScale {
            for v in idf { out.append(UInt8((v / idfScale).rounded().clamped(0, 255))) }
        }
        appendLE(fnv1a64(out), to: &out)
        return out
    }

    /// Writes the model file.
    public func save(to path: String, quantization: Quantization = .int8) throws(ClassifyError) {
        do {
            try Data(serialized(quantization: quantization)).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .modelNotWritten(path: path, reason: "\(error.localizedDescription)")
        }
    }

    /// Reads a model file.
    public static func load(path: String) throws(ClassifyError) -> TextModel {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .modelUnreadable(path: path, reason: error.localizedDescription)
        }
        return try TextModel(bytes: [UInt8](data), path: path)
    }

    /// Parses model file bytes; `path` only names the file in errors.
    public init(bytes: [UInt8], path: String = "(memory)") throws(ClassifyError) {
        guard bytes.count >= 8, Array(bytes[0..<8]) == Self.magic else { throw .notAModel(path: path) }
        guard bytes.count >= 8 + 8 + 8 else { throw .corruptModel(path: path, detail: "truncated header") }
        let version = readLE(UInt32.self, bytes, at: 8)
        guard version == Self.formatVersion else {
            throw .unsupportedModelVersion(path: path, found: version, supported: Self.formatVersion)
        }
        let stored = readLE(UInt64.self, bytes, at: bytes.count - 8)
        guard stored == fnv1a64(bytes[0..<(bytes.count - 8)]) else {
            throw .corruptModel(path: path, detail: "checksum mismatch")
        }
        let headerLength = Int(readLE(UInt32.self, bytes, at: 12))
        guard 16 + headerLength <= bytes.count - 8 else { throw .corruptModel(path: path, detail: "header length \(headerLength) past end of file") }
        let header: Header
        do { header = try JSONDecoder().decode(Header.self, from: Data(bytes[16..<(16 + headerLength)])) } catch {
            throw .corruptModel(path: path, detail: "unreadable header")
        }
        let k = header.labels.count
        if let problem = header.features.problem() { throw .corruptModel(path: path, detail: problem) }
        guard k >= 1, header.scales.count == k, header.biases.count == k, Set(header.labels).count == k else {
            throw .corruptModel(path: path, detail: "label, scale and bias counts disagree")
        }
        let buckets = 1 << header.features.bucketBits
        let count = k * buckets
        let start = 16 + headerLength
        let idfBytes = header.idfScale == nil ? 0 : buckets
        guard bytes.count - 8 - start == count * header.quantization.bytes + idfBytes else {
            throw .corruptModel(path: path, detail: "expected \(count) weights of \(header.quantization.bytes) bytes")
        }
        let scales = header.scales
        let weights = [Float](unsafeUninitializedCapacity: count) { w, initialized in
            bytes.withUnsafeBufferPointer { p in
                var i = 0
                for _ in 0..<buckets {
                    for j in 0..<k {
                        switch header.quantization {
                        case .int8:
                            w[i] = Float(Int8(bitPattern: p[start + i])) * scales[j]
                        case .int16:
                            let u = UInt16(p[start + 2 * i]) | UInt16(p[start + 2 * i + 1]) << 8
                            w[i] = Float(Int16(bitPattern: u)) * scales[j]
                        case .float32:
                            let o = start + 4 * i
                            let u = UInt32(p[o]) | UInt32(p[o + 1]) << 8 | UInt32(p[o + 2]) << 16 | UInt32(p[o + 3]) << 24
                            w[i] = Float(bitPattern: u)
                        }
                        i += 1
                    }
                }
            }
            initialized = count
        }
        var idf: [Float]? = nil
        if let s = header.idfScale {
            let o = start + count * header.quantization.bytes
            idf = bytes[o..<(o + buckets)].map { Float($0) * s }
        }
        self.init(labels: header.labels, features: header.features, notes: header.notes, weights: weights, biases: header.biases, idf: idf)
    }

    /// The model shipped in the package's resources (4 sections: it, sports, entertainment, general).
    public static func shipped() throws(ClassifyError) -> TextModel {
        guard let url = Bundle.module.url(forResource: "section-model", withExtension: "ndcm", subdirectory: "Resources")
            ?? Bundle.module.url(forResource: "section-model", withExtension: "ndcm") else {
            throw .shippedModelMissing
        }
        return try load(path: url.path)
    }
}

extension Float {
    fileprivate func clamped(_ lo: Float, _ hi: Float) -> Float { Swift.min(Swift.max(self, lo), hi) }
}

private func appendLE<T: FixedWidthInteger>(_ v: T, to out: inout [UInt8]) {
    var x = v.littleEndian
    withUnsafeBytes(of: &x) { out += $0 }
}

private func readLE<T: FixedWidthInteger>(_: T.Type, _ bytes: [UInt8], at offset: Int) -> T {
    var v: T = 0
    for i in 0..<MemoryLayout<T>.size { v |= T(bytes[offset + i]) << (8 * i) }
    return v
}

private func fnv1a64<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
    return h
}
