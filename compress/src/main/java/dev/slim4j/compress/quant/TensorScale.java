package dev.slim4j.compress.quant;

import dev.slim4j.tensor.quant.QuantParams;
import java.util.Objects;

/** The range chosen for one activation value and the scale and zero point it is quantized with. */
public record TensorScale(Range range, QuantParams params) {
    public TensorScale {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(params, "params");
    }
}
