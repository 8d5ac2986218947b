/**
 * Reference semantics of every op, in plain scalar Java over {@link dev.slim4j.tensor.Tensor}s,
 * one class per op family. It is the oracle that fast kernels are tested against.
 */
package dev.slim4j.runtime.reference;
