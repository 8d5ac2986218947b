package dev.slim4j.cli.conformance;

import dev.slim4j.ir.Model;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.Value;
import dev.slim4j.runtime.Session;
import dev.slim4j.runtime.SessionOptions;
import dev.slim4j.tensor.Tensor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one conformance test: loads the model, creates a {@link Session}, feeds each data set's
 * {@code input_N.pb} to the N-th runtime input of the graph and compares every
 * {@code output_N.pb} with the N-th graph output ({@link OutputComparison}). Each test runs on its
 * own daemon thread under a time limit; a test past the limit is reported as failed and its thread
 * is abandoned (reference ops do not poll for interruption).
 */
public final class ConformanceRunner {
    private static final long STACK_BYTES = 64L << 20;
    private final Duration timeout;
    private final ModelSource source;
    private final SessionOptions options;

    public ConformanceRunner(Duration timeout, ModelSource source, SessionOptions options) {
        this.timeout = timeout;
        this.source = source;
        this.options = options;
    }

    public ConformanceRunner(Duration timeout, ModelSource source) { this(timeout, source, SessionOptions.defaults()); }

    public ConformanceRunner(Duration timeout) { this(timeout, ModelSource.ONNX); }

    public TestResult run(TestCase test) {
        long start = System.nanoTime();
        CompletableFuture<TestResult> future = new CompletableFuture<>();
        Thread worker = Thread.ofPlatform().daemon().name("conformance-" + test.name()).stackSize(STACK_BYTES)
                .unstarted(() -> {
                    try {
                        future.complete(runNow(test, start));
                    } catch (Throwable t) {
                        future.complete(result(test, Status.FAILED, List.of(), FailureKind.describe(t), start));
                    }
                });
        worker.start();
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            worker.interrupt();
            return result(test, Status.FAILED, List.of(), "timed out after " + timeout.toSeconds() + " s", start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return result(test, Status.FAILED, List.of(), "interrupted", start);
        } catch (ExecutionException e) {
            return result(test, Status.FAILED, List.of(), FailureKind.describe(e.getCause()), start);
        }
    }

    private TestResult runNow(TestCase test, long start) {
        TestResult r = runChecked(test, start);
        Optional<String> known = ReferenceDataDeviations.reason(test.name());
        if (r.status() != Status.FAILED || known.isEmpty()) return r;
        return new TestResult(test, Status.DEVIATION, r.ops(), r.message() + "; known deviation: " + known.get(),
                r.seconds());
    }

    private TestResult runChecked(TestCase test, long start) {
        Model model;
        try {
            model = source.model().apply(test.model());
        } catch (RuntimeException | StackOverflowError e) {
            return result(test, FailureKind.whileLoading(e), List.of(), "reading model.onnx: " + FailureKind.describe(e), start);
        }
        List<String> ops = opTypes(model);
        Session session;
        try {
            session = Session.create(model, options);
        } catch (RuntimeException e) {
            return result(test, FailureKind.whileRunning(e), ops, "creating session: " + FailureKind.describe(e), start);
        }
        try (session) {
            for (Path dataSet : test.dataSets()) {
                Optional<TestResult> bad = runDataSet(test, session, dataSet, ops, start);
                if (bad.isPresent()) return bad.get();
            }
        }
        return result(test, Status.PASSED, ops, "", start);
    }

    private Optional<TestResult> runDataSet(TestCase test, Session session, Path dataSet, List<String> ops, long start) {
        String where = dataSet.getFileName() + ": ";
        List<Tensor> inputs;
        List<Tensor> expected;
        try {
            inputs = BFloat16Data.asDeclared(readAll(TestCase.numbered(dataSet, "input")), session.inputs());
            expected = BFloat16Data.asDeclared(readAll(TestCase.numbered(dataSet, "output")), session.outputs());
        } catch (RuntimeException | StackOverflowError e) {
            return Optional.of(result(test, FailureKind.whileLoading(e), ops, where + "reading .pb: " + FailureKind.describe(e), start));
        }
        List<Value> declared = session.inputs();
        if (inputs.size() > declared.size()) {
            return Optional.of(result(test, Status.FAILED, ops, where + inputs.size() + " input files but the graph has "
                    + declared.size() + " runtime inputs " + declared.stream().map(Value::name).toList(), start));
        }
        Map<String, Tensor> feeds = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) feeds.put(declared.get(i).name(), inputs.get(i));
        Map<String, Tensor> actual;
        try {
            actual = session.run(feeds);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return Optional.of(result(test, FailureKind.whileRunning(e), ops, where + FailureKind.describe(e), start));
        }
        return compare(test, session.outputs(), expected, actual, ops, where, start);
    }

    private Optional<TestResult> compare(TestCase test, List<Value> outputs, List<Tensor> expected,
                                         Map<String, Tensor> actual, List<String> ops, String where, long start) {
        if (expected.size() > outputs.size()) {
            return Optional.of(result(test, Status.FAILED, ops, where + expected.size() + " output files but the graph has "
                    + outputs.size() + " outputs", start));
        }
        for (int i = 0; i < expected.size(); i++) {
            String name = outputs.get(i).name();
            Optional<String> m = OutputComparison.mismatch(name, expected.get(i), actual.get(name));
            if (m.isPresent()) return Optional.of(result(test, Status.FAILED, ops, where + m.get(), start));
        }
        return Optional.empty();
    }

    private List<Tensor> readAll(List<Path> files) {
        List<Tensor> out = new ArrayList<>(files.size());
        for (Path f : files) out.add(source.tensor().apply(f));
        return out;
    }

    /** Distinct op types of the model's top-level graph, in first-use order. */
    static List<String> opTypes(Model model) {
        LinkedHashSet<String> types = new LinkedHashSet<>();
        for (Node n : model.graph().nodes()) types.add(n.op().opType());
        return List.copyOf(types);
    }

    private static TestResult result(TestCase test, Status status, List<String> ops, String message, long start) {
        return new TestResult(test, status, ops, message, (System.nanoTime() - start) / 1e9);
    }
}
