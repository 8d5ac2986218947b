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
 * vectors, a broadcast and a product want all 16 registers of AVX2; GCC 12 keeps most accumulators on the stack,
 * and the loop still ran at the rate of vpmaddwd alone (about 40 G multiply-adds/s here; 4 rows spilled less and
 * ran slower).
 *
 * Weights within [-64, 64] (7-bit quantization) cannot saturate vpmaddubsw (255 * 64 * 2 < 32768): for panels
 * whose weights all fit, the rows stay bytes and vpmaddubsw + vpmaddwd by ones compute the same exact sums with
 * twice the products per instruction.
 */
#pragma GCC target("avx2,fma")
#include <immintrin.h>
#include <stdint.h>
#include <string.h>

#include "requant.h"

#define NR 64
#define MR 6
/* k per chunk: the widened rows of a block take MR * KC * 2 bytes (24 KiB) of stack */
#define KC 2048

/*
 * Where the rows of A come from: rows of a matrix (lda apart), or patches of padded channels-last images read in
 * place (Int8Patches on the Java side): row i is the patch of output position i % out_hw of image i / out_hw,
 * kernel_rows runs of run_bytes, kernel_row_step bytes apart (k = kernel_rows * run_bytes), packed tightly into the
 * block's rows, so the weights are those of the unfolded patches. A matrix row is one run of k bytes.
 */
typedef struct {
    const uint8_t *a;
    int lda;
    int image_bytes, out_w, out_hw, row_stride, col_stride, kernel_rows, kernel_row_step, run_bytes;
} rows_source;

/* The MR rows of a block as runs: where each starts, the run length and step, and whether a run may be over-read. */
typedef struct {
    const uint8_t *start[MR];
    int run;
    long step;
    int overread;
} block_rows;

/* Rows [i, i + rows) of src (the block's unused rows repeat row i); k is the row length. */
static void locate(const rows_source *src, int k, int i, int rows, block_rows *out) {
    if (src->kernel_rows == 0) {
        for (int r = 0; r < MR; r++) out->start[r] = src->a + (long) (i + (r < rows ? r : 0)) * src->lda;
        out->run = k > 0 ? k : 1;
        out->step = 0;
        out->overread = 0; /* the last row of a matrix may end its array */
        return;
    }
    /* one division per block: consecutive rows step along the output row, then to the next row or image */
    int image = i / src->out_hw, position = i % src->out_hw;
    int oh = position / src->out_w, ow = position % src->out_w;
    for (int r = 0; r < MR; r++) {
        if (r >= rows) {
            out->start[r] = out->start[0];
            continue;
        }
        out->start[r] = src->a + (long) image * src->image_bytes + (long) oh * src->row_stride + (long) ow * src->col_stride;
        if (++ow == src->out_w) {
            ow = 0;
            if (++oh * src->out_w == src->out_hw) {
                oh = 0;
                image++;
            }
        }
    }
    out->run = src->run_bytes;
    out->step = src->kernel_row_step;
    out->overread = 1; /* Int8Patches guarantees 7 bytes of slack past the last patch */
}

/*
 * Elements [k0, k0 + kc) of the block's rows, widened to int16 (wide) or as bytes, at w + r * kcq (kcq: kc rounded
 * up to 4), zero up to kcq. Runs that may be over-read move 8 or 16 bytes at a time, writing up to 7 values past
 * their place, which the next run (or row, or the zero padding) overwrites; the buffer has slack after the last
 * row. Other runs move exactly.
 */
/*
 * Byte rows from runs shorter than 16 bytes: each run is read 8 bytes at a time (over-reading) and appended to a
 * 64-bit word that is stored when full, so the row is written in whole, non-overlapping 8-byte stores. Copying
 * such runs with overlapping 8-byte stores made the 4-byte loads that follow straddle two stores (no store
 * forwarding): the byte path on LeNet-5's 5-byte runs ran 1.4x slower than the 16-bit path. The last word holds
 * the zero padding up to kcq.
 */
