package dev.slim4j.runtime.reference;

import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.ShapeException;
import dev.slim4j.tensor.Tensor;

/**
 * Which quantization parameter an element of x uses: one for the whole tensor (parameters of one
 * element), or one per index along an axis (1-D parameters as long as that axis).
 */
record AxisIndex(long inner, long length) {
    static final AxisIndex PER_TENSOR = new AxisIndex(1, 1);

    /** Checks the parameters (null when omitted) against x's shape and the axis; they must have the same shape. */
    static AxisIndex of(String op, Shape x, long axis, Tensor scale, Tensor zeroPoint) {
        if (zeroPoint != null && !zeroPoint.shape().equals(scale.shape())) {
            throw new ShapeException(op + ": expected scale and zero point of the same shape, found " + scale.shape()
                    + " and " + zeroPoint.shape());
        }
        if (scale.size() == 1 && scale.rank() <= 1) return PER_TENSOR;
        if (scale.rank() != 1) {
            throw new ShapeException(op + ": expected a scalar or 1-D scale, found " + scale.shape());
        }
        int a = x.normalizeAxis(axis);
        if (scale.size() != x.dim(a)) {
            throw new ShapeException(op + ": expected a scale of 1 or " + x.dim(a) + " elements (axis " + axis + " of "
                    + x + "), found " + scale.size());
        }
        return new AxisIndex(x.sizeBetween(a + 1, x.rank()), x.dim(a));
    }

    /** The parameter index of element {@code i} of x (row-major). */
    int channel(long i) { return (int) ((i / inner) % length); }
}
