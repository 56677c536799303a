// The body of the construction kernels, included twice by ConstructionKernels.c: once for the
// baseline target (NAME(x) = x##_portable) and, on x86-64, once for AVX (NAME(x) = x##_avx). The
// generic 4-lane vectors below compile to whatever the target has; the operations per lane, and their
// order, are the same in both builds (see include/ConstructionKernels.h).

#ifndef DOT_CHUNK
/// Chunk of k summed in lanes before it is added to an entry of gdbench_dot_block.
#define DOT_CHUNK 256
/// Columns of y (entries c) held in cache while x streams past.
#define DOT_COLUMNS 64
/// Rows of v held in cache by gdbench_subtract_product.
#define PRODUCT_ROWS 256
/// Columns per panel of the blocked QR.
#define FACTOR_BLOCK 32
/// Columns per panel of the blocked tridiagonalisation.
#define TRIDIAGONAL_BLOCK 32
#endif

/// One chunk of gdbench_dot_block for a 3×4 block of entries: kc (a multiple of 4) products in lanes.
TARGET static void NAME(dotMicro3x4)(const double *x, ptrdiff_t ldx, const double *y, ptrdiff_t ldy, ptrdiff_t kc,
                                     double *out, ptrdiff_t outP, ptrdiff_t outC) {
    const double *x0 = x, *x1 = x + ldx, *x2 = x + 2 * ldx;
    const double *y0 = y, *y1 = y + ldy, *y2 = y + 2 * ldy, *y3 = y + 3 * ldy;
    v4d s00 = {0}, s01 = {0}, s02 = {0}, s03 = {0};
    v4d s10 = {0}, s11 = {0}, s12 = {0}, s13 = {0};
    v4d s20 = {0}, s21 = {0}, s22 = {0}, s23 = {0};
    for (ptrdiff_t k = 0; k < kc; k += 4) {
        v4d a0 = load4(x0 + k), a1 = load4(x1 + k), a2 = load4(x2 + k);
        v4d b = load4(y0 + k);
        s00 += a0 * b; s10 += a1 * b; s20 += a2 * b;
        b = load4(y1 + k);
        s01 += a0 * b; s11 += a1 * b; s21 += a2 * b;
        b = load4(y2 + k);
        s02 += a0 * b; s12 += a1 * b; s22 += a2 * b;
        b = load4(y3 + k);
        s03 += a0 * b; s13 += a1 * b; s23 += a2 * b;
    }
    out[0] += reduce4(s00); out[outC] += reduce4(s01); out[2 * outC] += reduce4(s02); out[3 * outC] += reduce4(s03);
    out += outP;
    out[0] += reduce4(s10); out[outC] += reduce4(s11); out[2 * outC] += reduce4(s12); out[3 * outC] += reduce4(s13);
    out += outP;
    out[0] += reduce4(s20); out[outC] += reduce4(s21); out[2 * outC] += reduce4(s22); out[3 * outC] += reduce4(s23);
}

/// One chunk for one entry, the same lanes and order as dotMicro3x4, then the `tail` products in turn.
TARGET static double NAME(dotChunk)(const double *x, const double *y, ptrdiff_t kc, ptrdiff_t tail) {
    v4d s = {0};
    for (ptrdiff_t k = 0; k < kc; k += 4) s += load4(x + k) * load4(y + k);
    double t = reduce4(s);
    for (ptrdiff_t k = kc; k < kc + tail; k++) t += x[k] * y[k];
    return t;
}

/// gdbench_dot_block on the chunk k0 ≤ k < k0 + span of the columns c0 ≤ c < c1.
TARGET static void NAME(dotChunkBlock)(const double *x, ptrdiff_t ldx, ptrdiff_t P, const double *y, ptrdiff_t ldy,
                                       ptrdiff_t c0, ptrdiff_t c1, ptrdiff_t k0, ptrdiff_t span, double *out,
                                       ptrdiff_t outP, ptrdiff_t outC, bool upperOnly) {
    ptrdiff_t pEnd = upperOnly ? (c1 < P ? c1 : P) : P;
    ptrdiff_t kc = span & ~(ptrdiff_t)3;
    ptrdiff_t tail = span - kc;
    for (ptrdiff_t p = 0; p < pEnd; p += 3) {
        ptrdiff_t cStart = c0;
        if (upperOnly && p > cStart) cStart = p - (p - c0) % 4;  // the 4-block holding c = p
        ptrdiff_t c = cStart;
        if (p + 3 <= P && tail == 0) {
            for (; c + 4 <= c1; c += 4)
                NAME(dotMicro3x4)(x + p * ldx + k0, ldx, y + c * ldy + k0, ldy, kc, out + p * outP + c * outC, outP,
                                  outC);
        }
        for (ptrdiff_t q = p; q < p + 3 && q < P; q++)
            for (ptrdiff_t cc = c; cc < c1; cc++)
                out[q * outP + cc * outC] += NAME(dotChunk)(x + q * ldx + k0, y + cc * ldy + k0, kc, tail);
    }
}

