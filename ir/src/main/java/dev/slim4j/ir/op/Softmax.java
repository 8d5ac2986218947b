package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.Shape;
import java.util.List;

/**
 * Softmax, LogSoftmax or Hardmax along {@code axis}. With {@code coerce2d} (opset below 13) the input
 * is viewed as a matrix [prod(dims before axis), prod(dims from axis)] and normalized over each row;
 * otherwise (opset 13 on) it is normalized along the single axis.
 */
public record Softmax(SoftmaxFunction function, long axis, boolean coerce2d) implements ElementwiseOp {
    /** The ONNX default axis: 1 before opset 13, -1 from it. */
    public static long defaultAxis(long opset) { return opset < 13 ? 1 : -1; }

    public static Softmax fromOnnx(SoftmaxFunction function, Attributes a, long opset) {
        return new Softmax(function, a.getInt("axis", defaultAxis(opset)), opset < 13);
    }

    @Override public String opType() { return function.onnxName(); }

    @Override public Attributes attributes() { return Attributes.builder().put("axis", axis).build(); }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        TensorType x = ctx.inputType(0);
        if (x.hasRank()) Shape.normalizeAxis(axis, x.rank());
        return List.of(x);
    }
}
