// Blocked kernels for the O(d³) and O(n·d²) steps that build problem instances (Haar rotations,
// A = QΛQᵀ, Gram matrices). Every function exists on every architecture; on x86-64 the same source is
// compiled a second time for AVX. Both builds perform the same rounded products and the same
// additions in the same order (no fused multiply-add, contraction off), so their results are bitwise
// equal and independent of the machine; `avx` only selects the faster build (the caller checks
// gdbench_avx_usable()). Matrices are column-major with the given leading dimensions.
#ifndef GDBENCH_CONSTRUCTION_KERNELS_H
#define GDBENCH_CONSTRUCTION_KERNELS_H

#include <stdbool.h>
#include <stddef.h>

/// out[p·outP + c·outC] (+)= Σ_{k<K} x[p·ldx + k]·y[c·ldy + k] for p < P, c < C (c ≥ p only when
/// `upperOnly`; entries with c < p may then be left untouched or written). The sum of one entry:
/// k runs in chunks of 256; a chunk is summed in four lanes (lane l takes k ≡ l mod 4, in order),
/// reduced as (l0 + l1) + (l2 + l3), the last K mod 4 products added in turn; the entry is then
/// s ← s + chunk, chunk by chunk, starting from 0 or (when `accumulate`) from the entry's value. With
/// `avx` on a CPU with AVX-512F, large blocks run 6 × 8 entries at a time with the lanes of two entries in
/// one 512-bit register: the same sums.
void gdbench_dot_block(const double *x, ptrdiff_t ldx, ptrdiff_t P, const double *y, ptrdiff_t ldy, ptrdiff_t C,
                       ptrdiff_t K, double *out, ptrdiff_t outP, ptrdiff_t outC, bool accumulate, bool upperOnly,
                       bool avx);

/// c[i + j·ldc] ← c[i + j·ldc] − s with s = Σ_{p<K} v[i + p·ldv]·w[p + j·ldw] summed in p order from 0,
/// for i < M, j < N.
void gdbench_subtract_product(double *c, ptrdiff_t ldc, ptrdiff_t M, ptrdiff_t N, const double *v, ptrdiff_t ldv,
                              const double *w, ptrdiff_t ldw, ptrdiff_t K, bool avx);

/// The Householder QR of the n×n column-major `a` (LAPACK dgeqrf's reflectors, blocked 32 columns
/// wide with compact WY trailing updates), then Q formed from the reflectors (as dorgqr) and its column
/// k multiplied by sign(R_kk): `a` is overwritten by that orthogonal matrix. `work` must hold
/// gdbench_orthogonal_factor_work(n) doubles.
void gdbench_orthogonal_factor(double *a, ptrdiff_t n, double *work, bool avx);
ptrdiff_t gdbench_orthogonal_factor_work(ptrdiff_t n);

/// The symmetric tridiagonal T = HᵀAH of the symmetric row-major n×n `a` (only its upper triangle is read;
/// `a` is destroyed) by Householder reflections, blocked as LAPACK dsytrd (panels of 32 reflectors, the
/// trailing matrix updated by gdbench_dot_block): `diagonal` gets n entries, `offDiagonal` n − 1; `work`
/// holds gdbench_tridiagonalize_work(n) doubles. T has A's eigenvalues (up to rounding, O(ε‖A‖)).
void gdbench_tridiagonalize(double *a, ptrdiff_t n, double *diagonal, double *offDiagonal, double *work, bool avx);
ptrdiff_t gdbench_tridiagonalize_work(ptrdiff_t n);

#endif
