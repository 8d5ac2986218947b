package dev.slim4j.train.grad;

import dev.slim4j.tensor.Tensor;

/** Relu, Clip and same-shape Add on float arrays, and the Relu and Clip gradients. */
final class FloatPointwise {
    private FloatPointwise() {}

    static Tensor relu(Tensor x) {
        float[] v = x.floats();
        float[] y = new float[v.length];
        for (int i = 0; i < v.length; i++) y[i] = Math.max(v[i], 0f);
        return Tensor.ofFloats(x.shape(), y);
    }

    static Tensor clip(Tensor x, float lo, float hi) {
        float[] v = x.floats();
        float[] y = new float[v.length];
        for (int i = 0; i < v.length; i++) y[i] = Math.min(hi, Math.max(lo, v[i]));
        return Tensor.ofFloats(x.shape(), y);
    }

    static Tensor add(Tensor a, Tensor b) {
        float[] x = a.floats();
        float[] z = b.floats();
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) y[i] = x[i] + z[i];
        return Tensor.ofFloats(a.shape(), y);
    }

    /** dx = dy where lo <= x <= hi (Clip), 0 elsewhere. */
    static double[] passWithin(Tensor x, double[] dy, float lo, float hi) {
        float[] v = x.floats();
        double[] dx = new double[dy.length];
        for (int i = 0; i < dx.length; i++) dx[i] = v[i] >= lo && v[i] <= hi ? dy[i] : 0;
        return dx;
    }

    /** dx = dy where lo < x < hi (x > 0 for Relu), 0 elsewhere. */
    static double[] passWhere(Tensor x, double[] dy, float lo, float hi) {
        float[] v = x.floats();
        double[] dx = new double[dy.length];
        for (int i = 0; i < dx.length; i++) dx[i] = v[i] > lo && v[i] < hi ? dy[i] : 0;
        return dx;
    }
}
