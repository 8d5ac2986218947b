package dev.slim4j.compress.quant;

/** The accuracy of a model with only {@code node} quantized, and its drop from the float accuracy (points). */
public record LayerSensitivity(String node, String opType, double accuracy, double drop) {}
