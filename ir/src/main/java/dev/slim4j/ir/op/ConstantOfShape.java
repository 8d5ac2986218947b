package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.ShapeException;
import dev.slim4j.tensor.Tensor;
import java.util.List;
import java.util.Optional;

/** A tensor of the shape given by input 1 (1-D INT64), filled with the one-element {@code value} (default float 0). */
public record ConstantOfShape(Optional<Tensor> value) implements ShapeOp {
    public ConstantOfShape {
        if (value.isPresent() && value.get().size() != 1) {
            throw new ShapeException("expected a one-element ConstantOfShape value, found " + value.get().shape());
        }
    }

    @Override public String opType() { return "ConstantOfShape"; }

    @Override public Attributes attributes() { return Attributes.builder().put("value", value.orElse(null)).build(); }

    public DType dtype() { return value.map(Tensor::dtype).orElse(DType.FLOAT32); }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        Optional<long[]> shape = Axes.values(ctx.constantInput(0));
        if (shape.isPresent()) return List.of(TensorType.of(dtype(), Dims.of(shape.get())));
        TensorType s = ctx.inputType(0);
        return List.of(s.isStatic() && s.rank() == 1
                ? TensorType.of(dtype(), Dims.unknown(s.shape().dim(0))) : TensorType.unranked(dtype()));
    }
}
