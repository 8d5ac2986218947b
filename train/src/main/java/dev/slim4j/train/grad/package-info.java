/**
 * Automatic differentiation over the graph IR: {@link dev.slim4j.train.grad.Tape} runs a graph forward
 * (training or inference mode) and keeps every value; its backward walk applies the per-op rules of
 * {@link dev.slim4j.train.grad.GradientRules} and returns gradients for the trainable initializers
 * (and optionally the graph inputs). Depends on ir, tensor and runtime's reference ops only; it must
 * not import losses, optimizers or data sets.
 */
package dev.slim4j.train.grad;
