package dev.slim4j.kernels;

/**
 * Element-wise kernels over float arrays: binary arithmetic for the common broadcast patterns with a fused
 * activation, activations, per-channel scale+shift (inference BatchNorm) and row softmax. Outputs may alias an
 * input at the same offset (in place); other overlaps are not allowed.
 */
public interface Elementwise {

    String name();

    /** Same shape: {@code y[i] = act(a[i] op b[i])} for {@code i < count}. */
    void binary(BinaryOp op, float[] a, int aOff, float[] b, int bOff, float[] y, int yOff, int count,
                Activation activation);

    /**
     * Tensor with a scalar: {@code y[i] = act(x[i] op s)}, or {@code act(s op x[i])} when {@code scalarFirst}.
     */
    void binaryScalar(BinaryOp op, float[] x, int xOff, float s, boolean scalarFirst, float[] y, int yOff, int count,
                      Activation activation);

    /**
     * Tensor {@code [outer, channels, inner]} (NCHW: outer = N, inner = H*W) with a per-channel vector
     * {@code c[cOff + ch]} ({@code [C]} or {@code [1,C,1,1]}): {@code y = act(x op c[ch])}, or
     * {@code act(c[ch] op x)} when {@code channelFirst}.
     */
    void binaryChannel(BinaryOp op, float[] x, int xOff, float[] c, int cOff, boolean channelFirst,
                       float[] y, int yOff, int outer, int channels, int inner, Activation activation);

    /** {@code y[i] = act(x[i])} for {@code i < count} (in place when y == x and the offsets are equal). */
    void activate(Activation activation, float[] x, int xOff, float[] y, int yOff, int count);

    /**
     * Per-channel affine map over {@code [outer, channels, inner]}:
     * {@code y = act(x * scale[ch] + shift[ch])} (inference BatchNorm, see {@link ScaleShift}).
     */
    void scaleShift(float[] x, int xOff, float[] scale, int scaleOff, float[] shift, int shiftOff,
                    float[] y, int yOff, int outer, int channels, int inner, Activation activation);

    /**
     * QuantizeLinear per tensor, as ONNX specifies it: {@code y[i] = clamp(rint(x[i] / scale) + zeroPoint, qmin, qmax)}
     * with the division in float32, ties to even, and NaN giving {@code clamp(zeroPoint)}; {@code y} holds the
     * low byte of each result (an unsigned 255 is stored as the byte 0xFF).
     */
    void quantize(float[] x, int xOff, byte[] y, int yOff, int count, float scale, int zeroPoint, int qmin, int qmax);

    /**
     * DequantizeLinear per tensor: {@code y[i] = (float) (q[i] - zeroPoint) * scale}, the bytes read as uint8 when
     * {@code unsigned}, else as int8; the difference is exact in float, the product rounds once.
     */
    void dequantize(byte[] q, int qOff, boolean unsigned, int zeroPoint, float scale, float[] y, int yOff, int count);

    /**
     * The gradient pass of Relu and Clip: {@code dx[i] = dy[i]} where {@code lo < x[i] < hi} ({@code lo <= x[i] <= hi}
     * when {@code closed}), else 0 (NaN x gives 0). Gradients are double, the saved input float.
     */
    void passWhere(float[] x, int xOff, double[] dy, int dyOff, double[] dx, int dxOff, int count, float lo, float hi,
                   boolean closed);

    /**
     * BatchNormalization statistics of {@code count} floats in double, shifted by {@code shift} (a sample of the
     * data keeps the one-pass variance exact enough): adds the sum of {@code d = x - shift} to {@code out[0]} and of
     * {@code d*d} to {@code out[1]}; with {@code dy} (else null) also the sum of dy to {@code out[2]} and of
     * {@code dy*d} to {@code out[3]}. The order of additions is fixed for a given implementation.
     */
    void moments(float[] x, int xOff, double[] dy, int dyOff, int count, double shift, double[] out);

    /** Numerically stable softmax of each row of a {@code rows x cols} row-major view. */
    void softmax(float[] x, int xOff, float[] y, int yOff, int rows, int cols);

    /** Numerically stable log-softmax of each row: {@code x - max - log(sum(exp(x - max)))}. */
    void logSoftmax(float[] x, int xOff, float[] y, int yOff, int rows, int cols);
}
