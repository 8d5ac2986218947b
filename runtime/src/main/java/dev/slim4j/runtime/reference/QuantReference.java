package dev.slim4j.runtime.reference;

import dev.slim4j.ir.op.DequantizeLinear;
import dev.slim4j.ir.op.QuantOp;
import dev.slim4j.tensor.Tensor;
import java.util.List;

/** Reference semantics of the quantization family. */
final class QuantReference {
    private QuantReference() {}

    static List<Tensor> evaluate(QuantOp op, List<Tensor> in, int outputCount) {
        switch (op) {
            case DequantizeLinear d -> throw new UnsupportedOperationException("DequantizeLinear reference not written yet");
        }
    }
}
