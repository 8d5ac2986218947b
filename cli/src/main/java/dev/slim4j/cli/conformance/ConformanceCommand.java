package dev.slim4j.cli.conformance;

import dev.slim4j.cli.ArgParser;
import dev.slim4j.cli.Command;
import dev.slim4j.cli.UsageException;
import dev.slim4j.runtime.SessionOptions;
import dev.slim4j.runtime.plan.KernelChoice;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code slim4j conformance}: runs ONNX's backend test data (suites node, pytorch-converted,
 * pytorch-operator, simple) through the reference runtime and reports passed / failed /
 * unsupported per op type, per suite and in total. Exit code 0 even with failures: it is a report.
 */
public final class ConformanceCommand implements Command {
    public static final Path DEFAULT_DATA = Path.of("/usr/share/libonnx-testdata/data");

    @Override public String name() { return "conformance"; }

    @Override public String summary() { return "run ONNX's backend test data and report passed/failed/unsupported per op"; }

    @Override public int run(List<String> args, PrintStream out, PrintStream err) {
        ArgParser p = new ArgParser(name(), summary());
        var data = p.path("data", "DIR", "test data root holding the suite folders (default " + DEFAULT_DATA + ")", DEFAULT_DATA);
        var filter = p.string("filter", "REGEX", "only tests whose name or suite/name matches (find, not full match)", "");
        var suites = p.string("suites", "LIST", "comma-separated suites (default " + String.join(",", TestCase.SUITES) + ")",
                String.join(",", TestCase.SUITES));
        var timeout = p.integer("timeout", "SECONDS", "time limit per test (default 60)", 60L);
        var kernels = p.string("kernels", "fast|reference", "fast: the compiled plan after the optimizer (default);"
                + " reference: the scalar interpreter on the graph as read", "fast");
        var json = p.flag("json", "print JSON instead of tables");
        var verbose = p.flag("verbose", "print the reason of every failed or unsupported test");
        if (!p.parse(args)) {
            out.print(p.usage());
            return 0;
        }
        if (timeout.value() < 1) throw new UsageException("--timeout must be at least 1 second, found " + timeout.value());
        List<TestCase> cases = TestCase.discover(data.value(), suiteList(suites.value()), compile(filter.value()));
        SessionOptions options = switch (kernels.value()) {
            case "fast" -> SessionOptions.defaults();
            case "reference" -> SessionOptions.defaults().withKernels(KernelChoice.REFERENCE).withOptimize(false);
            default -> throw new UsageException("--kernels must be fast or reference, found '" + kernels.value() + "'");
        };
        ConformanceRunner runner = new ConformanceRunner(Duration.ofSeconds(timeout.value()), ModelSource.ONNX, options);
        List<TestResult> results = new ArrayList<>(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            TestResult r = runner.run(cases.get(i));
            results.add(r);
            if (!json.value() && cases.size() > 20 && (i + 1) % 100 == 0) err.printf("... %d/%d tests%n", i + 1, cases.size());
        }
        ConformanceReport report = new ConformanceReport(results);
        if (json.value()) report.printJson(out);
        else report.printTable(out, verbose.value());
        return 0;
    }

    private static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new UsageException("--filter is not a valid regular expression: " + e.getDescription() + " in '" + regex + "'");
        }
    }

    private static List<String> suiteList(String csv) {
        List<String> out = new ArrayList<>();
        for (String s : csv.split(",")) {
            String t = s.strip();
            if (t.isEmpty()) continue;
            if (!TestCase.SUITES.contains(t) && !t.equals("real")) {
                throw new UsageException("unknown suite '" + t + "', expected some of " + TestCase.SUITES + " or real");
            }
            out.add(t);
        }
        if (out.isEmpty()) throw new UsageException("--suites names no suite, expected some of " + TestCase.SUITES);
        return out;
    }
}
