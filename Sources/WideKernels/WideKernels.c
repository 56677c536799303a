// AVX kernels that reproduce the portable Swift kernels bit for bit (see include/WideKernels.h).
// Every function is compiled for AVX alone (no FMA, no AVX2; the matrix product also in an AVX-512F
// version for CPUs that have it, still without FMA) and floating-point contraction is off,
// so each product is rounded before it is added, exactly as in the Swift code; the additions are done
// in the Swift code's order, lane for lane. The caller checks gdbench_avx_usable() first.
#pragma clang fp contract(off)

#include "WideKernels.h"

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>

#define AVX __attribute__((target("avx")))
#define AVX_INLINE __attribute__((target("avx"), always_inline)) static inline

bool gdbench_avx_usable(void) {
    unsigned eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return false;
    const unsigned osxsave = 1u << 27, avx = 1u << 28;
    if ((ecx & osxsave) == 0 || (ecx & avx) == 0) return false;
    unsigned low, high;
    __asm__ volatile("xgetbv" : "=a"(low), "=d"(high) : "c"(0));
    const unsigned sseAndYmmState = (1u << 1) | (1u << 2);
    return (low & sseAndYmmState) == sseAndYmmState;
}

/// ((s[0] + s[1]) + (s[2] + s[3])) + tail for s = sum0 + sum1, as VectorKernels.portableDot ends.
AVX_INLINE double finishDot(__m256d sum0, __m256d sum1, double tail) {
    double s[4];
    _mm256_storeu_pd(s, _mm256_add_pd(sum0, sum1));
    return ((s[0] + s[1]) + (s[2] + s[3])) + tail;
}

AVX double gdbench_avx_dot(const double *a, const double *b, ptrdiff_t count) {
    __m256d sum0 = _mm256_setzero_pd(), sum1 = _mm256_setzero_pd();
    ptrdiff_t i = 0;
    for (; i + 8 <= count; i += 8) {
        sum0 = _mm256_add_pd(sum0, _mm256_mul_pd(_mm256_loadu_pd(a + i), _mm256_loadu_pd(b + i)));
        sum1 = _mm256_add_pd(sum1, _mm256_mul_pd(_mm256_loadu_pd(a + i + 4), _mm256_loadu_pd(b + i + 4)));
    }
    double tail = 0.0;
    for (; i < count; i++) tail += a[i] * b[i];
    return finishDot(sum0, sum1, tail);
}

/// Four rows of gdbench_avx_dot at once: eight independent accumulators hide the latency of the
/// additions, and each load of w serves four rows.
AVX_INLINE void dotFourRows(const double *rows, ptrdiff_t stride, const double *w, ptrdiff_t count, double *out) {
    const double *r0 = rows, *r1 = rows + stride, *r2 = rows + 2 * stride, *r3 = rows + 3 * stride;
    __m256d a0 = _mm256_setzero_pd(), b0 = _mm256_setzero_pd(), a1 = _mm256_setzero_pd(), b1 = _mm256_setzero_pd();
    __m256d a2 = _mm256_setzero_pd(), b2 = _mm256_setzero_pd(), a3 = _mm256_setzero_pd(), b3 = _mm256_setzero_pd();
    ptrdiff_t i = 0;
    for (; i + 8 <= count; i += 8) {
        const __m256d w0 = _mm256_loadu_pd(w + i), w1 = _mm256_loadu_pd(w + i + 4);
        a0 = _mm256_add_pd(a0, _mm256_mul_pd(_mm256_loadu_pd(r0 + i), w0));
        b0 = _mm256_add_pd(b0, _mm256_mul_pd(_mm256_loadu_pd(r0 + i + 4), w1));
        a1 = _mm256_add_pd(a1, _mm256_mul_pd(_mm256_loadu_pd(r1 + i), w0));
        b1 = _mm256_add_pd(b1, _mm256_mul_pd(_mm256_loadu_pd(r1 + i + 4), w1));
        a2 = _mm256_add_pd(a2, _mm256_mul_pd(_mm256_loadu_pd(r2 + i), w0));
        b2 = _mm256_add_pd(b2, _mm256_mul_pd(_mm256_loadu_pd(r2 + i + 4), w1));
        a3 = _mm256_add_pd(a3, _mm256_mul_pd(_mm256_loadu_pd(r3 + i), w0));
        b3 = _mm256_add_pd(b3, _mm256_mul_pd(_mm256_loadu_pd(r3 + i + 4), w1));
    }
    double t0 = 0.0, t1 = 0.0, t2 = 0.0, t3 = 0.0;
    for (; i < count; i++) {
        t0 += r0[i] * w[i];
        t1 += r1[i] * w[i];
        t2 += r2[i] * w[i];
        t3 += r3[i] * w[i];
    }
    out[0] = finishDot(a0, b0, t0);
    out[1] = finishDot(a1, b1, t1);
    out[2] = finishDot(a2, b2, t2);
    out[3] = finishDot(a3, b3, t3);
}

