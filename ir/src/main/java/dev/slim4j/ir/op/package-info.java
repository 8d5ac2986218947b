/**
 * The sealed set of ops: one record per ONNX operator (or closed family), with attribute parsing
 * and type inference. Knows nothing about kernels or the runtime; imports only {@code ir} and
 * {@code tensor}.
 */
package dev.slim4j.ir.op;
