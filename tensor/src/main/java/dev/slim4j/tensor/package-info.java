/**
 * Tensors and their element types: {@link dev.slim4j.tensor.DType}, {@link dev.slim4j.tensor.Shape},
 * {@link dev.slim4j.tensor.Tensor}. Depends on nothing else in slim4j; must not import the IR,
 * kernels or runtime.
 */
package dev.slim4j.tensor;
