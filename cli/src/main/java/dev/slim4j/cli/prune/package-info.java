/** The {@code prune} command: structured and unstructured pruning with optional fine-tuning, and its report. */
package dev.slim4j.cli.prune;
