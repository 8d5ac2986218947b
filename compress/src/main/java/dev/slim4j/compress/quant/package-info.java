/**
 * Post-training quantization: specs (bits, symmetry, signedness, granularity, half-precision weights),
 * observers that stream activation statistics in bounded memory (min-max, moving average, histogram
 * for percentile, KL entropy and MSE), and the flow {@link dev.slim4j.compress.quant.Quantizer#prepare}
 * -> {@link dev.slim4j.compress.quant.Quantizer#calibrate} -> {@link dev.slim4j.compress.quant.Quantizer#convert}
 * that writes standard QDQ ONNX graphs (and DynamicQuantizeLinear + MatMulInteger graphs), plus the
 * editable JSON scale file, per-layer sensitivity with the accuracy-aware fallback, mixed-precision weight bits
 * under a size budget ({@link dev.slim4j.compress.quant.MixedPrecision}) and data-free calibration inputs
 * ({@link dev.slim4j.compress.quant.DataFreeInputs}, through the training tape's input gradients). Every scale,
 * zero point, rounding and clamp is {@link dev.slim4j.tensor.quant.QuantMath}'s; nothing here repeats those
 * formulas. Graphs are never mutated: every step returns a new one. Depends on tensor, ir, onnx, runtime and
 * train; must not import kernels or the runtime's plan.
 */
package dev.slim4j.compress.quant;
