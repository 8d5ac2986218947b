package dev.slim4j.ir.op;

import dev.slim4j.ir.AttributeValue;
import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.List;

/**
 * A constant tensor, kept as the one attribute the node used ({@code value}, {@code value_float(s)},
 * {@code value_int(s)}) so the writer gives back the same form. Strings and sparse tensors are
 * kept too, but {@link #tensor()} rejects them.
 */
public record Constant(String attribute, AttributeValue value) implements ShapeOp {
    /** The first (only) attribute of an ONNX Constant node. */
    public static Constant parse(Attributes a, long opset) {
        if (a.values().size() != 1) {
            throw new IllegalArgumentException("expected exactly one Constant attribute, found " + a.values().keySet());
        }
        var e = a.values().firstEntry();
        return new Constant(e.getKey(), e.getValue());
    }

    public static Constant of(Tensor t) { return new Constant("value", AttributeValue.of(t)); }

    @Override public String opType() { return "Constant"; }

    @Override public Attributes attributes() { return Attributes.builder().put(attribute, value).build(); }

    /** The value as a tensor; throws {@link UnsupportedOpException} for strings and sparse tensors. */
    public Tensor tensor() {
        return switch (value) {
            case AttributeValue.TensorValue t when attribute.equals("value") -> t.value();
            case AttributeValue.Float f when attribute.equals("value_float") -> Tensor.scalar(f.value());
            case AttributeValue.Int i when attribute.equals("value_int") -> Tensor.scalarLong(i.value());
            case AttributeValue.Ints i when attribute.equals("value_ints") -> Tensor.vector(Axes.array(i.values()));
            case AttributeValue.Floats f when attribute.equals("value_floats") -> floats(f.values());
            default -> throw new UnsupportedOpException("Constant", "", 0, "attribute '" + attribute + "' is not supported");
        };
    }

    private static Tensor floats(List<Float> values) {
        Tensor t = Tensor.allocate(DType.FLOAT32, Shape.of(values.size()));
        for (int i = 0; i < values.size(); i++) t.setFloat(i, values.get(i));
        return t;
    }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        Tensor t = tensor();
        return List.of(TensorType.of(t.dtype(), t.shape()));
    }
}
