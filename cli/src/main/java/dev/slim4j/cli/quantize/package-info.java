/**
 * {@code slim4j quantize}: turns command-line options into a {@link dev.slim4j.compress.quant.QuantConfig},
 * runs the compress module's prepare / calibrate / convert flow, writes the model and its scale file,
 * and reports sizes, accuracy and which nodes were quantized. No quantization math here.
 */
package dev.slim4j.cli.quantize;
