package dev.slim4j.kernels;

import java.util.Random;

/** A random GEMM problem with offsets and leading dimensions larger than needed (test data). */
final class Problem {
    final int m, n, k;
    final boolean transA, transB;
    final float[] a, b, c;
    final int aOff, lda, bOff, ldb, cOff, ldc;
    float alpha;
    float beta;
    Epilogue epilogue = Epilogue.none();

    Problem(int m, int n, int k, boolean transA, boolean transB, Random random) {
        this.m = m;
        this.n = n;
        this.k = k;
        this.transA = transA;
        this.transB = transB;
        this.aOff = random.nextInt(5);
        this.lda = Math.max(1, transA ? m : k) + random.nextInt(4);
        this.bOff = random.nextInt(5);
        this.ldb = Math.max(1, transB ? k : n) + random.nextInt(4);
        this.cOff = random.nextInt(5);
        this.ldc = Math.max(1, n) + random.nextInt(4);
        this.a = values(random, aOff + lda * (transA ? k : m) + 3);
        this.b = values(random, bOff + ldb * (transB ? n : k) + 3);
        this.c = values(random, cOff + ldc * m + 3);
        this.alpha = random.nextBoolean() ? 1f : -1.5f + random.nextFloat() * 3f;
        this.beta = switch (random.nextInt(3)) {
            case 0 -> 0f;
            case 1 -> 1f;
            default -> -1.5f + random.nextFloat() * 3f;
        };
    }

    float[] values(Random random, int length) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = random.nextFloat() * 2f - 1f;
        }
        return values;
    }

    /** Whether array index {@code idx} of c is an element of the m x n matrix C. */
    boolean isInC(int idx) {
        int rel = idx - cOff;
        return rel >= 0 && rel / ldc < m && rel % ldc < n;
    }

    /** Float rounding bound: all values lie in [-1, 1], so each product and C term is at most 1 in size. */
    double tolerance() {
        double terms = Math.abs(alpha) * k + Math.abs(beta) + 1;
        return 2 * (k + 4) * 0x1p-24 * terms + 1e-30;
    }

    @Override
    public String toString() {
        return "m=" + m + " n=" + n + " k=" + k + " transA=" + transA + " transB=" + transB + " alpha=" + alpha
                + " beta=" + beta + " lda=" + lda + " ldb=" + ldb + " ldc=" + ldc + " epilogue=" + epilogue.biasAxis()
                + (epilogue.relu() ? "+relu" : "");
    }
}
