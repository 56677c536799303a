// 256-bit AVX versions of gdbench's vector kernels, bitwise identical to the portable Swift kernels
// (VectorKernels.portableDot/portableAxpy, DenseMatrixKernel.portableMultiply): the same products and
// additions, lane for lane, in the same order, with no fused multiply-add. Only x86-64 has them;
// the Swift side selects them at run time (KernelPath) when the CPU and the OS support AVX.
#ifndef GDBENCH_WIDE_KERNELS_H
#define GDBENCH_WIDE_KERNELS_H

#include <stdbool.h>
#include <stddef.h>

#include "ConstructionKernels.h"

#if defined(__x86_64__)

/// True when the CPU has AVX and the OS saves the YMM registers on a context switch
/// (CPUID.1:ECX.AVX and .OSXSAVE, and XCR0 bits 1 and 2 set).
bool gdbench_avx_usable(void);

/// Σᵢ a[i]·b[i], i < count: two 4-lane accumulators over 8 elements per step, a sequential scalar
/// tail from 0, then ((s[0] + s[1]) + (s[2] + s[3])) + tail with s the lane sum of the accumulators.
double gdbench_avx_dot(const double *a, const double *b, ptrdiff_t count);

/// The dot products of `rows` consecutive rows (stride `stride` doubles apart) with `w`, each
/// computed exactly as gdbench_avx_dot does, four rows at a time sharing the loads of w.
void gdbench_avx_dot_rows(const double *rows, ptrdiff_t stride, ptrdiff_t rowCount, const double *w,
                          ptrdiff_t count, double *out);

/// y[i] += alpha·x[i], i < count (a rounded product, then a rounded sum).
void gdbench_avx_axpy(double alpha, const double *x, double *y, ptrdiff_t count);

/// y[i] += coefficients[r]·rows[r·stride + i] for r = 0, 1, … in turn, i < count: element by element
/// exactly the rowCount calls of gdbench_avx_axpy in order, four rows per pass over y.
void gdbench_avx_axpy_rows(const double *coefficients, const double *rows, ptrdiff_t stride, ptrdiff_t rowCount,
                           double *y, ptrdiff_t count);

/// y ← A·v for an n×n row-major A (y must not alias v). Each row's sum is the portable kernel's:
/// lanes (s00[0], s00[1], s01[0], s01[1]) accumulated over 4 elements per step, reduced as
/// (l0 + l2) + (l1 + l3), then a sequential scalar tail.
void gdbench_avx_multiply(const double *a, ptrdiff_t n, const double *v, double *y);

/// C += A·B for an m×k matrix A with A[i][p] = a[i·rowStride + p·columnStride], a k×n row-major B
/// and an m×n row-major C: every C[i][j] adds the rounded products A[i][p]·B[p][j] for p = 0, 1, …
/// in turn, exactly as the portable MatrixProduct.multiply, in register blocks of 4 rows × 8 columns.
void gdbench_avx_matrix_product(ptrdiff_t m, ptrdiff_t k, ptrdiff_t n, const double *a, ptrdiff_t rowStride,
                                ptrdiff_t columnStride, const double *b, double *c);

/// True when gdbench_avx_usable() and the CPU has AVX-512F and the OS saves the opmask and ZMM state
/// (CPUID.7.0:EBX bit 16; XCR0 bits 5, 6 and 7).
bool gdbench_avx512_usable(void);

/// gdbench_avx_matrix_product with 512-bit registers (blocks of 8 rows × 16 columns, then 8 columns; the
/// last n mod 8 columns as the AVX kernel does them): the same products and sums per entry, so the same bits.
/// Only AVX-512F instructions (no FMA); the caller checks gdbench_avx512_usable() first.
void gdbench_avx512_matrix_product(ptrdiff_t m, ptrdiff_t k, ptrdiff_t n, const double *a, ptrdiff_t rowStride,
                                   ptrdiff_t columnStride, const double *b, double *c);

/// y[i] = tanh(x[i]), i < count (y may be x): bitwise VectorTanh.portableApply, four lanes at a time
/// (Cephes tanh and exp, both branches in every lane, see Sources/LinearAlgebra/VectorTanh.swift).
void gdbench_avx_tanh(const double *x, double *y, ptrdiff_t count);

#endif
#endif
