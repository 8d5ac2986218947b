package dev.slim4j.compress.quant;

import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.quant.IntegerRange;
import dev.slim4j.tensor.quant.QuantMath;
import dev.slim4j.tensor.quant.QuantParams;
import java.util.Objects;

/**
 * An integer quantization scheme: {@code bits} (2 to 8, stored in INT8 or UINT8), signedness,
 * symmetry and granularity. A signed symmetric grid is narrow (-127..127 for 8 bits), so that
 * {@code -x} quantizes to {@code -q}; an unsigned symmetric grid is centred on its middle value.
 */
public record QuantSpec(int bits, boolean signed, Symmetry symmetry, Granularity granularity) implements WeightFormat {
    public static final int MIN_BITS = 2;
    public static final int MAX_BITS = 8;

    public QuantSpec {
        if (bits < MIN_BITS || bits > MAX_BITS) {
            throw new IllegalArgumentException("integer quantization takes " + MIN_BITS + " to " + MAX_BITS
                    + " bits, found " + bits + (bits == 16 ? " (use FLOAT16 or BFLOAT16 weights for 16 bits)" : ""));
        }
        Objects.requireNonNull(symmetry, "symmetry");
        Objects.requireNonNull(granularity, "granularity");
    }

    /** INT8 symmetric per output channel: the usual weight scheme (ONNX Runtime's and TensorRT's). */
    public static QuantSpec int8Weights() {
        return new QuantSpec(8, true, Symmetry.SYMMETRIC, Granularity.perOutputChannel());
    }

    /** UINT8 asymmetric per tensor: the usual activation scheme (ONNX Runtime's default). */
    public static QuantSpec uint8Activations() {
        return new QuantSpec(8, false, Symmetry.ASYMMETRIC, Granularity.perTensor());
    }

    public QuantSpec withBits(int b) { return new QuantSpec(b, signed, symmetry, granularity); }

    public QuantSpec withSigned(boolean s) { return new QuantSpec(bits, s, symmetry, granularity); }

    public QuantSpec withSymmetry(Symmetry s) { return new QuantSpec(bits, signed, s, granularity); }

    public QuantSpec withGranularity(Granularity g) { return new QuantSpec(bits, signed, symmetry, g); }

    /** The integer grid values are clamped to. */
    public IntegerRange range() { return IntegerRange.bits(bits, signed, signed && symmetry == Symmetry.SYMMETRIC); }

    /** INT8 or UINT8. */
    public DType storage() { return range().storage(); }

    /** Scale and zero point covering [min, max] (widened to include 0) with this scheme. */
    public QuantParams params(float min, float max) {
        return symmetry == Symmetry.SYMMETRIC ? QuantMath.symmetric(min, max, range())
                : QuantMath.asymmetric(min, max, range());
    }

    /** {@link #params(float, float)} of an observed range. */
    public QuantParams params(Range r) { return params(r.min(), r.max()); }

    /** Readable form: "int8 symmetric per-output-channel". */
    public String describe() {
        String g = switch (granularity) {
            case Granularity.PerTensor p -> "per-tensor";
            case Granularity.PerChannel c -> "per-channel(axis " + c.axis() + ")";
            case Granularity.PerOutputChannel o -> "per-output-channel";
        };
        return (signed ? "int" : "uint") + bits + " " + symmetry.name().toLowerCase(java.util.Locale.ROOT) + " " + g;
    }
}
