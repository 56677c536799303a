// The AVX tanh of gdbench's networks, bitwise VectorTanh.portableApply (Sources/LinearAlgebra/VectorTanh.swift):
// the same operations lane for lane, each product rounded before it is added (AVX alone, no FMA, contraction
// off). The method is Cephes tanh.c and exp.c (S. L. Moshier); see the Swift file for the formulas.
#pragma clang fp contract(off)

#include "WideKernels.h"

#if defined(__x86_64__)
#include <immintrin.h>
#include <string.h>

#define AVX __attribute__((target("avx")))
#define AVX_INLINE __attribute__((target("avx"), always_inline)) static inline

AVX_INLINE __m256d splat(double value) { return _mm256_set1_pd(value); }

AVX_INLINE __m256d tanhLanes(__m256d x) {
    const __m256d signMask = _mm256_castsi256_pd(_mm256_set1_epi64x((long long)0x8000000000000000ull));
    const __m256d a = _mm256_andnot_pd(signMask, x);
    // Small: a + a·s·P(s)/Q(s).
    const __m256d s = _mm256_mul_pd(a, a);
    __m256d p = _mm256_add_pd(_mm256_mul_pd(splat(-9.64399179425052238628e-1), s), splat(-9.92877231001918586564e1));
    p = _mm256_add_pd(_mm256_mul_pd(p, s), splat(-1.61468768441708447952e3));
    __m256d q = _mm256_add_pd(_mm256_mul_pd(_mm256_add_pd(s, splat(1.12811678491632931402e2)), s),
                              splat(2.23548839060100448583e3));
    q = _mm256_add_pd(_mm256_mul_pd(q, s), splat(4.84406305325125486048e3));
    const __m256d small = _mm256_add_pd(a, _mm256_mul_pd(_mm256_mul_pd(a, s), _mm256_div_pd(p, q)));
    // Large: 1 − 2/(e^(2t) + 1), t = min(a, 20) with NaN kept.
    const __m256d t = _mm256_blendv_pd(a, splat(20.0), _mm256_cmp_pd(a, splat(20.0), _CMP_GT_OQ));
    const __m256d y = _mm256_add_pd(t, t);
    const __m256d magic = splat(6755399441055744.0);
    const __m256d shifted = _mm256_add_pd(_mm256_mul_pd(y, splat(1.4426950408889634073599)), magic);
    const __m256d k = _mm256_sub_pd(shifted, magic);
    __m256d r = _mm256_sub_pd(y, _mm256_mul_pd(k, splat(6.93145751953125e-1)));
    r = _mm256_sub_pd(r, _mm256_mul_pd(k, splat(1.42860682030941723212e-6)));
    const __m256d rr = _mm256_mul_pd(r, r);
    __m256d pr = _mm256_add_pd(_mm256_mul_pd(splat(1.26177193074810590878e-4), rr), splat(3.02994407707441961300e-2));
    pr = _mm256_mul_pd(r, _mm256_add_pd(_mm256_mul_pd(pr, rr), splat(9.99999999999999999910e-1)));
    __m256d qr = _mm256_add_pd(_mm256_mul_pd(splat(3.00198505138664455042e-6), rr), splat(2.52448340349684104192e-3));
    qr = _mm256_add_pd(_mm256_mul_pd(qr, rr), splat(2.27265548208155028766e-1));
    qr = _mm256_add_pd(_mm256_mul_pd(qr, rr), splat(2.00000000000000000009e0));
    const __m256d mantissa =
        _mm256_add_pd(splat(1.0), _mm256_mul_pd(splat(2.0), _mm256_div_pd(pr, _mm256_sub_pd(qr, pr))));
    // 2^k: the low bits of `shifted` hold k; moved into the exponent field and biased by 1.0's bits.
    const __m256i shiftedBits = _mm256_castpd_si256(shifted);
    const __m128i one = _mm_set1_epi64x(0x3FF0000000000000ll);
    const __m128i low = _mm_add_epi64(_mm_slli_epi64(_mm256_castsi256_si128(shiftedBits), 52), one);
    const __m128i high = _mm_add_epi64(_mm_slli_epi64(_mm256_extractf128_si256(shiftedBits, 1), 52), one);
    const __m256d power = _mm256_castsi256_pd(_mm256_insertf128_si256(_mm256_castsi128_si256(low), high, 1));
    const __m256d large =
        _mm256_sub_pd(splat(1.0), _mm256_div_pd(splat(2.0), _mm256_add_pd(_mm256_mul_pd(mantissa, power), splat(1.0))));
    const __m256d magnitude = _mm256_blendv_pd(large, small, _mm256_cmp_pd(a, splat(0.625), _CMP_LT_OQ));
    return _mm256_or_pd(_mm256_andnot_pd(signMask, magnitude), _mm256_and_pd(signMask, x));
}

AVX void gdbench_avx_tanh(const double *x, double *y, ptrdiff_t count) {
    ptrdiff_t i = 0;
    for (; i + 4 <= count; i += 4) _mm256_storeu_pd(y + i, tanhLanes(_mm256_loadu_pd(x + i)));
    if (i < count) {
        double lanes[4] = {0.0, 0.0, 0.0, 0.0};
        memcpy(lanes, x + i, (size_t)(count - i) * sizeof(double));
        _mm256_storeu_pd(lanes, tanhLanes(_mm256_loadu_pd(lanes)));
        memcpy(y + i, lanes, (size_t)(count - i) * sizeof(double));
    }
}

#endif
