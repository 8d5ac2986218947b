/**
 * Compute kernels over primitive arrays and shapes given as ints: a scalar reference for every kernel
 * (the executable specification) and Vector API versions. Knows nothing about the IR or the runtime;
 * the only module that may import {@code jdk.incubator.vector}.
 */
package dev.slim4j.kernels;
