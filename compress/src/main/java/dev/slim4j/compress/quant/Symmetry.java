package dev.slim4j.compress.quant;

/** Whether a quantization grid is centred on zero (zero point 0 or mid-grid) or fitted to [min, max]. */
public enum Symmetry { SYMMETRIC, ASYMMETRIC }
