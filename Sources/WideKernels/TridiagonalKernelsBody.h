// The blocked tridiagonalisation of the construction kernels, included by ConstructionKernels.c after
// ConstructionKernelsBody.h, once per build (NAME(x) = x##_portable, and on x86-64 x##_avx), like it.

/// y[i] = Σ_l S_il·v_l for the symmetric m×m S whose upper triangle is row-major at s (ld lds), reading
/// that triangle once. Rows go four at a time: right of their 4×4 diagonal block, each row's products
/// S_il·v_l are summed in four lanes (then the tail in turn) and y_l gets (S_il·v_i + S_i+1,l·v_i+1) +
/// (S_i+2,l·v_i+2 + S_i+3,l·v_i+3); then the block's upper entries in row order, each adding to the row's
/// sum and to y of its column; finally y_i += S_ii·v_i + the row's sum. The last m mod 4 rows the same way
/// one at a time.
TARGET static void NAME(symmetricProduct)(const double *s, ptrdiff_t lds, ptrdiff_t m, const double *v, double *y) {
    for (ptrdiff_t i = 0; i < m; i++) y[i] = 0;
    ptrdiff_t i = 0;
    for (; i + 4 <= m; i += 4) {
        const double *r0 = s + i * lds, *r1 = r0 + lds, *r2 = r1 + lds, *r3 = r2 + lds;
        double v0 = v[i], v1 = v[i + 1], v2 = v[i + 2], v3 = v[i + 3];
        v4d c0 = splat4(v0), c1 = splat4(v1), c2 = splat4(v2), c3 = splat4(v3);
        v4d s0 = {0}, s1 = {0}, s2 = {0}, s3 = {0};
        ptrdiff_t l = i + 4;
        for (; l + 4 <= m; l += 4) {
            v4d e0 = load4(r0 + l), e1 = load4(r1 + l), e2 = load4(r2 + l), e3 = load4(r3 + l);
            v4d vl = load4(v + l);
            s0 += e0 * vl;
            s1 += e1 * vl;
            s2 += e2 * vl;
            s3 += e3 * vl;
            store4(y + l, load4(y + l) + ((e0 * c0 + e1 * c1) + (e2 * c2 + e3 * c3)));
        }
        double t[4] = {reduce4(s0), reduce4(s1), reduce4(s2), reduce4(s3)};
        for (; l < m; l++) {
            t[0] += r0[l] * v[l];
            t[1] += r1[l] * v[l];
            t[2] += r2[l] * v[l];
            t[3] += r3[l] * v[l];
            y[l] += (r0[l] * v0 + r1[l] * v1) + (r2[l] * v2 + r3[l] * v3);
        }
        const double *rows[4] = {r0, r1, r2, r3};
        for (ptrdiff_t q = 0; q < 4; q++)
            for (ptrdiff_t p = q + 1; p < 4; p++) {
                double e = rows[q][i + p];
                t[q] += e * v[i + p];
                y[i + p] += e * v[i + q];
            }
        for (ptrdiff_t q = 0; q < 4; q++) y[i + q] += rows[q][i + q] * v[i + q] + t[q];
    }
    for (; i < m; i++) {
        const double *row = s + i * lds;
        double t = 0;
        for (ptrdiff_t l = i + 1; l < m; l++) {
            t += row[l] * v[l];
            y[l] += row[l] * v[i];
        }
        y[i] += row[i] * v[i] + t;
    }
}

