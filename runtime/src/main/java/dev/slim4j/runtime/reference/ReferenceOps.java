package dev.slim4j.runtime.reference;

import dev.slim4j.ir.op.ElementwiseOp;
import dev.slim4j.ir.op.NnOp;
import dev.slim4j.ir.op.Op;
import dev.slim4j.ir.op.OpaqueOp;
import dev.slim4j.ir.op.QuantOp;
import dev.slim4j.ir.op.ShapeOp;
import dev.slim4j.ir.op.UnsupportedOpException;
import dev.slim4j.tensor.Tensor;
import java.util.List;

/**
 * The reference semantics of every op: plain scalar Java, written for obviousness, not speed. It is
 * the oracle for fast kernels and the runtime of last resort.
 */
public final class ReferenceOps {
    private ReferenceOps() {}

    /**
     * Evaluates {@code op} on {@code inputs} (null for an omitted optional input) and returns
     * {@code outputCount} outputs (null for an optional output not computed).
     */
    public static List<Tensor> evaluate(Op op, List<Tensor> inputs, int outputCount) {
        return switch (op) {
            case ElementwiseOp e -> ElementwiseReference.evaluate(e, inputs, outputCount);
            case NnOp n -> NnReference.evaluate(n, inputs, outputCount);
            case ShapeOp s -> ShapeReference.evaluate(s, inputs, outputCount);
            case QuantOp q -> QuantReference.evaluate(q, inputs, outputCount);
            case OpaqueOp o -> throw new UnsupportedOpException(o.opType(), o.domain(), 0, "no reference semantics");
        };
    }
}
