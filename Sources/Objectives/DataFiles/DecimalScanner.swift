#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one decimal number from a zero-terminated byte buffer, correctly rounded: numbers of at most
/// 19 significant digits whose mantissa m ≤ 2⁵³ and decimal exponent |e| ≤ 22 take Clinger's fast path
/// (m and 10^|e| are exact doubles, so m·10^e or m/10^−e is one correctly rounded operation; W. D.
/// Clinger, "How to read floating point numbers accurately", PLDI 1990); every other spelling
/// (more digits, large exponents, `nan`, `inf`) goes to the C library's `strtod`, which is correctly
/// rounded too. So the result is bitwise `strtod`'s (speed: docs/performance.md).
enum DecimalScanner {
    static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ]

    /// The number at `start` and the first byte after it (`start` itself when there is no number).
    @inline(__always)
    static func scan(_ start: UnsafeMutablePointer<UInt8>) -> (Double, UnsafeMutablePointer<UInt8>) {
        var cursor = start
        var negative = false
        if cursor.pointee == UInt8(ascii: "-") {
            negative = true
            cursor += 1
        } else if cursor.pointee == UInt8(ascii: "+") {
            cursor += 1
        }
        var mantissa: UInt64 = 0
        var significant = 0
        var digits = 0
        var exponent = 0
        while cursor.pointee &- 48 < 10 {
            if mantissa != 0 || cursor.pointee != 48 { significant += 1 }
            mantissa = mantissa &* 10 &+ UInt64(cursor.pointee &- 48)
            digits += 1
            cursor += 1
        }
        if cursor.pointee == UInt8(ascii: ".") {
            cursor += 1
            while cursor.pointee &- 48 < 10 {
                if mantissa != 0 || cursor.pointee != 48 { significant += 1 }
                mantissa = mantissa &* 10 &+ UInt64(cursor.pointee &- 48)
                exponent -= 1
                digits += 1
                cursor += 1
            }
        }
        guard digits > 0, significant <= 19 else { return fallback(start) }
        if cursor.pointee | 0x20 == UInt8(ascii: "e") {
            var probe = cursor + 1
            var exponentNegative = false
            if probe.pointee == UInt8(ascii: "-") {
                exponentNegative = true
                probe += 1
            } else if probe.pointee == UInt8(ascii: "+") {
                probe += 1
            }
            var value = 0
            var count = 0
            while probe.pointee &- 48 < 10 {
                value = value * 10 + Int(probe.pointee &- 48)
                count += 1
                probe += 1
                if count > 4 { return fallback(start) }
            }
            if count > 0 {
                exponent += exponentNegative ? -value : value
                cursor = probe
            }
        }
        guard mantissa <= 1 << 53, exponent >= -22, exponent <= 22 else { return fallback(start) }
        var value = Double(mantissa)
        value = exponent < 0 ? value / powersOfTen[-exponent] : value * powersOfTen[exponent]
        return (negative ? -value : value, cursor)
    }

    static func fallback(_ start: UnsafeMutablePointer<UInt8>) -> (Double, UnsafeMutablePointer<UInt8>) {
        var end: UnsafeMutablePointer<CChar>?
        let value = strtod(UnsafeMutableRawPointer(start).assumingMemoryBound(to: CChar.self), &end)
        return (value, UnsafeMutableRawPointer(end!).assumingMemoryBound(to: UInt8.self))
    }
}
