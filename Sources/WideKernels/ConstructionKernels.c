// The construction kernels (see include/ConstructionKernels.h). ConstructionKernelsBody.h and
// TridiagonalKernelsBody.h hold their code once; it is compiled here for the baseline target and, on
// x86-64, again for AVX; gdbench_dot_block also has a 512-bit version below. Contraction is off, so no
// product is fused with an addition on any target and the builds agree bit for bit.
#pragma clang fp contract(off)

#include "ConstructionKernels.h"
#include "WideKernels.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef double v4d __attribute__((vector_size(32)));

// Macros rather than functions: a 32-byte vector cannot cross a call on a target without AVX.
#define load4(p) ({ v4d loaded_; memcpy(&loaded_, (p), sizeof loaded_); loaded_; })
#define store4(p, v) do { v4d stored_ = (v); memcpy((p), &stored_, sizeof stored_); } while (0)
#define splat4(x) ({ double splat_ = (x); (v4d){splat_, splat_, splat_, splat_}; })
/// (l0 + l1) + (l2 + l3).
#define reduce4(s) ({ v4d reduced_ = (s); (reduced_[0] + reduced_[1]) + (reduced_[2] + reduced_[3]); })

#define TARGET
#define NAME(x) x##_portable
#include "ConstructionKernelsBody.h"
#include "TridiagonalKernelsBody.h"
#undef TARGET
#undef NAME

#if defined(__x86_64__)
#define TARGET __attribute__((target("avx")))
#define NAME(x) x##_avx
#include "ConstructionKernelsBody.h"
#include "TridiagonalKernelsBody.h"
#define HAS_AVX_BUILD 1
#else
#define HAS_AVX_BUILD 0
#endif

#if HAS_AVX_BUILD
// gdbench_dot_block with 512-bit registers, where AVX-512F is usable. Each register holds the four lanes
// of two entries (columns c and c + 1 of one row), so every entry still gets exactly the four-lane sums
// of dotMicro3x4, reduced the same way: the result is bitwise the portable one.
#define WIDE __attribute__((target("avx512f")))
typedef double v8d __attribute__((vector_size(64)));
#define load8(p) ({ v8d loaded8_; memcpy(&loaded8_, (p), sizeof loaded8_); loaded8_; })

/// Columns c0 ≤ c < c0 + width (width even) of y, entries k0 ≤ k < k0 + kc, k-quad by k-quad: quad m holds
/// the four entries of column c0 + 2g at packed[m·4·width + 8g], then those of column c0 + 2g + 1.
WIDE static void packPairs(const double *y, ptrdiff_t ldy, ptrdiff_t c0, ptrdiff_t width, ptrdiff_t k0, ptrdiff_t kc,
                           double *packed) {
    for (ptrdiff_t c = 0; c < width; c++) {
        const double *column = y + (c0 + c) * ldy + k0;
        double *to = packed + (c / 2) * 8 + (c % 2) * 4;
        for (ptrdiff_t m = 0; m < kc; m += 4) memcpy(to + m * width, column + m, 32);
    }
}

#define WIDE_ROWS 6
#ifndef WIDE_COLUMNS
#define WIDE_COLUMNS 256
#endif
#define WIDE_STEP(r)                                                                                    \
    {                                                                                                  \
        v4d half_ = load4(x + (r) * ldx + k);                                                         \
        v8d a_ = __builtin_shufflevector(half_, half_, 0, 1, 2, 3, 0, 1, 2, 3);                        \
        s##r##0 += a_ * b0; s##r##1 += a_ * b1; s##r##2 += a_ * b2; s##r##3 += a_ * b3;                 \
    }
#define WIDE_STORE(r, g)                                                                                \
    {                                                                                                  \
        v8d t_ = s##r##g;                                                                              \
        out[(r) * outP + (2 * (g)) * outC] += (t_[0] + t_[1]) + (t_[2] + t_[3]);                       \
        out[(r) * outP + (2 * (g) + 1) * outC] += (t_[4] + t_[5]) + (t_[6] + t_[7]);                   \
    }
