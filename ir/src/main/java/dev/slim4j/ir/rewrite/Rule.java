package dev.slim4j.ir.rewrite;

/** One rewrite entry: where {@code pattern} matches, {@code replacement} computes the root's outputs instead. */
public record Rule(String name, Pattern pattern, Replacement replacement) {}