TARGET static void NAME(dotBlock)(const double *x, ptrdiff_t ldx, ptrdiff_t P, const double *y, ptrdiff_t ldy,
                                  ptrdiff_t C, ptrdiff_t K, double *out, ptrdiff_t outP, ptrdiff_t outC,
                                  bool accumulate, bool upperOnly) {
    if (!accumulate) {
        for (ptrdiff_t p = 0; p < P; p++)
            for (ptrdiff_t c = 0; c < C; c++) out[p * outP + c * outC] = 0;
    }
    for (ptrdiff_t c0 = 0; c0 < C; c0 += DOT_COLUMNS) {
        ptrdiff_t c1 = c0 + DOT_COLUMNS < C ? c0 + DOT_COLUMNS : C;
        for (ptrdiff_t k0 = 0; k0 < K; k0 += DOT_CHUNK) {
            ptrdiff_t span = K - k0 < DOT_CHUNK ? K - k0 : DOT_CHUNK;
            NAME(dotChunkBlock)(x, ldx, P, y, ldy, c0, c1, k0, span, out, outP, outC, upperOnly);
        }
    }
}

/// 8 rows × 4 columns of gdbench_subtract_product.
TARGET static void NAME(productMicro8x4)(double *c, ptrdiff_t ldc, const double *v, ptrdiff_t ldv, const double *w,
                                         ptrdiff_t ldw, ptrdiff_t K) {
    v4d s00 = {0}, s01 = {0}, s02 = {0}, s03 = {0}, s10 = {0}, s11 = {0}, s12 = {0}, s13 = {0};
    for (ptrdiff_t p = 0; p < K; p++) {
        v4d a0 = load4(v + p * ldv), a1 = load4(v + p * ldv + 4);
        v4d b = splat4(w[p]);
        s00 += a0 * b; s10 += a1 * b;
        b = splat4(w[p + ldw]);
        s01 += a0 * b; s11 += a1 * b;
        b = splat4(w[p + 2 * ldw]);
        s02 += a0 * b; s12 += a1 * b;
        b = splat4(w[p + 3 * ldw]);
        s03 += a0 * b; s13 += a1 * b;
    }
    store4(c, load4(c) - s00); store4(c + 4, load4(c + 4) - s10);
    c += ldc;
    store4(c, load4(c) - s01); store4(c + 4, load4(c + 4) - s11);
    c += ldc;
    store4(c, load4(c) - s02); store4(c + 4, load4(c + 4) - s12);
    c += ldc;
    store4(c, load4(c) - s03); store4(c + 4, load4(c + 4) - s13);
}

TARGET static void NAME(subtractProduct)(double *c, ptrdiff_t ldc, ptrdiff_t M, ptrdiff_t N, const double *v,
                                         ptrdiff_t ldv, const double *w, ptrdiff_t ldw, ptrdiff_t K) {
    for (ptrdiff_t i0 = 0; i0 < M; i0 += PRODUCT_ROWS) {
        ptrdiff_t i1 = i0 + PRODUCT_ROWS < M ? i0 + PRODUCT_ROWS : M;
        for (ptrdiff_t j = 0; j < N; j += 4) {
            ptrdiff_t i = i0;
            if (j + 4 <= N) {
                for (; i + 8 <= i1; i += 8)
                    NAME(productMicro8x4)(c + i + j * ldc, ldc, v + i, ldv, w + j * ldw, ldw, K);
            }
            for (ptrdiff_t jj = j; jj < j + 4 && jj < N; jj++) {
                for (ptrdiff_t ii = (jj < j + 4 && j + 4 <= N) ? i : i0; ii < i1; ii++) {
                    double s = 0;
                    for (ptrdiff_t p = 0; p < K; p++) s += v[ii + p * ldv] * w[p + jj * ldw];
                    c[ii + jj * ldc] -= s;
                }
            }
        }
    }
}

