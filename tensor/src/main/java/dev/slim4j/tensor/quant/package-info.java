/**
 * Linear quantization math, in one place: ranges of the integer types, round half to even,
 * saturation, quantize / dequantize / fake-quantize, requantization of integer accumulators, and the
 * choice of scale and zero point from a value range. Observers, QDQ writers, reference ops and
 * kernels all call {@link dev.slim4j.tensor.quant.QuantMath}; none repeats its formulas. Depends only
 * on {@code dev.slim4j.tensor}; must not import the IR, kernels or runtime.
 */
package dev.slim4j.tensor.quant;
