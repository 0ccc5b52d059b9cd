import Foundation

// The model file (little-endian):
//   8 bytes  magic "NDSECMDL"
//   u32      format version (3; version 2 files, which have no classes or temperature, are still read)
//   u32      header length H
//   H bytes  header, JSON: labels, classes and the label of each class (absent: one class per label), feature
//            settings, per-class scales and biases, the probability temperature (absent: 1), notes, idfScale, and
//            (optional) the script profile of the training letters
//   …        bucket rows, exactly the in-memory layout (`TextModel.rows`): per bucket the classes' Int8 weights
//            (weight = value × scale of the class), then the bucket's idf as a UInt8 (idf = value × idfScale;
//            1 when the header has no idfScale), zero-padded to a power of two (8 bytes for 4–7 classes, 16 for 8–15)
//   u64      FNV-1a 64 checksum of everything before it
// Version 1 (per-label Int8/Int16/Float32 weight matrix, then a separate idf array) is no longer read.

extension TextModel {
    /// The current file format version.
    public static let formatVersion: UInt32 = 3
    /// Older versions this NewsDesk still reads.
    static let readableVersions: ClosedRange<UInt32> = 2...3
    static let magic: [UInt8] = Array("NDSECMDL".utf8)

    struct Header: Codable {
        var labels: [String]
        /// The weight rows' classes and, per class, the index of its label; absent: one class per label.
        var classes: [String]?
        var classLabels: [Int]?
        /// Absent (version 2): 1.
        var temperature: Float?
        var features: FeatureSettings
        var rowStride: Int
        var scales: [Float]
        var biases: [Float]
        var notes: String
        var idfScale: Float?
        /// Optional: the training letters' scripts (absent in older files).
        var scripts: ScriptProfile?
    }

    /// The model as file bytes.
    public func serialized() -> [UInt8] {
        let split = classes != labels
        let header = Header(labels: labels, classes: split ? classes : nil, classLabels: split ? classLabel : nil, temperature: temperature,
                            features: features, rowStride: rowStride, scales: scales, biases: biases, notes: notes, idfScale: idfScale, scripts: scripts)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = (try? encoder.encode(header)).map { [UInt8]($0) } ?? []
        var out = Self.magic
        out.reserveCapacity(out.count + 16 + json.count + rows.count)
        appendLE(Self.formatVersion, to: &out)
        appendLE(UInt32(json.count), to: &out)
        out += json
        rows.withUnsafeBytes { out += $0 }
        appendLE(fnv1a64(out), to: &out)
        return out
    }

    /// Writes the model file.
    public func save(to path: String) throws(ClassifyError) {
        do {
            try Data(serialized()).write(to: URL(fileURLWithPath: path), options: .atomic)
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
        guard Self.readableVersions.contains(version) else {
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
        let classes = header.classes ?? header.labels
        let classLabels = header.classLabels ?? Array(header.labels.indices)
        let k = classes.count
        if let problem = header.features.problem() { throw .corruptModel(path: path, detail: problem) }
        guard k >= 1, header.scales.count == k, header.biases.count == k, Set(classes).count == k, Set(header.labels).count == header.labels.count,
              classLabels.count == k, classLabels.allSatisfy(header.labels.indices.contains) else {
            throw .corruptModel(path: path, detail: "label, class, scale and bias counts disagree")
        }
        let temperature = header.temperature ?? 1
        guard temperature.isFinite, temperature > 0 else { throw .corruptModel(path: path, detail: "temperature \(temperature) is not positive") }
        guard header.rowStride == Self.rowStride(labels: k) else {
            throw .corruptModel(path: path, detail: "row stride \(header.rowStride) does not fit \(k) labels")
        }
        let count = (1 << header.features.bucketBits) * header.rowStride
        let start = 16 + headerLength
        guard bytes.count - 8 - start == count else {
            throw .corruptModel(path: path, detail: "expected \(count) bytes of weight rows, found \(bytes.count - 8 - start)")
        }
        let rows = [Int8](unsafeUninitializedCapacity: count) { r, initialized in
            bytes.withUnsafeBytes { p in
                UnsafeMutableRawBufferPointer(r).copyMemory(from: UnsafeRawBufferPointer(rebasing: p[start..<(start + count)]))
            }
            initialized = count
        }
        self.init(labels: header.labels, classes: classes, classLabel: classLabels, features: header.features, notes: header.notes, rows: rows,
                  scales: header.scales, biases: header.biases, idfScale: header.idfScale, temperature: temperature, scripts: header.scripts)
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