/// x[i] −= alpha·v[i] for i < m (one rounded product, one rounded difference each).
TARGET static void NAME(subtractScaled)(double *x, const double *v, double alpha, ptrdiff_t m) {
    v4d a = splat4(alpha);
    ptrdiff_t i = 0;
    for (; i + 4 <= m; i += 4) store4(x + i, load4(x + i) - a * load4(v + i));
    for (; i < m; i++) x[i] -= alpha * v[i];
}

/// Householder QR of the m×nb panel `a` (ld lda, m ≥ nb), unblocked: reflectors below the diagonal
/// (v₀ = 1 implied), τ in tau, R on and above the diagonal. The reflector of x: β = −sign(x₀)‖x‖,
/// τ = (β − x₀)/β, v = x/(x₀ − β) (LAPACK dlarfg); τ = 0 when x below x₀ is zero.
TARGET static void NAME(factorPanel)(double *a, ptrdiff_t lda, ptrdiff_t m, ptrdiff_t nb, double *tau) {
    for (ptrdiff_t k = 0; k < nb; k++) {
        double *x = a + k + k * lda;
        ptrdiff_t len = m - k;
        double tailSquares = len > 1 ? NAME(dotChunk)(x + 1, x + 1, (len - 1) & ~(ptrdiff_t)3, (len - 1) & 3) : 0;
        double alpha = x[0];
        if (tailSquares == 0) {
            tau[k] = 0;
            continue;
        }
        double norm = sqrt(alpha * alpha + tailSquares);
        double beta = alpha >= 0 ? -norm : norm;
        tau[k] = (beta - alpha) / beta;
        double scale = 1 / (alpha - beta);
        for (ptrdiff_t i = 1; i < len; i++) x[i] *= scale;
        x[0] = beta;
        // Apply H = I − τvvᵀ to the panel's later columns: a_j −= τ(vᵀa_j)v.
        for (ptrdiff_t j = k + 1; j < nb; j++) {
            double *col = a + k + j * lda;
            double dot = col[0] + (len > 1 ? NAME(dotChunk)(x + 1, col + 1, (len - 1) & ~(ptrdiff_t)3, (len - 1) & 3)
                                           : 0);
            double f = tau[k] * dot;
            col[0] -= f;
            NAME(subtractScaled)(col + 1, x + 1, f, len - 1);
        }
    }
}

/// The explicit m×ib reflector block V (ld m) of the panel at `a`: 1 on the diagonal, 0 above.
TARGET static void NAME(copyReflectors)(const double *a, ptrdiff_t lda, ptrdiff_t m, ptrdiff_t ib, double *v) {
    for (ptrdiff_t l = 0; l < ib; l++) {
        for (ptrdiff_t r = 0; r < l; r++) v[r + l * m] = 0;
        v[l + l * m] = 1;
        memcpy(v + l + 1 + l * m, a + l + 1 + l * lda, (size_t)(m - l - 1) * sizeof(double));
    }
}

/// The upper-triangular T (ld ib) with H₀H₁…H_{ib−1} = I − VTVᵀ (LAPACK dlarft, forward, columnwise).
TARGET static void NAME(blockFactor)(const double *v, ptrdiff_t m, ptrdiff_t ib, const double *tau, double *t) {
    for (ptrdiff_t i = 0; i < ib; i++) {
        for (ptrdiff_t l = 0; l < ib; l++) t[l + i * ib] = 0;
        t[i + i * ib] = tau[i];
        if (tau[i] == 0) continue;
        double *z = t + i * ib;  // column i above the diagonal: first Vᵀv_i, then −τ_i·T·(Vᵀv_i)
        const double *vi = v + i + i * m;
        ptrdiff_t len = m - i;
        for (ptrdiff_t l = 0; l < i; l++)
            z[l] = NAME(dotChunk)(v + i + l * m, vi, len & ~(ptrdiff_t)3, len & 3);
        for (ptrdiff_t l = 0; l < i; l++) {
            double s = 0;
            for (ptrdiff_t q = l; q < i; q++) s += t[l + q * ib] * z[q];
            z[l] = -tau[i] * s;
        }
    }
}

