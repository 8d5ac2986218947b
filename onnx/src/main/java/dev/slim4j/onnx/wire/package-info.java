/**
 * The protobuf wire format, by hand: varints, fixed-width numbers and length-delimited fields,
 * with bounds checks on every read. Knows nothing of ONNX's messages; must not import the IR.
 */
package dev.slim4j.onnx.wire;
