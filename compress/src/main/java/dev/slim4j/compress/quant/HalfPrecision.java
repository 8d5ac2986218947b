package dev.slim4j.compress.quant;

import dev.slim4j.tensor.DType;
import java.util.Objects;

/** Weights stored as FLOAT16 or BFLOAT16 and cast back to FLOAT32 where they are read. */
public record HalfPrecision(DType type) implements WeightFormat {
    public HalfPrecision {
        Objects.requireNonNull(type, "type");
        if (type != DType.FLOAT16 && type != DType.BFLOAT16) {
            throw new IllegalArgumentException("half-precision weights are FLOAT16 or BFLOAT16, found " + type);
        }
    }

    public static HalfPrecision float16() { return new HalfPrecision(DType.FLOAT16); }

    public static HalfPrecision bfloat16() { return new HalfPrecision(DType.BFLOAT16); }
}
