package dev.slim4j.compress.quant;

import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import dev.slim4j.tensor.quant.QuantMath;
import dev.slim4j.tensor.quant.QuantParams;
import java.util.OptionalInt;

/**
 * Quantizes constant tensors: weights per tensor or per channel along any axis with a {@link QuantSpec}
 * (ranges from the weights' own min and max), and biases to INT32 with {@code scale = s_in * s_w}
 * (zero point 0), as ONNX Runtime's quantizer stores them.
 */
public final class WeightQuantizer {
    private WeightQuantizer() {}

    /** {@code w} quantized per tensor, or per slice along {@code axis} when it is present. */
    public static QuantizedWeight quantize(Tensor w, QuantSpec spec, OptionalInt axis) {
        if (w.dtype() != DType.FLOAT32) throw new IllegalArgumentException("expected a FLOAT32 weight, found " + w.dtype());
        int channels = 1;
        long inner = w.size();
        if (axis.isPresent()) {
            int a = w.shape().normalizeAxis(axis.getAsInt());
            channels = w.shape().dim(a);
            inner = w.shape().sizeBetween(a + 1, w.rank());
        }
        QuantParams[] params = new QuantParams[channels];
        float[] min = new float[channels];
        float[] max = new float[channels];
        java.util.Arrays.fill(min, Float.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Float.NEGATIVE_INFINITY);
        for (long i = 0; i < w.size(); i++) {
            int c = (int) (i / inner % channels);
            float v = w.getFloat(i);
            min[c] = Math.min(min[c], v);
            max[c] = Math.max(max[c], v);
        }
        for (int c = 0; c < channels; c++) params[c] = w.size() == 0 ? spec.params(0, 0) : spec.params(min[c], max[c]);
        Tensor q = Tensor.allocate(spec.storage(), w.shape());
        for (long i = 0; i < w.size(); i++) {
            QuantParams p = params[(int) (i / inner % channels)];
            q.setLong(i, QuantMath.quantize(w.getFloat(i), p.scale(), p.zeroPoint(), spec.range()));
        }
        Shape paramShape = axis.isPresent() ? Shape.of(channels) : Shape.scalar();
        Tensor scales = Tensor.allocate(DType.FLOAT32, paramShape);
        Tensor zeroPoints = Tensor.allocate(spec.storage(), paramShape);
        for (int c = 0; c < channels; c++) {
            scales.setFloat(c, params[c].scale());
            zeroPoints.setLong(c, params[c].zeroPoint());
        }
        OptionalInt normalized = axis.isPresent() ? OptionalInt.of(w.shape().normalizeAxis(axis.getAsInt())) : axis;
        return new QuantizedWeight(q, scales, zeroPoints, normalized);
    }

    /**
     * A 1-D bias of {@code n} channels as INT32 with scales {@code inputScale * weightScales[c]}
     * (weightScales a scalar or {@code n} values): the bias adds straight onto the integer accumulator.
     */
    public static QuantizedWeight quantizeBias(Tensor bias, float inputScale, Tensor weightScales) {
        int n = (int) bias.size();
        Tensor scales = Tensor.allocate(DType.FLOAT32, Shape.of(n));
        Tensor q = Tensor.allocate(DType.INT32, Shape.of(n));
        for (int c = 0; c < n; c++) {
            float s = inputScale * weightScales.getFloat(weightScales.size() == 1 ? 0 : c);
            scales.setFloat(c, s);
            q.setLong(c, QuantMath.quantize(bias.getFloat(c), s, 0, DType.INT32));
        }
        return new QuantizedWeight(q, scales, Tensor.allocate(DType.INT32, Shape.of(n)), OptionalInt.of(0));
    }

    /** {@code w} stored as FLOAT16 or BFLOAT16 (round to nearest even). */
    public static Tensor toHalf(Tensor w, HalfPrecision format) { return w.cast(format.type()); }
}