static void fill_short_runs(const block_rows *b, int k0, int kc, int kcq, uint8_t *w) {
    for (int r = 0; r < MR; r++) {
        uint8_t *row = w + (long) r * kcq;
        const uint8_t *piece = b->start[r] + (long) (k0 / b->run) * b->step;
        int at = k0 % b->run;
        uint64_t word = 0;
        int held = 0, out = 0;
        for (int t = 0; t < kc; piece += b->step, at = 0) {
            int len = b->run - at < kc - t ? b->run - at : kc - t;
            for (int e = 0; e < len; e += 8) {
                int take = len - e < 8 ? len - e : 8;
                uint64_t v;
                memcpy(&v, piece + at + e, 8);
                if (take < 8) v &= (1ULL << (8 * take)) - 1;
                word |= v << (8 * held);
                if (held + take >= 8) {
                    memcpy(row + out, &word, 8);
                    out += 8;
                    int used = 8 - held;
                    word = used == 8 ? 0 : v >> (8 * used);
                    held += take - 8;
                } else {
                    held += take;
                }
            }
            t += len;
        }
        memcpy(row + out, &word, 8);
    }
}

static void fill(const block_rows *b, int k0, int kc, int kcq, int wide, void *w) {
    if (!wide && b->overread && b->run < 16) {
        fill_short_runs(b, k0, kc, kcq, (uint8_t *) w);
        return;
    }
    for (int r = 0; r < MR; r++) {
        const uint8_t *piece = b->start[r] + (long) (k0 / b->run) * b->step;
        int at = k0 % b->run;
        for (int t = 0; t < kc; piece += b->step, at = 0) {
            int len = b->run - at < kc - t ? b->run - at : kc - t;
            const uint8_t *from = piece + at;
            int e = 0;
            if (wide) {
                int16_t *to = (int16_t *) w + (long) r * kcq + t;
                for (; e + 16 <= len; e += 16) {
                    _mm256_storeu_si256((__m256i *) (to + e), _mm256_cvtepu8_epi16(_mm_loadu_si128((const __m128i *) (from + e))));
                }
                if (b->overread) {
                    for (; e < len; e += 8) {
                        _mm_storeu_si128((__m128i *) (to + e), _mm_cvtepu8_epi16(_mm_loadl_epi64((const __m128i *) (from + e))));
                    }
                } else {
                    for (; e < len; e++) to[e] = from[e];
                }
            } else {
                uint8_t *to = (uint8_t *) w + (long) r * kcq + t;
                for (; e + 32 <= len; e += 32) {
                    _mm256_storeu_si256((__m256i *) (to + e), _mm256_loadu_si256((const __m256i *) (from + e)));
                }
                if (b->overread) {
                    for (; e < len; e += 8) memcpy(to + e, from + e, 8);
                } else {
                    memcpy(to + e, from + e, (size_t) (len - e));
                }
            }
            t += len;
        }
        if (wide) _mm_storeu_si128((__m128i *) ((int16_t *) w + (long) r * kcq + kc), _mm_setzero_si128());
        else memset((uint8_t *) w + (long) r * kcq + kc, 0, 4);
    }
}

/* True when every weight of panels [j0, j1) lies in [-64, 64]: then vpmaddubsw's pair sums cannot saturate. */
static int fits_seven_bits(const int8_t *bp, int quads, int j0, int j1) {
    const int8_t *from = bp + (long) (j0 / NR) * quads * NR * 4;
    long bytes = (long) ((j1 - j0 + NR - 1) / NR) * quads * NR * 4; /* whole panels: a multiple of 256 */
    const __m256i above = _mm256_set1_epi8(65);
    for (long t = 0; t < bytes; t += 32) {
        /* |w| as unsigned bytes (|-128| reads 128); max(|w|, 65) == |w| exactly where |w| > 64 */
        __m256i v = _mm256_abs_epi8(_mm256_loadu_si256((const __m256i *) (from + t)));
        if (_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_max_epu8(v, above), v)) != 0) return 0;
    }
    return 1;
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

/*
 * As accumulate, for weights within [-64, 64] and rows of bytes: vpmaddubsw multiplies a row's 4 bytes by each
 * column's 4 weights into two pair sums of at most 255 * 64 * 2 = 32640 (no saturation), vpmaddwd by ones adds
 * the pair, and each lane is then one column's sum: twice the products per instruction of the 16-bit path.
 */
