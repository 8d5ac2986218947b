package dev.slim4j.compress.quant;

/** How weights are stored: an integer grid ({@link QuantSpec}) or a 16-bit float type ({@link HalfPrecision}). */
public sealed interface WeightFormat permits QuantSpec, HalfPrecision {}
