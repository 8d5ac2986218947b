/**
 * The mapping between ONNX's protobuf messages and slim4j's IR, both ways: decoders (proto to
 * {@link dev.slim4j.ir.Model}, {@link dev.slim4j.ir.Graph}, {@link dev.slim4j.tensor.Tensor}) and
 * encoders (back). Fields the IR does not interpret are carried as {@link dev.slim4j.ir.RawFields}.
 * Uses only {@link dev.slim4j.onnx.wire} for bytes; must not import the runtime.
 */
package dev.slim4j.onnx.codec;
