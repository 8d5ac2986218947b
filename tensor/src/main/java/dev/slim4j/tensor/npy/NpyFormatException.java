package dev.slim4j.tensor.npy;

/** A .npy file is malformed or uses something slim4j does not read (Fortran order, big-endian, an unknown dtype). */
public class NpyFormatException extends RuntimeException {
    public NpyFormatException(String message) { super(message); }

    public NpyFormatException(String message, Throwable cause) { super(message, cause); }
}
