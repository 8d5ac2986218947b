package dev.slim4j.cli.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConformanceReportTest {
    private static TestResult r(String suite, String name, Status s, String... ops) {
        return new TestResult(new TestCase(suite, name, Path.of(name)), s, List.of(ops), s == Status.PASSED ? "" : "why", 0.1);
    }

    private final ConformanceReport report = new ConformanceReport(List.of(
            r("node", "test_a", Status.PASSED, "Conv", "Relu"),
            r("node", "test_b", Status.FAILED, "Relu"),
            r("simple", "test_c", Status.UNSUPPORTED, "Foo", "Relu"),
            r("simple", "test_d", Status.FAILED)));

    @Test void countsATestForEveryOpTypeInItsModel() {
        var byOp = report.byOp();
        assertEquals(List.of(1L, 1L, 1L), List.of(byOp.get("Relu").get(Status.PASSED), byOp.get("Relu").get(Status.FAILED),
                byOp.get("Relu").get(Status.UNSUPPORTED)));
        assertEquals(1L, byOp.get("Conv").get(Status.PASSED));
        assertEquals(1L, byOp.get("Foo").get(Status.UNSUPPORTED));
        assertEquals(1L, byOp.get(ConformanceReport.UNREAD).get(Status.FAILED));
        assertEquals(2L, report.count(Status.FAILED));
    }

    @Test void jsonHasTotalsSuitesAndTests() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.printJson(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String json = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(json.startsWith("{\"passed\": 1, \"failed\": 2, \"unsupported\": 1, \"deviation\": 0, \"suites\": "
                + "{\"node\": {\"passed\": 1, \"failed\": 1, \"unsupported\": 0, \"deviation\": 0}, \"simple\": "
                + "{\"passed\": 0, \"failed\": 1, \"unsupported\": 1, \"deviation\": 0}}"), json);
        assertTrue(json.contains("{\"name\": \"test_b\", \"suite\": \"node\", \"status\": \"failed\", \"ops\": [\"Relu\"], "
                + "\"message\": \"why\""), json);
    }

    @Test void tableEndsWithTotalLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.printTable(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("FAILED      node/test_b: why"), text);
        assertTrue(text.strip().endsWith("total: 1 passed, 2 failed, 1 unsupported, 0 deviation, 4 tests"), text);
    }
}
