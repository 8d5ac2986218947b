package dev.slim4j.runtime.reference;

import dev.slim4j.ir.op.Identity;
import dev.slim4j.ir.op.ShapeOp;
import dev.slim4j.tensor.Tensor;
import java.util.List;

/** Reference semantics of the data-movement family. */
final class ShapeReference {
    private ShapeReference() {}

    static List<Tensor> evaluate(ShapeOp op, List<Tensor> in, int outputCount) {
        return switch (op) {
            case Identity i -> List.of(in.get(0));
        };
    }
}