/// Householder tridiagonalisation of the symmetric row-major n×n `a` (only its upper triangle is read;
/// `a` is destroyed): diagonal in `diagonal` (n), off-diagonal in `offDiagonal` (n − 1). Blocked as LAPACK
/// dsytrd/dlatrd, TRIDIAGONAL_BLOCK columns per panel: within a panel, step j first brings row j up to
/// date with the panel's earlier reflectors (a_jl −= Σ_i v_ji·w_li + w_ji·v_li), reflects it right of the
/// diagonal (β, τ, v as in factorPanel) and forms w = τ(Sv − V(Wᵀv) − W(Vᵀv)) − (τ/2)(wᵀv)v with the
/// trailing S as it was before the panel (symmetricProduct: one read of its upper triangle); after the
/// panel the trailing matrix takes S −= VWᵀ + WVᵀ at once (gdbench_dot_block on [−V −W]·[W V]ᵀ, upper
/// triangle). `work` holds gdbench_tridiagonalize_work(n) doubles.
TARGET static void NAME(tridiagonalize)(double *a, ptrdiff_t n, double *diagonal, double *offDiagonal, double *work,
                                        bool wide) {
    const ptrdiff_t nb = TRIDIAGONAL_BLOCK;
    double *pv = work, *pw = pv + n * nb, *x = pw + n * nb, *y = x + 2 * n * nb, *u = y + 2 * n * nb;
    double *small = u + n;  // Wᵀv and Vᵀv of the panel
    for (ptrdiff_t k = 0; k < n; k += nb) {
        ptrdiff_t width = n - k < nb ? n - k : nb, rows = n - k;
        // pv, pw: rows k … n − 1 (row r − k), columns 0 … width − 1, row-major with ld nb.
        memset(pv, 0, (size_t)(rows * nb) * sizeof(double));
        memset(pw, 0, (size_t)(rows * nb) * sizeof(double));
        for (ptrdiff_t i = 0; i < width; i++) {
            ptrdiff_t j = k + i;
            double *row = a + j * n;
            if (i > 0) {
                const double *vj = pv + (j - k) * nb, *wj = pw + (j - k) * nb;
                for (ptrdiff_t l = j; l < n; l++) {
                    const double *vl = pv + (l - k) * nb, *wl = pw + (l - k) * nb;
                    double s = 0;
                    for (ptrdiff_t q = 0; q < i; q++) s += vj[q] * wl[q] + wj[q] * vl[q];
                    row[l] -= s;
                }
            }
            diagonal[j] = row[j];
            if (j + 1 >= n) continue;
            ptrdiff_t m = n - j - 1;
            double *xr = row + j + 1;
            if (m == 1) {
                offDiagonal[j] = xr[0];
                continue;
            }
            double tailSquares = NAME(dotChunk)(xr + 1, xr + 1, (m - 1) & ~(ptrdiff_t)3, (m - 1) & 3);
            double alpha = xr[0];
            if (tailSquares == 0) {
                offDiagonal[j] = alpha;
                continue;
            }
            double norm = sqrt(alpha * alpha + tailSquares);
            double beta = alpha >= 0 ? -norm : norm;
            double tau = (beta - alpha) / beta, scale = 1 / (alpha - beta);
            offDiagonal[j] = beta;
            u[0] = 1;
            for (ptrdiff_t l = 1; l < m; l++) u[l] = xr[l] * scale;
            double *w = y;  // m entries
            NAME(symmetricProduct)(a + (j + 1) * n + j + 1, n, m, u, w);
            if (i > 0) {
                // small[q] = Σ_l w_lq·u_l, small[nb + q] = Σ_l v_lq·u_l over the rows l > j.
                for (ptrdiff_t q = 0; q < i; q++) small[q] = small[nb + q] = 0;
                for (ptrdiff_t l = 0; l < m; l++) {
                    const double *vl = pv + (j + 1 + l - k) * nb, *wl = pw + (j + 1 + l - k) * nb;
                    for (ptrdiff_t q = 0; q < i; q++) {
                        small[q] += wl[q] * u[l];
                        small[nb + q] += vl[q] * u[l];
                    }
                }
                for (ptrdiff_t l = 0; l < m; l++) {
                    const double *vl = pv + (j + 1 + l - k) * nb, *wl = pw + (j + 1 + l - k) * nb;
                    double s = 0;
                    for (ptrdiff_t q = 0; q < i; q++) s += vl[q] * small[q] + wl[q] * small[nb + q];
                    w[l] -= s;
                }
            }
            for (ptrdiff_t l = 0; l < m; l++) w[l] *= tau;
            double shift = -0.5 * tau * NAME(dotChunk)(w, u, m & ~(ptrdiff_t)3, m & 3);
            for (ptrdiff_t l = 0; l < m; l++) {
                pw[(j + 1 + l - k) * nb + i] = w[l] + shift * u[l];
                pv[(j + 1 + l - k) * nb + i] = u[l];
            }
        }
        ptrdiff_t first = k + width, trailing = n - first;
        if (trailing <= 0) break;
        // S −= VWᵀ + WVᵀ: row r of x is (−v_r, −w_r), row c of y is (w_c, v_c).
        for (ptrdiff_t r = 0; r < trailing; r++) {
            const double *vr = pv + (first + r - k) * nb, *wr = pw + (first + r - k) * nb;
            double *xr = x + r * 2 * width, *yr = y + r * 2 * width;
            for (ptrdiff_t q = 0; q < width; q++) {
                xr[q] = -vr[q];
                xr[width + q] = -wr[q];
                yr[q] = wr[q];
                yr[width + q] = vr[q];
            }
        }
        gdbench_dot_block(x, 2 * width, trailing, y, 2 * width, trailing, 2 * width, a + first * n + first, n, 1, true,
                          true, wide);
    }
}
