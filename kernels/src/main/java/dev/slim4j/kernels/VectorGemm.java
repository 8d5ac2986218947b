package dev.slim4j.kernels;

import static dev.slim4j.kernels.GemmMicroKernel.MR;
import static dev.slim4j.kernels.GemmMicroKernel.NR;

import java.util.Objects;

/**
 * {@link Gemm} with the Vector API, blocked like GotoBLAS/BLIS: loops over column panels (nc), depth (kc) and
 * row blocks (mc); packed B panel and packed A block feed a register-blocked {@link GemmMicroKernel}. Threads
 * split C into independent row or column ranges, each with its own packing buffers (one set per thread).
 */
final class VectorGemm implements Gemm {
    private static final int MIN_FLOPS_PER_THREAD = 1 << 21;

    private final GemmBlocking blocking;
    private final int mc;
    private final int nc;
    private final ThreadLocal<Workspace> workspaces;

    VectorGemm(GemmBlocking blocking) {
        this.blocking = Objects.requireNonNull(blocking, "blocking");
        this.mc = roundUp(blocking.mc(), MR);
        this.nc = roundUp(blocking.nc(), NR);
        this.workspaces = ThreadLocal.withInitial(() -> new Workspace(mc * blocking.kc(), blocking.kc() * nc));
    }

    @Override
    public String name() {
        return "vector(" + GemmMicroKernel.LANES + " lanes, " + MR + "x" + NR + ", " + blocking + ")";
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                      float beta, float[] c, int cOff, int ldc, Epilogue epilogue, Parallelism parallelism) {
        GemmArgs g = new GemmArgs(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb,
                beta, c, cOff, ldc, epilogue).check();
        run(g, null, parallelism);
    }

    /**
     * Packs all of op(A) once, in the layout {@link #serial} would pack block by block: the depth block starting
     * at {@code pc} from {@code pc * mPadded}, row sliver {@code ir} of it at {@code + ir * kc}.
     */
    @Override
    public PreparedLeft prepareLeft(boolean transA, int m, int k, float alpha, float[] a, int aOff, int lda) {
        GemmArgs g = new GemmArgs(transA, false, m, 1, k, alpha, a, aOff, lda, new float[Math.max(1, k)], 0, 1, 0f,
                new float[Math.max(1, m)], 0, 1, Epilogue.none()).check();
        int mPadded = roundUp(m, MR);
        float[] packed = new float[mPadded * k];
        float[] block = new float[mPadded * Math.min(k, blocking.kc())];
        for (int pc = 0; pc < k; pc += blocking.kc()) {
            int kc = Math.min(blocking.kc(), k - pc);
            GemmPacking.packA(g, 0, m, pc, kc, block);
            System.arraycopy(block, 0, packed, pc * mPadded, mPadded * kc);
        }
        return new PreparedLeft(transA, m, k, alpha, a, aOff, lda, packed);
    }

    @Override
    public void sgemm(PreparedLeft a, boolean transB, int n, float[] b, int bOff, int ldb, float beta, float[] c,
                      int cOff, int ldc, Epilogue epilogue, Parallelism parallelism) {
        GemmArgs g = new GemmArgs(a.transA(), transB, a.m(), n, a.k(), a.alpha(), a.a(), a.aOff(), a.lda(), b, bOff,
                ldb, beta, c, cOff, ldc, epilogue).check();
        if (a.packed() != null && a.packed().length != roundUp(a.m(), MR) * a.k()) {
            throw new IllegalArgumentException("left operand prepared by another GEMM: expected "
                    + roundUp(a.m(), MR) * a.k() + " packed floats, found " + a.packed().length);
        }
        run(g, a.packed(), parallelism);
    }

    @Override
    public void sgemmRows(boolean transA, boolean transB, int m, int n, int k, float alpha,
                          float[] a, int aOff, int lda, float[] b, int[] bRows,
                          float beta, float[] c, int cOff, int ldc, Epilogue epilogue, Parallelism parallelism) {
        run(new GemmArgs(transA, transB, m, n, k, alpha, a, aOff, lda, b, 0, 1, bRows,
                beta, c, cOff, ldc, epilogue).check(), null, parallelism);
    }

