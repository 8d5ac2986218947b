/**
 * Optimizers (SGD with momentum and Nesterov, Adam, AdamW) and learning-rate schedules. They work
 * on named parameter arrays with their gradient arrays ({@link dev.slim4j.train.optim.ParameterSet}),
 * so any trainer can map its trainable tensors to them; frozen parameters are left untouched.
 * Depends on nothing else in slim4j.
 */
package dev.slim4j.train.optim;
