#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One iconv conversion descriptor from a charset (to UTF-8 or UTF-32LE). It owns the descriptor and closes it when
/// released.
///
/// The C library's own iconv (glibc's gconv on Debian), used directly: for the tables the decoder builds once
/// (`CP949Index`, `SingleByteIndex`) and for the charsets it has no table for. Not Sendable: a descriptor keeps shift
/// state, so each conversion opens its own.
final class Iconv {
    private let cd: iconv_t

    /// Opens `from` → `to`; nil when iconv does not know one of the names.
    init?(from: String, to: String = "UTF-8") {
        guard let cd = iconv_open(to, from), cd != iconv_t(bitPattern: -1) else { return nil }
        self.cd = cd
    }

    deinit { iconv_close(cd) }

    /// What one call to iconv did with (part of) the input.
    enum Step {
        /// All input consumed.
        case done
        /// Output space ran out.
        case outputFull
        /// An invalid sequence starts at the input position left.
        case invalid
        /// The input ends inside a sequence.
        case incomplete
    }

    /// Converts from `input[inPos...]` into `output[outPos...]`, advancing both positions.
    func step(_ input: UnsafeBufferPointer<UInt8>, _ inPos: inout Int, _ output: UnsafeMutableBufferPointer<UInt8>, _ outPos: inout Int) -> Step {
        guard let inBase = input.baseAddress, let outBase = output.baseAddress else { return .done }
        var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: inBase + inPos).assumingMemoryBound(to: CChar.self)
        var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase + outPos).assumingMemoryBound(to: CChar.self)
        var inLeft = input.count - inPos
        var outLeft = output.count - outPos
        let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
        let err = errno
        inPos = input.count - inLeft
        outPos = output.count - outLeft
        if r != -1 { return .done }
        switch err {
        case E2BIG: return .outputFull
        case EINVAL: return .incomplete
        default: return .invalid
        }
    }

    /// Writes what a stateful charset (ISO-2022-JP) still owes at the end of the input and returns to the initial state.
    func finish(_ output: UnsafeMutableBufferPointer<UInt8>, _ outPos: inout Int) {
        guard let outBase = output.baseAddress else { return }
        var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase + outPos).assumingMemoryBound(to: CChar.self)
        var outLeft = output.count - outPos
        _ = iconv(cd, nil, nil, &outPtr, &outLeft)
        outPos = output.count - outLeft
    }

    /// The one scalar `bytes` converts to on their own (with a descriptor opened `to: "UTF-32LE"`), nil when they are
    /// invalid, incomplete or more than one character. Resets the descriptor first.
    func scalar(of bytes: [UInt8]) -> UInt32? {
        _ = iconv(cd, nil, nil, nil, nil)
        var out: (UInt32, UInt32) = (0, 0)
        let written: Int? = bytes.withUnsafeBufferPointer { inBuf in
            withUnsafeMutableBytes(of: &out) { raw in
                let outBuf = raw.bindMemory(to: UInt8.self)
                var i = 0, o = 0
                guard case .done = step(inBuf, &i, outBuf, &o), i == inBuf.count else { return nil }
                return o
            }
        }
        guard written == 4 else { return nil }
        return UInt32(littleEndian: out.0)
    }
}

@available(*, unavailable)
extension Iconv: Sendable {}
