package dev.slim4j.onnx;

/** A model or tensor file is malformed, truncated, hostile or uses something slim4j cannot read. */
public class ModelFormatException extends RuntimeException {
    public ModelFormatException(String message) { super(message); }

    public ModelFormatException(String message, Throwable cause) { super(message, cause); }
}