AVX void gdbench_avx_dot_rows(const double *rows, ptrdiff_t stride, ptrdiff_t rowCount, const double *w,
                              ptrdiff_t count, double *out) {
    ptrdiff_t r = 0;
    for (; r + 4 <= rowCount; r += 4) dotFourRows(rows + r * stride, stride, w, count, out + r);
    for (; r < rowCount; r++) out[r] = gdbench_avx_dot(rows + r * stride, w, count);
}

AVX void gdbench_avx_axpy(double alpha, const double *x, double *y, ptrdiff_t count) {
    const __m256d scale = _mm256_set1_pd(alpha);
    ptrdiff_t i = 0;
    for (; i + 8 <= count; i += 8) {
        const __m256d y0 = _mm256_add_pd(_mm256_loadu_pd(y + i), _mm256_mul_pd(scale, _mm256_loadu_pd(x + i)));
        const __m256d y1 = _mm256_add_pd(_mm256_loadu_pd(y + i + 4), _mm256_mul_pd(scale, _mm256_loadu_pd(x + i + 4)));
        _mm256_storeu_pd(y + i, y0);
        _mm256_storeu_pd(y + i + 4, y1);
    }
    for (; i < count; i++) y[i] += alpha * x[i];
}

/// Four rows of gdbench_avx_axpy at once: y[i] ← (((y[i] + c0·x0[i]) + c1·x1[i]) + c2·x2[i]) + c3·x3[i]
/// is, element by element, what four axpys in a row compute, with one load and store of y instead of four.
AVX_INLINE void axpyFourRows(const double *c, const double *rows, ptrdiff_t stride, double *y, ptrdiff_t count) {
    const double *r0 = rows, *r1 = rows + stride, *r2 = rows + 2 * stride, *r3 = rows + 3 * stride;
    const __m256d c0 = _mm256_set1_pd(c[0]), c1 = _mm256_set1_pd(c[1]);
    const __m256d c2 = _mm256_set1_pd(c[2]), c3 = _mm256_set1_pd(c[3]);
    ptrdiff_t i = 0;
    for (; i + 4 <= count; i += 4) {
        __m256d sum = _mm256_loadu_pd(y + i);
        sum = _mm256_add_pd(sum, _mm256_mul_pd(c0, _mm256_loadu_pd(r0 + i)));
        sum = _mm256_add_pd(sum, _mm256_mul_pd(c1, _mm256_loadu_pd(r1 + i)));
        sum = _mm256_add_pd(sum, _mm256_mul_pd(c2, _mm256_loadu_pd(r2 + i)));
        sum = _mm256_add_pd(sum, _mm256_mul_pd(c3, _mm256_loadu_pd(r3 + i)));
        _mm256_storeu_pd(y + i, sum);
    }
    for (; i < count; i++) y[i] = (((y[i] + c[0] * r0[i]) + c[1] * r1[i]) + c[2] * r2[i]) + c[3] * r3[i];
}

AVX void gdbench_avx_axpy_rows(const double *coefficients, const double *rows, ptrdiff_t stride, ptrdiff_t rowCount,
                               double *y, ptrdiff_t count) {
    ptrdiff_t r = 0;
    for (; r + 4 <= rowCount; r += 4) axpyFourRows(coefficients + r, rows + r * stride, stride, y, count);
    for (; r < rowCount; r++) gdbench_avx_axpy(coefficients[r], rows + r * stride, y, count);
}

/// Rows i..<i+R of y = A·v (R ≤ 8, a constant after inlining): one accumulator per row, whose lanes
/// are the portable kernel's (s00[0], s00[1], s01[0], s01[1]); R independent rows share each load of v.
AVX_INLINE void multiplyRows(const double *a, ptrdiff_t n, const double *v, double *y, ptrdiff_t i, int R) {
    __m256d sum[8];
    for (int r = 0; r < R; r++) sum[r] = _mm256_setzero_pd();
    ptrdiff_t j = 0;
    for (; j + 4 <= n; j += 4) {
        const __m256d vj = _mm256_loadu_pd(v + j);
        for (int r = 0; r < R; r++)
            sum[r] = _mm256_add_pd(sum[r], _mm256_mul_pd(_mm256_loadu_pd(a + (i + r) * n + j), vj));
    }
    for (int r = 0; r < R; r++) {
        double lanes[4];
        _mm256_storeu_pd(lanes, sum[r]);
        double total = (lanes[0] + lanes[2]) + (lanes[1] + lanes[3]);
        const double *row = a + (i + r) * n;
        for (ptrdiff_t k = j; k < n; k++) total += row[k] * v[k];
        y[i + r] = total;
    }
}

