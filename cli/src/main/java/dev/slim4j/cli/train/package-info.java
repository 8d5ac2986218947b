/** The {@code train} sub-command: trains a zoo model or an ONNX file on a data set and writes the result as ONNX. */
package dev.slim4j.cli.train;
