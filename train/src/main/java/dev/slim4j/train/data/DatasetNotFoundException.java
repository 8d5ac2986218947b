package dev.slim4j.train.data;

/** The files of a data set are not where they were looked for; the message says where and how to get them. */
public final class DatasetNotFoundException extends RuntimeException {
    public DatasetNotFoundException(String message) {
        super(message);
    }
}
