/**
 * {@code slim4j bench}: times a model with the slim4j {@link dev.slim4j.runtime.Session} and, on
 * request, with ONNX Runtime on the same file (alternating runs), checks that both give the same
 * outputs and reports medians, p90s, throughput, memory and the slim4j/ORT ratio as a table or JSON.
 * Uses only the public Session API; ONNX Runtime classes stay in {@link dev.slim4j.cli.bench.OrtTarget}.
 */
package dev.slim4j.cli.bench;
