/**
 * The graph IR: {@link dev.slim4j.ir.Graph}, {@link dev.slim4j.ir.Node}, values and their types,
 * attributes, and the {@link dev.slim4j.ir.Model} wrapper. Must not import kernels, runtime or
 * the ONNX reader.
 */
package dev.slim4j.ir;