    private void run(GemmArgs g, float[] packedA, Parallelism parallelism) {
        int m = g.m();
        int n = g.n();
        int k = g.k();
        if (m == 0 || n == 0) {
            return;
        }
        if (m == 1 && k > 0 && g.bRows() == null) {
            Gemv.multiply(g, parallelism);
            return;
        }
        long flops = 2L * m * n * Math.max(k, 1);
        int parts = (int) Math.min(parallelism.threads(), Math.max(1, flops / MIN_FLOPS_PER_THREAD));
        int mPadded = roundUp(m, MR);
        if (parts <= 1) {
            serial(g, packedA, 0, mPadded);
            return;
        }
        boolean byColumns = n >= m;
        int extent = byColumns ? n : m;
        int unit = byColumns ? NR : MR;
        int units = (extent + unit - 1) / unit;
        int used = Math.min(parts, units);
        parallelism.run(used, part -> {
            int from = Math.min(extent, (int) ((long) units * part / used) * unit);
            int to = Math.min(extent, (int) ((long) units * (part + 1) / used) * unit);
            if (to > from) {
                serial(byColumns ? g.columns(from, to - from) : g.rows(from, to - from), packedA,
                        byColumns ? 0 : from, mPadded);
            }
        });
    }

    /**
     * The blocked product of {@code g}; with {@code packedA} (from {@link #prepareLeft}, {@code mPadded} rows per
     * depth block) its blocks are read from there, {@code row0} being g's first row in the prepared operand.
     */
    private void serial(GemmArgs g, float[] packedA, int row0, int mPadded) {
        if (g.k() == 0) {
            scaleOnly(g);
            return;
        }
        Workspace w = workspaces.get();
        int kcMax = blocking.kc();
        for (int jc = 0; jc < g.n(); jc += nc) {
            int ncCur = Math.min(nc, g.n() - jc);
            for (int pc = 0; pc < g.k(); pc += kcMax) {
                int kc = Math.min(kcMax, g.k() - pc);
                float beta = pc == 0 ? g.beta() : 1f;
                boolean last = pc + kc == g.k();
                GemmPacking.packB(g, pc, kc, jc, ncCur, w.b);
                for (int ic = 0; ic < g.m(); ic += mc) {
                    int mcCur = Math.min(mc, g.m() - ic);
                    if (packedA == null) {
                        GemmPacking.packA(g, ic, mcCur, pc, kc, w.a);
                        macro(g, w, w.a, 0, ic, mcCur, jc, ncCur, kc, beta, last);
                    } else {
                        macro(g, w, packedA, pc * mPadded + (row0 + ic) * kc, ic, mcCur, jc, ncCur, kc, beta, last);
                    }
                }
            }
        }
    }

    /** All micro-tiles of one packed A block (at {@code ap[apOff]}) against one packed B panel. */
    private static void macro(GemmArgs g, Workspace w, float[] ap, int apOff, int ic, int mcCur, int jc, int ncCur,
                              int kc, float beta, boolean last) {
        float[] c = g.c();
        int ldc = g.ldc();
        boolean epilogue = last && !g.epilogue().isIdentity();
        for (int jr = 0; jr < ncCur; jr += NR) {
            int cols = Math.min(NR, ncCur - jr);
            for (int ir = 0; ir < mcCur; ir += MR) {
                int rows = Math.min(MR, mcCur - ir);
                int cIdx = g.cOff() + (ic + ir) * ldc + jc + jr;
                GemmMicroKernel.multiply(ap, apOff + ir * kc, w.b, jr * kc, kc, w.tile);
                if (rows == MR && cols == NR) {
                    GemmMicroKernel.mergeFull(w.tile, c, cIdx, ldc, beta);
                } else {
                    GemmMicroKernel.mergePartial(w.tile, c, cIdx, ldc, beta, rows, cols);
                }
                if (epilogue) {
                    GemmEpilogueVector.apply(g.epilogue(), c, g.cOff(), ldc, ic + ir, jc + jr, rows, cols);
                }
            }
        }
    }

    /** k == 0: C = epilogue(beta * C). */
    private static void scaleOnly(GemmArgs g) {
        for (int i = 0; i < g.m(); i++) {
            for (int j = 0; j < g.n(); j++) {
                int at = g.cOff() + i * g.ldc() + j;
                float value = g.beta() == 0f ? 0f : g.beta() * g.c()[at];
                g.c()[at] = g.epilogue().apply(value, i, j);
            }
        }
    }

    private static int roundUp(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }

    /** Packing buffers and the micro-tile of one thread. */
    private static final class Workspace {
        final float[] a;
        final float[] b;
        final float[] tile = new float[MR * NR];

        Workspace(int aSize, int bSize) {
            this.a = new float[aSize];
            this.b = new float[bSize];
        }
    }
}
