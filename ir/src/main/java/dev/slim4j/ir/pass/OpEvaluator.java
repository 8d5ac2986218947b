package dev.slim4j.ir.pass;

import dev.slim4j.ir.op.Op;
import dev.slim4j.tensor.Tensor;
import java.util.List;

/**
 * Computes an op's outputs from its input values (null for omitted optional inputs); the runtime
 * supplies one (its reference interpreter). Throws {@link dev.slim4j.ir.op.UnsupportedOpException}
 * for an op it cannot evaluate.
 */
@FunctionalInterface
public interface OpEvaluator {
    List<Tensor> evaluate(Op op, List<Tensor> inputs, int outputCount);
}
