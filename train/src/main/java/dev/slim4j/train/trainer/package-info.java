/**
 * The training loop on the graph IR: {@link dev.slim4j.train.trainer.Trainer} runs any classifier graph
 * (a zoo model or an imported ONNX file) forward and backward on the tape, steps an optimizer over the
 * trainable initializers, updates BatchNorm running statistics from the tape, reports to listeners
 * (batch, epoch, validation, end) and writes ONNX checkpoints that a run resumes from exactly.
 * {@link dev.slim4j.train.trainer.Evaluator} measures a model on a data set. Uses grad, loss, optim,
 * data, metric and the onnx module; must not import the zoo or the CLI.
 */
package dev.slim4j.train.trainer;
