// The construction kernels (see include/ConstructionKernels.h). ConstructionKernelsBody.h holds their
// code once; it is compiled here for the baseline target and, on x86-64, again for AVX. Contraction
// is off, so no product is fused with an addition on any target and the two builds agree bit for bit.
#pragma clang fp contract(off)

#include "ConstructionKernels.h"

#include <math.h>
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
#undef TARGET
#undef NAME

#if defined(__x86_64__)
#define TARGET __attribute__((target("avx")))
#define NAME(x) x##_avx
#include "ConstructionKernelsBody.h"
#define HAS_AVX_BUILD 1
#else
#define HAS_AVX_BUILD 0
#endif

void gdbench_dot_block(const double *x, ptrdiff_t ldx, ptrdiff_t P, const double *y, ptrdiff_t ldy, ptrdiff_t C,
                       ptrdiff_t K, double *out, ptrdiff_t outP, ptrdiff_t outC, bool accumulate, bool upperOnly,
                       bool avx) {
#if HAS_AVX_BUILD
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

void gdbench_tridiagonalize(double *a, ptrdiff_t n, double *diagonal, double *offDiagonal, double *work, bool avx) {
#if HAS_AVX_BUILD
    if (avx) return tridiagonalize_avx(a, n, diagonal, offDiagonal, work);
#endif
    tridiagonalize_portable(a, n, diagonal, offDiagonal, work);
}
