package dev.slim4j.compress.quant;

import dev.slim4j.tensor.Tensor;
import java.util.OptionalInt;

/**
 * A weight on an integer grid: {@code real = (values - zeroPoints) * scales}, one scale per slice
 * along {@code axis} (1-D scales and zero points) or one for the whole tensor (scalars, axis empty).
 */
public record QuantizedWeight(Tensor values, Tensor scales, Tensor zeroPoints, OptionalInt axis) {}
