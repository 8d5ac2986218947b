package dev.slim4j.cli.conformance;

import dev.slim4j.ir.Value;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * ONNX's backend test data stores bfloat16 tensors as UINT16 (NumPy has no bfloat16 type). Where the
 * graph declares a value BFLOAT16 and the file holds UINT16, the same 16-bit patterns are read as
 * bfloat16, which is what ONNX's own runner does.
 */
final class BFloat16Data {
    private BFloat16Data() {}

    static List<Tensor> asDeclared(List<Tensor> tensors, List<Value> declared) {
        List<Tensor> out = new ArrayList<>(tensors.size());
        for (int i = 0; i < tensors.size(); i++) {
            Tensor t = tensors.get(i);
            boolean bf16 = i < declared.size() && declared.get(i).type().dtype() == DType.BFLOAT16;
            out.add(bf16 && t.dtype() == DType.UINT16 ? Tensor.wrap(DType.BFLOAT16, t.shape(), t.segment()) : t);
        }
        return out;
    }
}
