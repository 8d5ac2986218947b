package dev.slim4j.runtime.plan;

import dev.slim4j.kernels.PoolGeometry;
import dev.slim4j.kernels.Pooling;

/** MaxPool, AveragePool (window {@code g}) or global average / max pooling over {@code planes x spatial}. */
record PoolStep(Kind kind, Pooling kernel, PoolGeometry g, boolean countIncludePad, int planes, int spatial,
                Operand x, Operand y, Workers workers) implements Step {
    enum Kind { MAX, AVERAGE, GLOBAL_AVERAGE, GLOBAL_MAX }

    @Override public void run(Frame f) {
        float[] xa = x.array(f);
        int xo = x.offset(f);
        float[] ya = y.array(f);
        int yo = y.offset(f);
        switch (kind) {
            case MAX -> kernel.maxPool(g, xa, xo, ya, yo, workers.parallelism());
            case AVERAGE -> kernel.averagePool(g, countIncludePad, xa, xo, ya, yo, workers.parallelism());
            case GLOBAL_AVERAGE -> workers.forRanges(planes, (part, from, to) ->
                    kernel.globalAveragePool(to - from, spatial, xa, xo + from * spatial, ya, yo + from));
            case GLOBAL_MAX -> workers.forRanges(planes, (part, from, to) ->
                    kernel.globalMaxPool(to - from, spatial, xa, xo + from * spatial, ya, yo + from));
        }
    }
}