AVX void gdbench_avx_multiply(const double *a, ptrdiff_t n, const double *v, double *y) {
    ptrdiff_t i = 0;
    for (; i + 8 <= n; i += 8) multiplyRows(a, n, v, y, i, 8);
    for (; i + 4 <= n; i += 4) multiplyRows(a, n, v, y, i, 4);
    for (; i < n; i++) multiplyRows(a, n, v, y, i, 1);
}

/// Rows i0 … i0+R−1 of C += A·B, columns j0 … j0+4W−1: R·W accumulators held in registers over p.
#define PRODUCT_BLOCK(R, W)                                                                            \
    do {                                                                                               \
        __m256d acc[R][W];                                                                             \
        for (int r = 0; r < R; r++)                                                                    \
            for (int w = 0; w < W; w++) acc[r][w] = _mm256_loadu_pd(c + (i0 + r) * n + j0 + 4 * w);    \
        for (ptrdiff_t p = 0; p < k; p++) {                                                            \
            __m256d bv[W];                                                                             \
            for (int w = 0; w < W; w++) bv[w] = _mm256_loadu_pd(b + p * n + j0 + 4 * w);              \
            for (int r = 0; r < R; r++) {                                                              \
                const __m256d s = _mm256_broadcast_sd(a + (i0 + r) * rowStride + p * columnStride);    \
                for (int w = 0; w < W; w++) acc[r][w] = _mm256_add_pd(acc[r][w], _mm256_mul_pd(s, bv[w])); \
            }                                                                                          \
        }                                                                                              \
        for (int r = 0; r < R; r++)                                                                    \
            for (int w = 0; w < W; w++) _mm256_storeu_pd(c + (i0 + r) * n + j0 + 4 * w, acc[r][w]);    \
    } while (0)

/// Rows i0 … i0+R−1 of C += A·B, columns j0 and j0+1 (the last columns when n mod 4 ≥ 2): 128-bit lanes.
#define PAIR_BLOCK(R)                                                                                  \
    do {                                                                                               \
        __m128d acc[R];                                                                                \
        for (int r = 0; r < R; r++) acc[r] = _mm_loadu_pd(c + (i0 + r) * n + j0);                      \
        for (ptrdiff_t p = 0; p < k; p++) {                                                            \
            const __m128d bv = _mm_loadu_pd(b + p * n + j0);                                           \
            for (int r = 0; r < R; r++)                                                                \
                acc[r] = _mm_add_pd(acc[r], _mm_mul_pd(_mm_set1_pd(a[(i0 + r) * rowStride + p * columnStride]), bv)); \
        }                                                                                              \
        for (int r = 0; r < R; r++) _mm_storeu_pd(c + (i0 + r) * n + j0, acc[r]);                      \
    } while (0)

/// Rows i0 … i0+R−1 of C += A·B in the single column j0 (the last when n is odd): R independent sums.
#define COLUMN_BLOCK(R)                                                                                \
    do {                                                                                               \
        double acc[R];                                                                                 \
        for (int r = 0; r < R; r++) acc[r] = c[(i0 + r) * n + j0];                                     \
        for (ptrdiff_t p = 0; p < k; p++) {                                                            \
            const double bv = b[p * n + j0];                                                           \
            for (int r = 0; r < R; r++) acc[r] += a[(i0 + r) * rowStride + p * columnStride] * bv;     \
        }                                                                                              \
        for (int r = 0; r < R; r++) c[(i0 + r) * n + j0] = acc[r];                                     \
    } while (0)

