/*
 * slim4j native kernels: uint8 x int8 -> int32 matrix product for CPUs with AVX2 but no VNNI.
 *
 * Same contract and packed weights as int8_gemm.c (panels of 64 columns, each group of 4 consecutive k stored as
 * the panel's columns with their 4 bytes adjacent). AVX2 has no byte dot product that cannot saturate
 * (vpmaddubsw saturates its pair sums at 16 bits: 255 * 127 * 2 does not fit), so both sides are widened to 16
 * bits and multiplied with vpmaddwd (16 products a vector into 8 exact int32 pair sums): the weights as they are
 * loaded, the rows of A once per register block into a buffer on the stack, k in chunks of KC.
 *
 * A register block is 6 rows x 8 columns. Per group of 4 k, the 16 weight bytes of 4 columns widen to one vector
 * (column c's 4 values in its 64-bit lane) and a row's 4 widened bytes are broadcast to every 64-bit lane, so one
 * vpmaddwd gives each column two partial sums; horizontal adds combine them at the end. 12 accumulators, 2 weight
 * vectors, a broadcast and a product: the 16 registers of AVX2.
 */
#pragma GCC target("avx2,fma")
#include <immintrin.h>
#include <stdint.h>
#include <string.h>

#define NR 64
#define MR 6
/* k per chunk: the widened rows of a block take MR * KC * 2 bytes (24 KiB) of stack */
#define KC 2048

/* Rows r of the block, bytes [k0, k0 + kc) widened to int16, zero past k, at w + r * kcq (kcq: kc rounded up to 4). */
static void widen(const uint8_t *a, int lda, int rows, int k0, int kc, int kcq, int16_t *w) {
    for (int r = 0; r < MR; r++) {
        const uint8_t *src = a + (long) (r < rows ? r : 0) * lda + k0;
        int16_t *dst = w + (long) r * kcq;
        int t = 0;
        for (; t + 16 <= kc; t += 16) {
            __m128i bytes = _mm_loadu_si128((const __m128i *) (src + t));
            _mm256_storeu_si256((__m256i *) (dst + t), _mm256_cvtepu8_epi16(bytes));
        }
        for (; t < kc; t++) dst[t] = src[t];
        for (; t < kcq; t++) dst[t] = 0;
    }
}

/* The 8 column sums of one row from its two accumulators (partial sums of columns 0-3 and 4-7, two each). */
static inline __attribute__((always_inline)) __m256i columns(__m256i x, __m256i y) {
    /* hadd: x0+x1, x2+x3, y0+y1, y2+y3 | x4+x5, x6+x7, y4+y5, y6+y7 = c0 c1 c4 c5 | c2 c3 c6 c7 */
    return _mm256_permute4x64_epi64(_mm256_hadd_epi32(x, y), _MM_SHUFFLE(3, 1, 2, 0));
}

/*
 * The 6 x 8 block at column group g of one panel over quads [0, quads) of a chunk: acc[r] are the 8 column sums of
 * row r, added to what acc held.
 */
static inline __attribute__((always_inline)) void accumulate(const int16_t *w, int kcq, const int8_t *panel, int g,
                                                             int quads, __m256i acc[MR]) {
    __m256i lo[MR], hi[MR];
    for (int r = 0; r < MR; r++) {
        lo[r] = _mm256_setzero_si256();
        hi[r] = _mm256_setzero_si256();
    }
    const int8_t *bq = panel + g * 32;
    for (int q = 0; q < quads; q++, bq += NR * 4) {
        __m256i b0 = _mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *) bq));
        __m256i b1 = _mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *) (bq + 16)));
        for (int r = 0; r < MR; r++) {
            long long four;
            memcpy(&four, w + (long) r * kcq + q * 4, 8);
            __m256i av = _mm256_set1_epi64x(four);
            lo[r] = _mm256_add_epi32(lo[r], _mm256_madd_epi16(av, b0));
            hi[r] = _mm256_add_epi32(hi[r], _mm256_madd_epi16(av, b1));
        }
    }
    for (int r = 0; r < MR; r++) acc[r] = _mm256_add_epi32(acc[r], columns(lo[r], hi[r]));
}

/* Where a block's finished sums go: int32 rows of C, or requantized bytes. */
typedef struct {
    int32_t *c;
    int ldc;
    const int32_t *offset;
    const float *mul;
    int zero, qmin, qmax;
    uint8_t *y;
    int rpi, image_stride, channel_stride;
} sink;

static void store_ints(const sink *s, int i, int j, int rows, int cols, const __m256i acc[MR]) {
    for (int r = 0; r < rows; r++) {
        int32_t *dst = s->c + (long) (i + r) * s->ldc + j;
        if (cols == 8) {
            _mm256_storeu_si256((__m256i *) dst, acc[r]);
        } else {
            int32_t tmp[8];
            _mm256_storeu_si256((__m256i *) tmp, acc[r]);
            memcpy(dst, tmp, (size_t) cols * 4);
        }
    }
}

/*
 * Per column: q = saturate(roundHalfEven((float) (acc + offset) * mul) + zero) to [qmin, qmax] (mul finite, as the
 * Java side checks), stored at y[(row / rpi) * image_stride + row % rpi + col * channel_stride].
 */
