package dev.slim4j.ir.pass;

import dev.slim4j.ir.Node;
import dev.slim4j.ir.op.BatchNormalization;
import dev.slim4j.ir.rewrite.GraphIndex;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.Optional;

/**
 * Inference batch normalization as a per-channel affine map y = x * scale[c] + shift[c], with
 * scale = gamma / sqrt(var + epsilon) and shift = beta - mean * scale, computed in double.
 */
record BatchNormScale(double[] scale, double[] shift) {
    int channels() { return scale.length; }

    /** The map of an inference BatchNormalization node whose four parameters are float32 [C] constants. */
    static Optional<BatchNormScale> of(Node bn, GraphIndex g) {
        if (!(bn.op() instanceof BatchNormalization op) || op.usesBatchStatistics()) return Optional.empty();
        Tensor[] p = new Tensor[4];
        for (int i = 0; i < 4; i++) {
            Optional<Tensor> t = g.constant(bn.input(i + 1));
            if (t.isEmpty() || t.get().dtype() != DType.FLOAT32 || t.get().rank() != 1) return Optional.empty();
            p[i] = t.get();
        }
        int c = p[0].shape().dim(0);
        for (Tensor t : p) if (t.shape().dim(0) != c) return Optional.empty();
        double[] scale = new double[c];
        double[] shift = new double[c];
        for (int i = 0; i < c; i++) {
            scale[i] = p[0].getDouble(i) / Math.sqrt(p[3].getDouble(i) + op.epsilon());
            shift[i] = p[1].getDouble(i) - p[2].getDouble(i) * scale[i];
        }
        return Optional.of(new BatchNormScale(scale, shift));
    }

    /** {@code w} (float32) with every element whose index along {@code axis} is c multiplied by scale[c]. */
    Tensor scaleAlong(Tensor w, int axis) {
        Shape s = w.shape();
        long inner = s.sizeBetween(axis + 1, s.rank());
        int n = s.dim(axis);
        float[] src = w.floats();
        float[] out = new float[src.length];
        for (int i = 0; i < src.length; i++) out[i] = (float) (src[i] * scale[(int) (i / inner % n)]);
        return Tensor.ofFloats(s, out);
    }

    /** The new bias bias[c] * scale[c] + shift[c]; {@code bias} [C] or null for none. */
    Tensor bias(double[] bias) {
        float[] out = new float[channels()];
        for (int i = 0; i < out.length; i++) out[i] = (float) ((bias == null ? 0 : bias[i]) * scale[i] + shift[i]);
        return Tensor.ofFloats(Shape.of(out.length), out);
    }
}
