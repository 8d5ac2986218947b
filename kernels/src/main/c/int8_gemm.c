/*
 * slim4j native kernels: uint8 x int8 -> int32 matrix product with AVX-512 VNNI (vpdpbusd).
 *
 * C[m x n] (row-major, ldc) = A[m x k] (uint8, row-major, lda) * B[k x n] (int8), exact in int32.
 * B comes packed by the Java side (Int8Weights): panels of 64 columns; within a panel, for each group of 4
 * consecutive k, the 64 columns x 4 bytes (k innermost), zero-padded in k and n. Products of uint8 and int8 sum
 * without saturation (vpdpbusd, not vpdpbusds), so results equal the scalar definition exactly.
 */
#pragma GCC target("avx512f,avx512bw,avx512vnni")
#include <immintrin.h>
#include <stdint.h>
#include <string.h>

#include "requant.h"

#define NR 64

/* The 4 bytes a[k0 .. k0+3] of one row as an int32, zero past k. */
static inline int32_t quad(const uint8_t *row, int k0, int k) {
    if (k0 + 4 <= k) {
        int32_t v;
        memcpy(&v, row + k0, 4);
        return v;
    }
    uint8_t tmp[4] = {0, 0, 0, 0};
    for (int i = 0; k0 + i < k; i++) tmp[i] = row[k0 + i];
    int32_t v;
    memcpy(&v, tmp, 4);
    return v;
}

#define RMAX 24

/* Stores rows x cols of the accumulators (nv vectors of 16 columns per row). */
static inline __attribute__((always_inline)) void store(int32_t *c, int ldc, int rows, int cols, __m512i acc[RMAX][4],
                                                        const int nv) {
    for (int r = 0; r < rows; r++) {
        for (int v = 0; v < nv; v++) {
            int from = v * 16;
            if (from >= cols) break;
            int left = cols - from;
            __mmask16 mask = left >= 16 ? (__mmask16) 0xFFFF : (__mmask16) ((1u << left) - 1);
            _mm512_mask_storeu_epi32(c + (long) r * ldc + from, mask, acc[r][v]);
        }
    }
}

/*
 * The accumulators of one block of C: up to mr rows of a times the first nv x 16 columns of one packed panel of b.
 * Called with constant (mr, nv) = (6, 4), (12, 2) or (24, 1): 24 accumulators each, so narrow layers (16 or 32
 * output channels) do not multiply the zero padding of a 64-column panel.
 */
static inline __attribute__((always_inline)) void accumulate(const uint8_t *a, int lda, const int8_t *panel, int rows,
                                                             int k, __m512i acc[RMAX][4], const int mr, const int nv) {
    int quads = (k + 3) / 4;
    int full = k / 4;
    for (int r = 0; r < mr; r++)
        for (int v = 0; v < nv; v++) acc[r][v] = _mm512_setzero_si512();
    const uint8_t *arow[RMAX];
    int32_t tail[RMAX];
    for (int r = 0; r < mr; r++) {
        arow[r] = a + (long) (r < rows ? r : 0) * lda;
        tail[r] = quad(arow[r], full * 4, k);
    }
    for (int q = 0; q < quads; q++) {
        const int8_t *bq = panel + (long) q * NR * 4;
        __m512i b[4];
        for (int v = 0; v < nv; v++) b[v] = _mm512_loadu_si512((const void *) (bq + 64 * v));
        for (int r = 0; r < mr; r++) {
            int32_t word;
            if (q < full) memcpy(&word, arow[r] + q * 4, 4);
            else word = tail[r];
            __m512i av = _mm512_set1_epi32(word);
            for (int v = 0; v < nv; v++) acc[r][v] = _mm512_dpbusd_epi32(acc[r][v], av, b[v]);
        }
    }
}

/* One block of C stored as int32. */
static inline __attribute__((always_inline)) void block(const uint8_t *a, int lda, const int8_t *panel, int32_t *c,
                                                        int ldc, int rows, int cols, int k, const int mr, const int nv) {
    __m512i acc[RMAX][4];
    accumulate(a, lda, panel, rows, k, acc, mr, nv);
    store(c, ldc, rows, cols, acc, nv);
}

static void block64(const uint8_t *a, int lda, const int8_t *p, int32_t *c, int ldc, int rows, int cols, int k) {
    block(a, lda, p, c, ldc, rows, cols, k, 6, 4);
}

static void block32(const uint8_t *a, int lda, const int8_t *p, int32_t *c, int ldc, int rows, int cols, int k) {
    block(a, lda, p, c, ldc, rows, cols, k, 12, 2);
}

static void block16(const uint8_t *a, int lda, const int8_t *p, int32_t *c, int ldc, int rows, int cols, int k) {
    block(a, lda, p, c, ldc, rows, cols, k, 24, 1);
}

/* Columns [j0, j1) of C, j0 a multiple of 64 (whole panels). */
void slim4j_int8_gemm(const uint8_t *a, int lda, const int8_t *bp, int32_t *c, int ldc,
                      int m, int n, int k, int j0, int j1) {
    (void) n;
    int quads = (k + 3) / 4;
    for (int j = j0; j < j1; j += NR) {
        const int8_t *panel = bp + (long) (j / NR) * quads * NR * 4;
        int cols = j1 - j < NR ? j1 - j : NR;
        int mr = cols <= 16 ? 24 : cols <= 32 ? 12 : 6;
        for (int i = 0; i < m; i += mr) {
            int rows = m - i < mr ? m - i : mr;
            if (cols <= 16) block16(a + (long) i * lda, lda, panel, c + (long) i * ldc + j, ldc, rows, cols, k);
            else if (cols <= 32) block32(a + (long) i * lda, lda, panel, c + (long) i * ldc + j, ldc, rows, cols, k);
            else block64(a + (long) i * lda, lda, panel, c + (long) i * ldc + j, ldc, rows, cols, k);
        }
    }
}