#define WIDE_ROW_STORE(r) WIDE_STORE(r, 0) WIDE_STORE(r, 1) WIDE_STORE(r, 2) WIDE_STORE(r, 3)

/// One chunk of 6 rows × 8 columns: kc products per entry in four lanes, from the packed columns.
WIDE static void dotMicro6x8(const double *x, ptrdiff_t ldx, const double *packed, ptrdiff_t quadStride, ptrdiff_t kc,
                             double *out, ptrdiff_t outP, ptrdiff_t outC) {
    v8d s00 = {0}, s01 = {0}, s02 = {0}, s03 = {0}, s10 = {0}, s11 = {0}, s12 = {0}, s13 = {0};
    v8d s20 = {0}, s21 = {0}, s22 = {0}, s23 = {0}, s30 = {0}, s31 = {0}, s32 = {0}, s33 = {0};
    v8d s40 = {0}, s41 = {0}, s42 = {0}, s43 = {0}, s50 = {0}, s51 = {0}, s52 = {0}, s53 = {0};
    for (ptrdiff_t k = 0; k < kc; k += 4) {
        const double *quad = packed + (k / 4) * quadStride;
        v8d b0 = load8(quad), b1 = load8(quad + 8), b2 = load8(quad + 16), b3 = load8(quad + 24);
        WIDE_STEP(0) WIDE_STEP(1) WIDE_STEP(2) WIDE_STEP(3) WIDE_STEP(4) WIDE_STEP(5)
    }
    WIDE_ROW_STORE(0) WIDE_ROW_STORE(1) WIDE_ROW_STORE(2) WIDE_ROW_STORE(3) WIDE_ROW_STORE(4) WIDE_ROW_STORE(5)
}

/// The chunk k0 ≤ k < k0 + kc (kc a multiple of 4, no tail) of columns c0 ≤ c < c1: blocks of 6 rows × 8
/// columns from the packed pairs, the entries around them one by one (dotChunk_avx, the same sums).
WIDE static void dotChunkBlockWide(const double *x, ptrdiff_t ldx, ptrdiff_t P, const double *y, ptrdiff_t ldy,
                                   ptrdiff_t c0, ptrdiff_t c1, ptrdiff_t k0, ptrdiff_t kc, double *out, ptrdiff_t outP,
                                   ptrdiff_t outC, bool upperOnly, double *packed) {
    ptrdiff_t width = (c1 - c0) & ~(ptrdiff_t)7;
    packPairs(y, ldy, c0, width, k0, kc, packed);
    ptrdiff_t pEnd = upperOnly ? (c1 < P ? c1 : P) : P;
    for (ptrdiff_t p = 0; p < pEnd; p += WIDE_ROWS) {
        ptrdiff_t cStart = c0;
        if (upperOnly && p > cStart) cStart = p - (p - c0) % 8;  // the 8-block holding c = p
        ptrdiff_t c = cStart;
        if (p + WIDE_ROWS <= P) {
            for (; c + 8 <= c0 + width; c += 8)
                dotMicro6x8(x + p * ldx + k0, ldx, packed + (c - c0) * 4, 4 * width, kc, out + p * outP + c * outC,
                            outP, outC);
        }
        for (ptrdiff_t q = p; q < p + WIDE_ROWS && q < P; q++)
            for (ptrdiff_t cc = c; cc < c1; cc++)
                out[q * outP + cc * outC] += dotChunk_avx(x + q * ldx + k0, y + cc * ldy + k0, kc, 0);
    }
}

