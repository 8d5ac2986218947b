package dev.slim4j.cli.conformance;

/** The outcome of one conformance test. */
public enum Status {
    PASSED, FAILED, UNSUPPORTED,
    /** Would fail only because the suite's expected data is known to be wrong; see {@link ReferenceDataDeviations}. */
    DEVIATION;

    public String label() { return name().toLowerCase(); }
}
