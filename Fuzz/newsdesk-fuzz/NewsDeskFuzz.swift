import CFuzzDriver
import Foundation
import TestSupport

/// The libFuzzer driver for NewsDesk's fuzz targets (docs/fuzzing.md). Built only by `scripts/fuzz.sh`
/// (`NEWSDESK_FUZZ=1`, `-sanitize=fuzzer,address`, scratch path `.build-fuzz`).
///
///     newsdesk-fuzz TARGET [libFuzzer options] [CORPUS_DIR …]   fuzz (TARGET: sanitize feeds decode dates extract config)
///     newsdesk-fuzz seeds TARGET DIR                            write the seed corpus built from fixtures/
///     newsdesk-fuzz check TARGET FILE …                         run the property checks on saved inputs and print them
///
/// A violated property prints `PROPERTY VIOLATION` and aborts, so libFuzzer saves the input as a crash.
@main
struct NewsDeskFuzz {
    nonisolated(unsafe) static var target: FuzzTarget = .sanitize

    static func main() {
        var args = CommandLine.arguments
        if args.count >= 4, args[1] == "seeds", let t = FuzzTarget(rawValue: args[2]) {
            let dir = URL(fileURLWithPath: args[3])
            try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let seeds = FuzzSeeds.seeds(for: t)
            for s in seeds { try? Data(s.bytes).write(to: dir.appendingPathComponent(s.name)) }
            print("\(seeds.count) seeds for \(t.rawValue) in \(dir.path)")
            return
        }
        if args.count >= 4, args[1] == "check", let t = FuzzTarget(rawValue: args[2]) {
            var failed = 0
            for path in args[3...] {
                guard let data = FileManager.default.contents(atPath: path) else { print("\(path): unreadable"); failed += 1; continue }
                let v = t.check([UInt8](data))
                print(v.isEmpty ? "\(path): ok" : "\(path): \(v.count) violations\n  " + v.joined(separator: "\n  "))
                if !v.isEmpty { failed += 1 }
            }
            exit(failed == 0 ? 0 : 1)
        }
        // The target from argv[1], or from the environment (libFuzzer re-runs itself without our first argument).
        if args.count >= 2, let t = FuzzTarget(rawValue: args[1]) {
            target = t
            args.remove(at: 1)
            setenv("NEWSDESK_FUZZ_TARGET", t.rawValue, 1)
        } else if let name = ProcessInfo.processInfo.environment["NEWSDESK_FUZZ_TARGET"], let t = FuzzTarget(rawValue: name) {
            target = t
        } else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: " ")
            FileHandle.standardError.write(Data("usage: newsdesk-fuzz TARGET [libFuzzer options] [CORPUS …] | seeds TARGET DIR | check TARGET FILE …\n  TARGET: \(names)\n".utf8))
            exit(64)
        }
        var argc = CInt(args.count)
        var argv: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
        let status = argv.withUnsafeMutableBufferPointer { buf -> CInt in
            var p = buf.baseAddress
            return LLVMFuzzerRunDriver(&argc, &p) { data, size in
                let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
                let violations = NewsDeskFuzz.target.check(bytes)
                if !violations.isEmpty {
                    let text = "\n==== PROPERTY VIOLATION (\(NewsDeskFuzz.target.rawValue), \(bytes.count) bytes)\n  "
                        + violations.joined(separator: "\n  ") + "\n"
                    FileHandle.standardError.write(Data(text.utf8))
                    abort()
                }
                return 0
            }
        }
        exit(status)
    }
}
