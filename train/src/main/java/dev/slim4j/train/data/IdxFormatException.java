package dev.slim4j.train.data;

/** An IDX file does not follow the format: wrong magic, impossible dimensions, too few or too many bytes. */
public final class IdxFormatException extends RuntimeException {
    public IdxFormatException(String message) {
        super(message);
    }
}