/// C ← (I − VT'Vᵀ)C for the m×N block C (ld ldc), T' = Tᵀ (`transposed`) or T; w holds ib×N.
TARGET static void NAME(applyBlockReflector)(double *c, ptrdiff_t ldc, ptrdiff_t m, ptrdiff_t N, const double *v,
                                             const double *t, ptrdiff_t ib, bool transposed, double *w) {
    NAME(dotBlock)(v, m, ib, c, ldc, N, m, w, 1, ib, false, false);
    for (ptrdiff_t col = 0; col < N; col++) {
        double *x = w + col * ib;
        if (transposed) {
            for (ptrdiff_t i = ib - 1; i >= 0; i--) {
                double s = 0;
                for (ptrdiff_t l = 0; l <= i; l++) s += t[l + i * ib] * x[l];
                x[i] = s;
            }
        } else {
            for (ptrdiff_t i = 0; i < ib; i++) {
                double s = 0;
                for (ptrdiff_t l = i; l < ib; l++) s += t[i + l * ib] * x[l];
                x[i] = s;
            }
        }
    }
    NAME(subtractProduct)(c, ldc, m, N, v, m, w, ib, ib);
}

/// The panel's columns of Q from its reflectors, in place (LAPACK dorg2r).
TARGET static void NAME(formPanel)(double *a, ptrdiff_t lda, ptrdiff_t m, ptrdiff_t ib, const double *tau) {
    for (ptrdiff_t i = ib - 1; i >= 0; i--) {
        double *x = a + i + i * lda;
        ptrdiff_t len = m - i;
        for (ptrdiff_t j = i + 1; j < ib; j++) {
            double *col = a + i + j * lda;
            double dot = col[0] + (len > 1 ? NAME(dotChunk)(x + 1, col + 1, (len - 1) & ~(ptrdiff_t)3, (len - 1) & 3)
                                           : 0);
            double f = tau[i] * dot;
            col[0] -= f;
            NAME(subtractScaled)(col + 1, x + 1, f, len - 1);
        }
        for (ptrdiff_t r = 1; r < len; r++) x[r] *= -tau[i];
        x[0] = 1 - tau[i];
        for (ptrdiff_t r = 0; r < i; r++) a[r + i * lda] = 0;
    }
}

TARGET static void NAME(orthogonalFactor)(double *a, ptrdiff_t n, double *work) {
    double *tau = work, *signs = tau + n, *t = signs + n, *v = t + FACTOR_BLOCK * FACTOR_BLOCK;
    double *w = v + n * FACTOR_BLOCK;
    for (ptrdiff_t j = 0; j < n; j += FACTOR_BLOCK) {
        ptrdiff_t ib = n - j < FACTOR_BLOCK ? n - j : FACTOR_BLOCK, m = n - j;
        double *panel = a + j + j * n;
        NAME(factorPanel)(panel, n, m, ib, tau + j);
        for (ptrdiff_t k = 0; k < ib; k++) signs[j + k] = panel[k + k * n] >= 0 ? 1 : -1;
        if (j + ib < n) {
            NAME(copyReflectors)(panel, n, m, ib, v);
            NAME(blockFactor)(v, m, ib, tau + j, t);
            NAME(applyBlockReflector)(panel + ib * n, n, m, n - j - ib, v, t, ib, true, w);
        }
    }
    ptrdiff_t last = ((n - 1) / FACTOR_BLOCK) * FACTOR_BLOCK;
    for (ptrdiff_t j = last; j >= 0; j -= FACTOR_BLOCK) {
        ptrdiff_t ib = n - j < FACTOR_BLOCK ? n - j : FACTOR_BLOCK, m = n - j;
        double *panel = a + j + j * n;
        if (j + ib < n) {
            NAME(copyReflectors)(panel, n, m, ib, v);
            NAME(blockFactor)(v, m, ib, tau + j, t);
            NAME(applyBlockReflector)(panel + ib * n, n, m, n - j - ib, v, t, ib, false, w);
        }
        NAME(formPanel)(panel, n, m, ib, tau + j);
        for (ptrdiff_t col = j; col < j + ib; col++)
            for (ptrdiff_t r = 0; r < j; r++) a[r + col * n] = 0;
    }
    for (ptrdiff_t col = 0; col < n; col++)
        if (signs[col] < 0)
            for (ptrdiff_t r = 0; r < n; r++) a[r + col * n] = -a[r + col * n];
}
