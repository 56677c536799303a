#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one decimal number from a zero-terminated byte buffer, correctly rounded: numbers of at most
/// 19 digits whose mantissa m ≤ 2⁵³ and decimal exponent |e| ≤ 22 take Clinger's fast path
/// (m and 10^|e| are exact doubles, so m·10^e or m/10^−e is one correctly rounded operation; W. D.
/// Clinger, "How to read floating point numbers accurately", PLDI 1990); every other spelling
/// (more digits, large exponents, `nan`, `inf`) goes to the C library's `strtod`, which is correctly
/// rounded too. So the result is bitwise `strtod`'s (speed: docs/performance.md).
///
/// Fraction digits are read eight at a time where eight bytes remain before `limit` (SWAR: one 64-bit load
/// finds how many leading bytes are digits and converts them with three multiplications, as in
/// D. Lemire, "Number parsing at a gigabyte per second", Software: Practice and Experience 51(8), 2021).
enum DecimalScanner {
    static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ]
    static let integerPowersOfTen: [UInt64] = [1, 10, 100, 1000, 10000, 100_000, 1_000_000, 10_000_000, 100_000_000]

    /// The number at `start` and the first byte after it (`start` itself when there is no number).
    /// `limit` is the end of the readable buffer (the zero terminator lies before it).
    @inline(__always)
    static func scan(
        _ start: UnsafeMutablePointer<UInt8>, limit: UnsafeMutablePointer<UInt8>
    ) -> (Double, UnsafeMutablePointer<UInt8>) {
        // The sign without a branch (half the numbers of a data file are negative: unpredictable).
        let first = start.pointee
        let negative = first == UInt8(ascii: "-")
        var cursor = start + (negative || first == UInt8(ascii: "+") ? 1 : 0)
        var mantissa: UInt64 = 0
        let integerStart = cursor
        // Integer parts are mostly short: byte by byte.
        while cursor.pointee &- 48 < 10 {
            mantissa = mantissa &* 10 &+ UInt64(cursor.pointee &- 48)
            cursor += 1
        }
        var digitCount = cursor - integerStart
        var exponent = 0
        if cursor.pointee == UInt8(ascii: ".") {
            cursor += 1
            let fractionStart = cursor
            digits(&cursor, &mantissa, limit)
            exponent = fractionStart - cursor
            digitCount -= exponent
        }
        guard digitCount > 0, digitCount <= 19 else { return fallback(start) }
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
        // −value for a negative spelling, by its sign bit (−0 included).
        return (Double(bitPattern: value.bitPattern | (negative ? 1 << 63 : 0)), cursor)
    }

    /// Appends the run of decimal digits at `cursor` to `mantissa` (wrapping past 19 digits; the caller
    /// counts them) and moves `cursor` past it.
    @inline(__always)
    static func digits(
        _ cursor: inout UnsafeMutablePointer<UInt8>, _ mantissa: inout UInt64, _ limit: UnsafeMutablePointer<UInt8>
    ) {
        while limit - cursor >= 8 {
            let word = UnsafeRawPointer(cursor).loadUnaligned(as: UInt64.self).littleEndian
            // Byte-wise: a digit becomes 0…9; any other byte has bit 7 set after these steps.
            let shifted = word ^ 0x3030_3030_3030_3030
            let nonDigits =
                (((shifted & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7676_7676_7676_7676) | shifted) & 0x8080_8080_8080_8080
            let count = nonDigits == 0 ? 8 : nonDigits.trailingZeroBitCount >> 3
            if count == 0 { return }
            // The first `count` bytes, most significant digit first, moved to the top as 0…9 bytes.
            var chunk = (shifted & 0x0F0F_0F0F_0F0F_0F0F) << UInt64(64 - 8 * count)
            chunk = (chunk &* 10 &+ (chunk >> 8)) & 0x00FF_00FF_00FF_00FF
            chunk = (chunk &* 100 &+ (chunk >> 16)) & 0x0000_FFFF_0000_FFFF
            chunk = (chunk &* 10000 &+ (chunk >> 32)) & 0x0000_0000_FFFF_FFFF
            mantissa = mantissa &* integerPowersOfTen[count] &+ chunk
            cursor += count
            if count < 8 { return }
        }
        while cursor.pointee &- 48 < 10 {
            mantissa = mantissa &* 10 &+ UInt64(cursor.pointee &- 48)
            cursor += 1
        }
    }

    /// `strtod` at `start`, except that leading white space is no number (strtod would skip it, and with
    /// it a line end, and read the next line's number).
    static func fallback(_ start: UnsafeMutablePointer<UInt8>) -> (Double, UnsafeMutablePointer<UInt8>) {
        if start.pointee == 32 || (start.pointee >= 9 && start.pointee <= 13) { return (0, start) }
        var end: UnsafeMutablePointer<CChar>?
        let value = strtod(UnsafeMutableRawPointer(start).assumingMemoryBound(to: CChar.self), &end)
        return (value, UnsafeMutableRawPointer(end!).assumingMemoryBound(to: UInt8.self))
    }
}
