package dev.slim4j.train.grad;

import dev.slim4j.kernels.Kernels;
import dev.slim4j.kernels.Parallelism;
import dev.slim4j.tensor.Tensor;

/**
 * Relu, Clip and same-shape Add on float arrays, and the Relu and Clip gradients, element ranges split across
 * threads (element-wise, so the result does not depend on the split); small arrays stay on the calling thread.
 */
final class FloatPointwise {
    /** Elements below which a split costs more than it saves. */
    private static final int MIN_PARALLEL = 1 << 15;

    private FloatPointwise() {}

    static Tensor relu(Tensor x, Parallelism par) {
        return clip(x, 0f, Float.POSITIVE_INFINITY, par);
    }

    static Tensor clip(Tensor x, float lo, float hi, Parallelism par) {
        float[] v = x.floats();
        float[] y = new float[v.length];
        split(par, v.length, (part, from, to) -> {
            for (int i = from; i < to; i++) y[i] = Math.min(hi, Math.max(lo, v[i]));
        });
        return Tensor.ofFloats(x.shape(), y);
    }

    static Tensor add(Tensor a, Tensor b, Parallelism par) {
        float[] x = a.floats();
        float[] z = b.floats();
        float[] y = new float[x.length];
        split(par, x.length, (part, from, to) -> {
            for (int i = from; i < to; i++) y[i] = x[i] + z[i];
        });
        return Tensor.ofFloats(a.shape(), y);
    }

    /** dx = dy where lo <= x <= hi (Clip), 0 elsewhere. */
    static double[] passWithin(Tensor x, double[] dy, float lo, float hi, Parallelism par) {
        float[] v = x.floats();
        double[] dx = new double[dy.length];
        split(par, dx.length, (part, from, to) ->
                Kernels.elementwise().passWhere(v, from, dy, from, dx, from, to - from, lo, hi, true));
        return dx;
    }

    /** dx = dy where lo < x < hi (x > 0 for Relu), 0 elsewhere. */
    static double[] passWhere(Tensor x, double[] dy, float lo, float hi, Parallelism par) {
        float[] v = x.floats();
        double[] dx = new double[dy.length];
        split(par, dx.length, (part, from, to) ->
                Kernels.elementwise().passWhere(v, from, dy, from, dx, from, to - from, lo, hi, false));
        return dx;
    }

    private static void split(Parallelism par, int n, Chunks.Task task) {
        if (n < MIN_PARALLEL) task.run(0, 0, n);
        else Chunks.run(par, n, task);
    }
}