static void store_bytes(const sink *s, int i, int j, int rows, int cols, const __m256i acc[MR]) {
    int32_t offset[8] = {0};
    float mul[8] = {0};
    memcpy(offset, s->offset + j, (size_t) cols * 4);
    memcpy(mul, s->mul + j, (size_t) cols * 4);
    const __m256i off = _mm256_loadu_si256((const __m256i *) offset);
    const __m256 m = _mm256_loadu_ps(mul);
    const __m256 lo = _mm256_set1_ps((float) (s->qmin - s->zero));
    const __m256 hi = _mm256_set1_ps((float) (s->qmax - s->zero));
    const __m256i zero = _mm256_set1_epi32(s->zero);
    /* byte 0 of each int32 to the low 4 bytes of its 128-bit lane, then the two lanes' words together */
    const __m256i low_bytes = _mm256_setr_epi8(0, 4, 8, 12, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
                                               0, 4, 8, 12, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1);
    const __m256i gather = _mm256_setr_epi32(0, 4, 1, 1, 1, 1, 1, 1);
    int image = i / s->rpi, position = i % s->rpi;
    for (int r = 0; r < rows; r++, position++) {
        if (position == s->rpi) {
            position = 0;
            image++;
        }
        __m256 f = _mm256_mul_ps(_mm256_cvtepi32_ps(_mm256_add_epi32(acc[r], off)), m);
        f = _mm256_round_ps(f, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
        f = _mm256_min_ps(_mm256_max_ps(f, lo), hi);
        __m256i q = _mm256_add_epi32(_mm256_cvtps_epi32(f), zero);
        q = _mm256_permutevar8x32_epi32(_mm256_shuffle_epi8(q, low_bytes), gather);
        uint8_t bytes[8];
        _mm_storel_epi64((__m128i *) bytes, _mm256_castsi256_si128(q));
        uint8_t *base = s->y + (long) image * s->image_stride + position + (long) j * s->channel_stride;
        if (s->channel_stride == 1) {
            memcpy(base, bytes, (size_t) cols);
        } else {
            for (int c = 0; c < cols; c++) base[(long) c * s->channel_stride] = bytes[c];
        }
    }
}

/* Rows [i0, i1) and columns [j0, j1) (j0 a multiple of 64) of A * B, each finished block handed to store. */
static void product(const uint8_t *a, int lda, const int8_t *bp, int k, int i0, int i1, int j0, int j1,
                    const sink *s, void (*store)(const sink *, int, int, int, int, const __m256i *)) {
    int quads = (k + 3) / 4;
    int16_t w[MR * KC];
    __m256i saved[NR / 8][MR];
    for (int j = j0; j < j1; j += NR) {
        const int8_t *panel = bp + (long) (j / NR) * quads * NR * 4;
        int cols = j1 - j < NR ? j1 - j : NR;
        int groups = (cols + 7) / 8;
        for (int i = i0; i < i1; i += MR) {
            int rows = i1 - i < MR ? i1 - i : MR;
            for (int k0 = 0; k0 == 0 || k0 < k; k0 += KC) { /* once when k is 0: zero sums */
                int kc = k - k0 < KC ? k - k0 : KC;
                int kcq = (kc + 3) / 4 * 4;
                widen(a + (long) i * lda, lda, rows, k0, kc, kcq, w);
                for (int g = 0; g < groups; g++) {
                    __m256i acc[MR];
                    for (int r = 0; r < MR; r++) acc[r] = k0 == 0 ? _mm256_setzero_si256() : saved[g][r];
                    accumulate(w, kcq, panel + (long) (k0 / 4) * NR * 4, g, kcq / 4, acc);
                    if (k0 + kc < k) {
                        for (int r = 0; r < MR; r++) saved[g][r] = acc[r];
                    } else {
                        int width = cols - g * 8 < 8 ? cols - g * 8 : 8;
                        store(s, i, j + g * 8, rows, width, acc);
                    }
                }
            }
        }
    }
}

/* Columns [j0, j1) of C (row-major, ldc) = A * B, j0 a multiple of 64: int8_gemm.c's slim4j_int8_gemm. */
void slim4j_int8_avx2_gemm(const uint8_t *a, int lda, const int8_t *bp, int32_t *c, int ldc, int m, int n, int k,
                           int j0, int j1) {
    (void) n;
    sink s = {c, ldc, 0, 0, 0, 0, 0, 0, 1, 0, 0};
    product(a, lda, bp, k, 0, m, j0, j1, &s, store_ints);
}

/* Rows [i0, i1) and columns [j0, j1) of the requantized product: int8_gemm.c's slim4j_int8_gemm_requant. */
void slim4j_int8_avx2_gemm_requant(const uint8_t *a, int lda, const int8_t *bp, int k, int i0, int i1, int j0,
                                   int j1, const int32_t *offset, const float *mul, int zero, int qmin, int qmax,
                                   uint8_t *y, int rpi, int image_stride, int channel_stride) {
    sink s = {0, 0, offset, mul, zero, qmin, qmax, y, rpi, image_stride, channel_stride};
    product(a, lda, bp, k, i0, i1, j0, j1, &s, store_bytes);
}