/* Requantizing epilogue: C = A * B as above, then requantized per column (requant.h). */

static inline __attribute__((always_inline)) void store_requant(const requant *q, int i, int j, int rows, int cols,
                                                                __m512i acc[RMAX][4], const int nv) {
    const __m512 lo = _mm512_set1_ps((float) (q->qmin - q->zero));
    const __m512 hi = _mm512_set1_ps((float) (q->qmax - q->zero));
    const __m512i zero = _mm512_set1_epi32(q->zero);
    __m512i off[4];
    __m512 mul[4];
    for (int v = 0; v < nv; v++) {
        int from = v * 16;
        int left = cols - from;
        __mmask16 mask = left >= 16 ? (__mmask16) 0xFFFF : left <= 0 ? 0 : (__mmask16) ((1u << left) - 1);
        off[v] = _mm512_maskz_loadu_epi32(mask, q->offset + j + from);
        mul[v] = _mm512_maskz_loadu_ps(mask, q->mul + j + from);
    }
    for (int r = 0; r < rows; r++) {
        int row = i + r;
        uint8_t *base = q->y + (long) (row / q->rpi) * q->image_stride + row % q->rpi;
        for (int v = 0; v < nv; v++) {
            int from = v * 16;
            if (from >= cols) break;
            int left = cols - from;
            __m512 f = _mm512_mul_ps(_mm512_cvtepi32_ps(_mm512_add_epi32(acc[r][v], off[v])), mul[v]);
            f = _mm512_roundscale_ps(f, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
            f = _mm512_min_ps(_mm512_max_ps(f, lo), hi);
            __m128i bytes = _mm512_cvtepi32_epi8(_mm512_add_epi32(_mm512_cvtps_epi32(f), zero));
            if (q->channel_stride == 1) {
                __mmask64 mask = left >= 16 ? (__mmask64) 0xFFFF : (__mmask64) ((1u << left) - 1);
                _mm512_mask_storeu_epi8(base + j + from, mask, _mm512_castsi128_si512(bytes));
            } else {
                uint8_t tmp[16];
                _mm_storeu_si128((__m128i *) tmp, bytes);
                uint8_t *dst = base + (long) (j + from) * q->channel_stride;
                int count = left < 16 ? left : 16;
                for (int c = 0; c < count; c++) dst[(long) c * q->channel_stride] = tmp[c];
            }
        }
    }
}

/* One block of C requantized to bytes. */
static inline __attribute__((always_inline)) void block_requant(const uint8_t *a, int lda, const int8_t *panel,
                                                                const requant *q, int i, int j, int rows, int cols,
                                                                int k, const int mr, const int nv) {
    __m512i acc[RMAX][4];
    accumulate(a, lda, panel, rows, k, acc, mr, nv);
    store_requant(q, i, j, rows, cols, acc, nv);
}

static void block64_requant(const uint8_t *a, int lda, const int8_t *p, const requant *q, int i, int j, int rows,
                            int cols, int k) {
    block_requant(a, lda, p, q, i, j, rows, cols, k, 6, 4);
}

static void block32_requant(const uint8_t *a, int lda, const int8_t *p, const requant *q, int i, int j, int rows,
                            int cols, int k) {
    block_requant(a, lda, p, q, i, j, rows, cols, k, 12, 2);
}

static void block16_requant(const uint8_t *a, int lda, const int8_t *p, const requant *q, int i, int j, int rows,
                            int cols, int k) {
    block_requant(a, lda, p, q, i, j, rows, cols, k, 24, 1);
}

/* Rows [i0, i1) and columns [j0, j1) (j0 a multiple of 64) of the requantized product. */
void slim4j_int8_gemm_requant(const uint8_t *a, int lda, const int8_t *bp, int k, int i0, int i1, int j0, int j1,
                              const int32_t *offset, const float *mul, int zero, int qmin, int qmax, uint8_t *y,
                              int rpi, int image_stride, int channel_stride) {
    requant q = {offset, mul, zero, qmin, qmax, y, rpi, image_stride, channel_stride};
    int quads = (k + 3) / 4;
    for (int j = j0; j < j1; j += NR) {
        const int8_t *panel = bp + (long) (j / NR) * quads * NR * 4;
        int cols = j1 - j < NR ? j1 - j : NR;
        int mr = cols <= 16 ? 24 : cols <= 32 ? 12 : 6;
        for (int i = i0; i < i1; i += mr) {
            int rows = i1 - i < mr ? i1 - i : mr;
            const uint8_t *ai = a + (long) i * lda;
            if (cols <= 16) block16_requant(ai, lda, panel, &q, i, j, rows, cols, k);
            else if (cols <= 32) block32_requant(ai, lda, panel, &q, i, j, rows, cols, k);
            else block64_requant(ai, lda, panel, &q, i, j, rows, cols, k);
        }
    }
}
