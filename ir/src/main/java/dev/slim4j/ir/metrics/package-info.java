/**
 * Model metrics: parameters, multiply-accumulates, weight bytes per node and in total, and the
 * estimated peak activation memory from value liveness in execution order. Reads the IR only;
 * must not import the runtime, kernels or the ONNX reader.
 */
package dev.slim4j.ir.metrics;
