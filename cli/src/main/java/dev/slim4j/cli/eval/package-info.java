/** The {@code eval} sub-command: measures a classifier (ONNX file) on a data set's test split. */
package dev.slim4j.cli.eval;
