/**
 * Execution plans: a graph compiled for concrete input shapes into steps that call the fast kernels (or the
 * reference ops where no kernel applies), with one planned float arena shared by activations by liveness.
 */
package dev.slim4j.runtime.plan;
