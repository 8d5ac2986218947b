package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.DType;
import java.util.List;

/** Converts every element to the element type {@code to} (ONNX cast semantics). */
public record Cast(DType to) implements ElementwiseOp {
    @Override public String opType() { return "Cast"; }

    @Override public Attributes attributes() { return Attributes.builder().put("to", (long) to.onnxCode()).build(); }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) { return List.of(ctx.inputType(0).withDtype(to)); }
}
