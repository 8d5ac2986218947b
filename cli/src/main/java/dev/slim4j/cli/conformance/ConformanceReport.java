package dev.slim4j.cli.conformance;

import dev.slim4j.cli.JsonText;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Aggregates test results: per op type (a test counts for every op type in its model; tests whose
 * model could not be read count under "(unread)"), per suite, and in total. Prints a table or JSON.
 */
public final class ConformanceReport {
    static final String UNREAD = "(unread)";
    private final List<TestResult> results;

    public ConformanceReport(List<TestResult> results) { this.results = List.copyOf(results); }

    public List<TestResult> results() { return results; }

    public long count(Status s) { return results.stream().filter(r -> r.status() == s).count(); }

    Map<String, EnumMap<Status, Long>> byOp() {
        Map<String, EnumMap<Status, Long>> m = new TreeMap<>();
        for (TestResult r : results) {
            for (String op : r.ops().isEmpty() ? List.of(UNREAD) : r.ops()) {
                m.computeIfAbsent(op, k -> zero()).merge(r.status(), 1L, Long::sum);
            }
        }
        return m;
    }

    Map<String, EnumMap<Status, Long>> bySuite() {
        Map<String, EnumMap<Status, Long>> m = new LinkedHashMap<>();
        for (String suite : TestCase.SUITES) {
            if (results.stream().anyMatch(r -> r.test().suite().equals(suite))) m.put(suite, zero());
        }
        for (TestResult r : results) m.computeIfAbsent(r.test().suite(), k -> zero()).merge(r.status(), 1L, Long::sum);
        return m;
    }

    private static EnumMap<Status, Long> zero() {
        EnumMap<Status, Long> m = new EnumMap<>(Status.class);
        for (Status s : Status.values()) m.put(s, 0L);
        return m;
    }

    public void printTable(PrintStream out, boolean verbose) {
        if (verbose) printMessages(out);
        printCounts(out, "op type", byOp());
        out.println();
        printCounts(out, "suite", bySuite());
        out.printf("total: %d passed, %d failed, %d unsupported, %d deviation, %d tests%n",
                count(Status.PASSED), count(Status.FAILED), count(Status.UNSUPPORTED), count(Status.DEVIATION),
                results.size());
    }

    private void printMessages(PrintStream out) {
        for (TestResult r : results) {
            if (r.status() == Status.PASSED) continue;
            out.printf("%-11s %s: %s%n", r.status().label().toUpperCase(), r.test().qualifiedName(), r.message());
        }
        out.println();
    }

    private static void printCounts(PrintStream out, String what, Map<String, EnumMap<Status, Long>> rows) {
        int width = Math.max(what.length(), rows.keySet().stream().mapToInt(String::length).max().orElse(0));
        String fmt = "%-" + width + "s %7s %7s %12s %10s%n";
        out.printf(fmt, what, "passed", "failed", "unsupported", "deviation");
        for (var e : rows.entrySet()) {
            EnumMap<Status, Long> c = e.getValue();
            out.printf(fmt, e.getKey(), c.get(Status.PASSED), c.get(Status.FAILED), c.get(Status.UNSUPPORTED),
                    c.get(Status.DEVIATION));
        }
    }

    public void printJson(PrintStream out) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (Status s : Status.values()) root.put(s.label(), count(s));
        Map<String, Object> suites = new LinkedHashMap<>();
        bySuite().forEach((suite, c) -> suites.put(suite, counts(c)));
        root.put("suites", suites);
        Map<String, Object> ops = new LinkedHashMap<>();
        byOp().forEach((op, c) -> ops.put(op, counts(c)));
        root.put("op_types", ops);
        root.put("tests", results.stream().map(ConformanceReport::testJson).toList());
        out.println(JsonText.write(root));
    }

    private static Map<String, Object> counts(EnumMap<Status, Long> c) {
        Map<String, Object> m = new LinkedHashMap<>();
        c.forEach((s, n) -> m.put(s.label(), n));
        return m;
    }

    private static Map<String, Object> testJson(TestResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.test().name());
        m.put("suite", r.test().suite());
        m.put("status", r.status().label());
        m.put("ops", r.ops());
        m.put("message", r.message());
        m.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
        return m;
    }
}