/// Columns j0 … n−1 of C += A·B, four, two and one at a time: the AVX kernel's last columns, also those
/// of the AVX-512 kernel.
AVX_INLINE void productColumns(ptrdiff_t j0, ptrdiff_t m, ptrdiff_t k, ptrdiff_t n, const double *a,
                               ptrdiff_t rowStride, ptrdiff_t columnStride, const double *b, double *c) {
    for (; j0 + 4 <= n; j0 += 4) {
        ptrdiff_t i0 = 0;
        for (; i0 + 4 <= m; i0 += 4) PRODUCT_BLOCK(4, 1);
        for (; i0 < m; i0++) PRODUCT_BLOCK(1, 1);
    }
    if (j0 + 2 <= n) {
        ptrdiff_t i0 = 0;
        for (; i0 + 4 <= m; i0 += 4) PAIR_BLOCK(4);
        for (; i0 < m; i0++) PAIR_BLOCK(1);
        j0 += 2;
    }
    if (j0 < n) {
        ptrdiff_t i0 = 0;
        for (; i0 + 4 <= m; i0 += 4) COLUMN_BLOCK(4);
        for (; i0 < m; i0++) COLUMN_BLOCK(1);
    }
}

AVX void gdbench_avx_matrix_product(ptrdiff_t m, ptrdiff_t k, ptrdiff_t n, const double *a, ptrdiff_t rowStride,
                                    ptrdiff_t columnStride, const double *b, double *c) {
    ptrdiff_t j0 = 0;
    for (; j0 + 8 <= n; j0 += 8) {
        ptrdiff_t i0 = 0;
        for (; i0 + 4 <= m; i0 += 4) PRODUCT_BLOCK(4, 2);
        for (; i0 < m; i0++) PRODUCT_BLOCK(1, 2);
    }
    productColumns(j0, m, k, n, a, rowStride, columnStride, b, c);
}

#define AVX512 __attribute__((target("avx512f")))

bool gdbench_avx512_usable(void) {
    if (!gdbench_avx_usable() || __get_cpuid_max(0, NULL) < 7) return false;
    unsigned eax, ebx, ecx, edx;
    __cpuid_count(7, 0, eax, ebx, ecx, edx);
    if ((ebx & (1u << 16)) == 0) return false;
    unsigned low, high;
    __asm__ volatile("xgetbv" : "=a"(low), "=d"(high) : "c"(0));
    const unsigned sseYmmOpmaskZmm = (1u << 1) | (1u << 2) | (1u << 5) | (1u << 6) | (1u << 7);
    return (low & sseYmmOpmaskZmm) == sseYmmOpmaskZmm;
}

/// PRODUCT_BLOCK with 512-bit registers: rows i0 … i0+R−1, columns j0 … j0+8W−1.
#define PRODUCT_BLOCK_512(R, W)                                                                        \
    do {                                                                                               \
        __m512d acc[R][W];                                                                             \
        for (int r = 0; r < R; r++)                                                                    \
            for (int w = 0; w < W; w++) acc[r][w] = _mm512_loadu_pd(c + (i0 + r) * n + j0 + 8 * w);    \
        for (ptrdiff_t p = 0; p < k; p++) {                                                            \
            __m512d bv[W];                                                                             \
            for (int w = 0; w < W; w++) bv[w] = _mm512_loadu_pd(b + p * n + j0 + 8 * w);              \
            for (int r = 0; r < R; r++) {                                                              \
                const __m512d s = _mm512_set1_pd(a[(i0 + r) * rowStride + p * columnStride]);          \
                for (int w = 0; w < W; w++) acc[r][w] = _mm512_add_pd(acc[r][w], _mm512_mul_pd(s, bv[w])); \
            }                                                                                          \
        }                                                                                              \
        for (int r = 0; r < R; r++)                                                                    \
            for (int w = 0; w < W; w++) _mm512_storeu_pd(c + (i0 + r) * n + j0 + 8 * w, acc[r][w]);    \
    } while (0)

AVX512 void gdbench_avx512_matrix_product(ptrdiff_t m, ptrdiff_t k, ptrdiff_t n, const double *a, ptrdiff_t rowStride,
                                          ptrdiff_t columnStride, const double *b, double *c) {
    ptrdiff_t j0 = 0;
    for (; j0 + 16 <= n; j0 += 16) {
        ptrdiff_t i0 = 0;
        for (; i0 + 8 <= m; i0 += 8) PRODUCT_BLOCK_512(8, 2);
        for (; i0 < m; i0++) PRODUCT_BLOCK_512(1, 2);
    }
    for (; j0 + 8 <= n; j0 += 8) {
        ptrdiff_t i0 = 0;
        for (; i0 + 8 <= m; i0 += 8) PRODUCT_BLOCK_512(8, 1);
        for (; i0 < m; i0++) PRODUCT_BLOCK_512(1, 1);
    }
    productColumns(j0, m, k, n, a, rowStride, columnStride, b, c);
}

#endif
