package dev.slim4j.cli.conformance;

import java.util.List;

/** The outcome of one test: its status, the op types of its model (empty if unreadable) and why it did not pass. */
public record TestResult(TestCase test, Status status, List<String> ops, String message, double seconds) {
    public TestResult {
        ops = List.copyOf(ops);
        if (message == null) message = "";
    }
}
