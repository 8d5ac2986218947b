package dev.slim4j.runtime.reference;

import dev.slim4j.ir.op.MatMul;
import dev.slim4j.ir.op.NnOp;
import dev.slim4j.tensor.Tensor;
import java.util.List;

/** Reference semantics of the neural-network layer family. */
final class NnReference {
    private NnReference() {}

    static List<Tensor> evaluate(NnOp op, List<Tensor> in, int outputCount) {
        switch (op) {
            case MatMul m -> throw new UnsupportedOperationException("MatMul reference not written yet");
        }
    }
}
