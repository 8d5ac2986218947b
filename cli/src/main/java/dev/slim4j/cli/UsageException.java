package dev.slim4j.cli;

/** The command line is wrong: unknown option, missing value, bad number. The message says what was expected. */
public class UsageException extends RuntimeException {
    public UsageException(String message) { super(message); }
}