WIDE static void dotBlockWide(const double *x, ptrdiff_t ldx, ptrdiff_t P, const double *y, ptrdiff_t ldy,
                              ptrdiff_t C, ptrdiff_t K, double *out, ptrdiff_t outP, ptrdiff_t outC, bool accumulate,
                              bool upperOnly, double *packed) {
    if (!accumulate) {
        for (ptrdiff_t p = 0; p < P; p++)
            for (ptrdiff_t c = 0; c < C; c++) out[p * outP + c * outC] = 0;
    }
    for (ptrdiff_t c0 = 0; c0 < C; c0 += WIDE_COLUMNS) {
        ptrdiff_t c1 = c0 + WIDE_COLUMNS < C ? c0 + WIDE_COLUMNS : C;
        for (ptrdiff_t k0 = 0; k0 < K; k0 += DOT_CHUNK) {
            ptrdiff_t span = K - k0 < DOT_CHUNK ? K - k0 : DOT_CHUNK;
            if (span % 4 == 0)
                dotChunkBlockWide(x, ldx, P, y, ldy, c0, c1, k0, span, out, outP, outC, upperOnly, packed);
            else
                dotChunkBlock_avx(x, ldx, P, y, ldy, c0, c1, k0, span, out, outP, outC, upperOnly);
        }
    }
}

/// 1 when the 512-bit build runs, 0 when not, −1 before the first call asks the CPU.
static int wideUsable = -1;
#endif

void gdbench_dot_block(const double *x, ptrdiff_t ldx, ptrdiff_t P, const double *y, ptrdiff_t ldy, ptrdiff_t C,
                       ptrdiff_t K, double *out, ptrdiff_t outP, ptrdiff_t outC, bool accumulate, bool upperOnly,
                       bool avx) {
#if HAS_AVX_BUILD
    if (avx && P >= 2 * WIDE_ROWS && C >= 16 && K >= 64) {
        if (wideUsable < 0) wideUsable = gdbench_avx512_usable() ? 1 : 0;
        double *packed = wideUsable ? malloc(WIDE_COLUMNS * DOT_CHUNK * sizeof(double)) : NULL;
        if (packed) {
            dotBlockWide(x, ldx, P, y, ldy, C, K, out, outP, outC, accumulate, upperOnly, packed);
            free(packed);
            return;
        }
    }
    if (avx) return dotBlock_avx(x, ldx, P, y, ldy, C, K, out, outP, outC, accumulate, upperOnly);
#endif
    dotBlock_portable(x, ldx, P, y, ldy, C, K, out, outP, outC, accumulate, upperOnly);
}

void gdbench_subtract_product(double *c, ptrdiff_t ldc, ptrdiff_t M, ptrdiff_t N, const double *v, ptrdiff_t ldv,
                              const double *w, ptrdiff_t ldw, ptrdiff_t K, bool avx) {
#if HAS_AVX_BUILD
    if (avx) return subtractProduct_avx(c, ldc, M, N, v, ldv, w, ldw, K);
#endif
    subtractProduct_portable(c, ldc, M, N, v, ldv, w, ldw, K);
}

ptrdiff_t gdbench_orthogonal_factor_work(ptrdiff_t n) {
    return 2 * n + FACTOR_BLOCK * FACTOR_BLOCK + 2 * n * FACTOR_BLOCK;
}

void gdbench_orthogonal_factor(double *a, ptrdiff_t n, double *work, bool avx) {
#if HAS_AVX_BUILD
    if (avx) return orthogonalFactor_avx(a, n, work);
#endif
    orthogonalFactor_portable(a, n, work);
}

ptrdiff_t gdbench_tridiagonalize_work(ptrdiff_t n) { return 6 * n * TRIDIAGONAL_BLOCK + n + 2 * TRIDIAGONAL_BLOCK; }

void gdbench_tridiagonalize(double *a, ptrdiff_t n, double *diagonal, double *offDiagonal, double *work, bool avx) {
#if HAS_AVX_BUILD
    if (avx) return tridiagonalize_avx(a, n, diagonal, offDiagonal, work, true);
#endif
    tridiagonalize_portable(a, n, diagonal, offDiagonal, work, false);
}
