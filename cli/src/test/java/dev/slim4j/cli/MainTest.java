package dev.slim4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test void noArgumentsIsUsageError() {
        CliRun r = CliRun.of();
        assertEquals(Main.USAGE, r.exitCode());
        assertTrue(r.err().contains("conformance"), r.err());
    }

    @Test void helpListsCommands() {
        CliRun r = CliRun.of("--help");
        assertEquals(0, r.exitCode());
        for (String c : new String[] {"inspect", "run", "conformance"}) assertTrue(r.out().contains(c), r.out());
    }

    @Test void unknownCommandListsValidOnes() {
        CliRun r = CliRun.of("compile");
        assertEquals(Main.USAGE, r.exitCode());
        assertTrue(r.err().contains("unknown command 'compile', expected one of [demo, inspect, run, conformance, bench, train, eval, zoo, quantize, prune]"), r.err());
    }

    @Test void unknownOptionIsUsageErrorNamingValidOptions() {
        CliRun r = CliRun.of("conformance", "--filer", "relu");
        assertEquals(Main.USAGE, r.exitCode());
        assertTrue(r.err().contains("unknown option '--filer'"), r.err());
        assertTrue(r.err().contains("--filter"), r.err());
    }

    @Test void subCommandHelpExitsZero() {
        CliRun r = CliRun.of("run", "--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("--input NAME=FILE"), r.out());
    }

    @Test void missingModelFileIsFailureNotCrash() {
        CliRun r = CliRun.of("inspect", "/nonexistent/model.onnx");
        assertEquals(Main.FAILURE, r.exitCode());
        assertTrue(r.err().contains("does not exist"), r.err());
    }
}
