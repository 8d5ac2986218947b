package dev.slim4j.tensor;

/** A shape is invalid or two shapes do not fit together. The message says what was expected and found. */
public class ShapeException extends RuntimeException {
    public ShapeException(String message) { super(message); }
}
