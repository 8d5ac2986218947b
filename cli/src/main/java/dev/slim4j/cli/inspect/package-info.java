/**
 * {@code slim4j inspect}: prints the metrics of {@link dev.slim4j.ir.metrics} for a model file,
 * plus its size on disk. No op semantics here.
 */
package dev.slim4j.cli.inspect;
