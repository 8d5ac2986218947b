package dev.slim4j.compress.quant;

/**
 * What is quantized: {@link #STATIC} weights and activations (QDQ with calibrated activation scales),
 * {@link #WEIGHT_ONLY} weights only (no calibration), {@link #DYNAMIC} weights ahead of time and
 * activations at run time (DynamicQuantizeLinear + MatMulInteger, Gemm and MatMul only).
 */
public enum Mode { STATIC, WEIGHT_ONLY, DYNAMIC }