static inline __attribute__((always_inline)) void accumulate_bytes(const uint8_t *w, int kcq, const int8_t *panel,
                                                                   int g, int quads, __m256i acc[MR]) {
    const __m256i ones = _mm256_set1_epi16(1);
    const int8_t *bq = panel + g * 32;
    for (int q = 0; q < quads; q++, bq += NR * 4) {
        __m256i b = _mm256_loadu_si256((const __m256i *) bq);
        for (int r = 0; r < MR; r++) {
            int32_t four;
            memcpy(&four, w + (long) r * kcq + q * 4, 4);
            __m256i pairs = _mm256_maddubs_epi16(_mm256_set1_epi32(four), b);
            acc[r] = _mm256_add_epi32(acc[r], _mm256_madd_epi16(pairs, ones));
        }
    }
}

/* Where a block's finished sums go: int32 rows of C, or requantized bytes (requant.h). */
typedef struct {
    int32_t *c;
    int ldc;
    requant q;
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

/* The block requantized to bytes by the rule of requant.h. */
static void store_bytes(const sink *s, int i, int j, int rows, int cols, const __m256i acc[MR]) {
    const __m256i lanes = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    const __m256i mask = _mm256_cmpgt_epi32(_mm256_set1_epi32(cols), lanes);
    const __m256i off = _mm256_maskload_epi32(s->q.offset + j, mask);
    const __m256 m = _mm256_maskload_ps(s->q.mul + j, mask);
    const __m256 lo = _mm256_set1_ps((float) (s->q.qmin - s->q.zero));
    const __m256 hi = _mm256_set1_ps((float) (s->q.qmax - s->q.zero));
    const __m256i zero = _mm256_set1_epi32(s->q.zero);
    /* byte 0 of each int32 to the low 4 bytes of its 128-bit lane, then the two lanes' words together */
    const __m256i low_bytes = _mm256_setr_epi8(0, 4, 8, 12, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
                                               0, 4, 8, 12, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1);
    const __m256i gather = _mm256_setr_epi32(0, 4, 1, 1, 1, 1, 1, 1);
    __m128i q8[8];
    for (int r = 0; r < MR; r++) {
        __m256 f = _mm256_mul_ps(_mm256_cvtepi32_ps(_mm256_add_epi32(acc[r], off)), m);
        f = _mm256_round_ps(f, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
        f = _mm256_min_ps(_mm256_max_ps(f, lo), hi);
        __m256i q = _mm256_add_epi32(_mm256_cvtps_epi32(f), zero);
        q = _mm256_permutevar8x32_epi32(_mm256_shuffle_epi8(q, low_bytes), gather);
        q8[r] = _mm256_castsi256_si128(q); /* the row's 8 bytes in the low half */
    }
    int image = i / s->q.rpi, position = i % s->q.rpi;
    if (s->q.channel_stride != 1 && rows == MR && position + MR <= s->q.rpi) {
        /* whole block in one image's planes: transpose to 8 columns of 6 row bytes, one run per plane */
        q8[6] = q8[7] = _mm_setzero_si128();
        __m128i a = _mm_unpacklo_epi8(q8[0], q8[1]), b = _mm_unpacklo_epi8(q8[2], q8[3]);
        __m128i c = _mm_unpacklo_epi8(q8[4], q8[5]), d = _mm_unpacklo_epi8(q8[6], q8[7]);
        __m128i ab0 = _mm_unpacklo_epi16(a, b), ab1 = _mm_unpackhi_epi16(a, b);
        __m128i cd0 = _mm_unpacklo_epi16(c, d), cd1 = _mm_unpackhi_epi16(c, d);
        uint8_t t[64];
        _mm_storeu_si128((__m128i *) t, _mm_unpacklo_epi32(ab0, cd0));       /* columns 0, 1 */
        _mm_storeu_si128((__m128i *) (t + 16), _mm_unpackhi_epi32(ab0, cd0)); /* columns 2, 3 */
        _mm_storeu_si128((__m128i *) (t + 32), _mm_unpacklo_epi32(ab1, cd1)); /* columns 4, 5 */
        _mm_storeu_si128((__m128i *) (t + 48), _mm_unpackhi_epi32(ab1, cd1)); /* columns 6, 7 */
        uint8_t *base = s->q.y + (long) image * s->q.image_stride + position + (long) j * s->q.channel_stride;
        for (int col = 0; col < cols; col++) memcpy(base + (long) col * s->q.channel_stride, t + 8 * col, MR);
        return;
    }
    for (int r = 0; r < rows; r++, position++) {
        if (position == s->q.rpi) {
            position = 0;
            image++;
        }
        uint8_t bytes[8];
        _mm_storel_epi64((__m128i *) bytes, q8[r]);
        uint8_t *base = s->q.y + (long) image * s->q.image_stride + position + (long) j * s->q.channel_stride;
        if (s->q.channel_stride == 1) {
            if (cols == 8) memcpy(base, bytes, 8);
            else memcpy(base, bytes, (size_t) cols);
        } else {
            for (int col = 0; col < cols; col++) base[(long) col * s->q.channel_stride] = bytes[col];
        }
    }
}

/*
 * Rows [i0, i1) and columns [j0, j1) (j0 a multiple of 64) of A * B, each finished block handed to store; on rows
 * of bytes when every weight of those panels fits 7 bits, else on 16-bit rows.
 */
static void product(const rows_source *a, const int8_t *bp, int k, int i0, int i1, int j0, int j1,
                    const sink *s, void (*store)(const sink *, int, int, int, int, const __m256i *)) {
    int quads = (k + 3) / 4;
    int bytes = fits_seven_bits(bp, quads, j0, j1);
    int16_t w[MR * KC + 32];
    __m256i saved[NR / 8][MR];
    block_rows rows_at;
    for (int j = j0; j < j1; j += NR) {
        const int8_t *panel = bp + (long) (j / NR) * quads * NR * 4;
        int cols = j1 - j < NR ? j1 - j : NR;
        int groups = (cols + 7) / 8;
        for (int i = i0; i < i1; i += MR) {
            int rows = i1 - i < MR ? i1 - i : MR;
            locate(a, k, i, rows, &rows_at);
            for (int k0 = 0; k0 == 0 || k0 < k; k0 += KC) { /* once when k is 0: zero sums */
                int kc = k - k0 < KC ? k - k0 : KC;
                int kcq = (kc + 3) / 4 * 4;
                fill(&rows_at, k0, kc, kcq, !bytes, w);
                for (int g = 0; g < groups; g++) {
                    __m256i acc[MR];
                    for (int r = 0; r < MR; r++) acc[r] = k0 == 0 ? _mm256_setzero_si256() : saved[g][r];
                    const int8_t *from = panel + (long) (k0 / 4) * NR * 4;
                    if (bytes) accumulate_bytes((const uint8_t *) w, kcq, from, g, kcq / 4, acc);
                    else accumulate(w, kcq, from, g, kcq / 4, acc);
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
    sink s = {c, ldc, {0, 0, 0, 0, 0, 0, 1, 0, 0}};
    rows_source src = {a, lda, 0, 0, 0, 0, 0, 0, 0, 0};
    product(&src, bp, k, 0, m, j0, j1, &s, store_ints);
}

/* Rows [i0, i1) and columns [j0, j1) of the requantized product: int8_gemm.c's slim4j_int8_gemm_requant. */
void slim4j_int8_avx2_gemm_requant(const uint8_t *a, int lda, const int8_t *bp, int k, int i0, int i1, int j0,
                                   int j1, const int32_t *offset, const float *mul, int zero, int qmin, int qmax,
                                   uint8_t *y, int rpi, int image_stride, int channel_stride) {
    sink s = {0, 0, {offset, mul, zero, qmin, qmax, y, rpi, image_stride, channel_stride}};
    rows_source src = {a, lda, 0, 0, 0, 0, 0, 0, 0, 0};
    product(&src, bp, k, i0, i1, j0, j1, &s, store_bytes);
}

/*
 * The requantized product with A read in place from image patches; geometry = {image_bytes, out_w, out_hw,
 * row_stride, col_stride, kernel_rows, kernel_row_step, run_bytes}, k = kernel_rows * run_bytes.
 */
void slim4j_int8_avx2_patches_requant(const uint8_t *x, const int32_t *geometry, const int8_t *bp, int i0, int i1,
                                      int j0, int j1, const int32_t *offset, const float *mul, int zero, int qmin,
                                      int qmax, uint8_t *y, int rpi, int image_stride, int channel_stride) {
    sink s = {0, 0, {offset, mul, zero, qmin, qmax, y, rpi, image_stride, channel_stride}};
    rows_source src = {x, 0, geometry[0], geometry[1], geometry[2], geometry[3], geometry[4], geometry[5],
                       geometry[6], geometry[7]};
    product(&src, bp, geometry[5] * geometry[7], i0, i1, j0, j1, &s, store_bytes);
}
