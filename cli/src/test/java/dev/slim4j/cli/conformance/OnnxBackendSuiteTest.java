package dev.slim4j.cli.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slim4j.runtime.SessionOptions;
import dev.slim4j.runtime.plan.KernelChoice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ONNX's own backend test suite (Debian's libonnx-testdata), the conformance suite nobody here wrote:
 * no test may fail, and every op the foundation promises has passing tests.
 */
class OnnxBackendSuiteTest {
    private static final Path DATA = Path.of("/usr/share/libonnx-testdata/data");
    /** The ops the foundation issue lists; each must pass at least one test of the suite. */
    private static final List<String> REQUIRED = List.of("Conv", "ConvTranspose", "Gemm", "MatMul",
            "BatchNormalization", "Relu", "LeakyRelu", "PRelu", "Clip", "Sigmoid", "HardSigmoid", "HardSwish",
            "Tanh", "Softmax", "LogSoftmax", "MaxPool", "AveragePool", "GlobalAveragePool", "GlobalMaxPool", "LRN",
            "Flatten", "Reshape", "Transpose", "Squeeze", "Unsqueeze", "Concat", "Split", "Slice", "Gather", "Shape",
            "Constant", "ConstantOfShape", "Identity", "Dropout", "Pad", "ReduceMean", "ReduceSum", "ReduceMax",
            "Add", "Sub", "Mul", "Div", "Pow", "Sqrt", "Exp", "Log", "Neg", "Abs", "Sum", "Max", "Min", "Cast",
            "Erf", "Expand", "QuantizeLinear", "DequantizeLinear", "QLinearConv", "QLinearMatMul", "MatMulInteger",
            "ConvInteger", "DynamicQuantizeLinear");

    private static ConformanceReport report;
    private static ConformanceReport reference;

    @BeforeAll
    static void runSuite() {
        assumeTrue(Files.isDirectory(DATA.resolve("node")), "Debian package libonnx-testdata is not installed");
        report = run(SessionOptions.defaults());
        reference = run(SessionOptions.defaults().withKernels(KernelChoice.REFERENCE).withOptimize(false));
    }

    private static ConformanceReport run(SessionOptions options) {
        ConformanceRunner runner = new ConformanceRunner(Duration.ofSeconds(120), ModelSource.ONNX, options);
        List<TestResult> results = new ArrayList<>();
        for (TestCase t : TestCase.discover(DATA, TestCase.SUITES, Pattern.compile(""))) results.add(runner.run(t));
        return new ConformanceReport(results);
    }

    @Test
    void noTestFails() {
        for (ConformanceReport r : List.of(report, reference)) {
            List<String> failed = r.results().stream().filter(t -> t.status() == Status.FAILED)
                    .map(t -> t.test().qualifiedName() + ": " + t.message()).toList();
            assertEquals(List.of(), failed, r == report ? "fast plan" : "reference interpreter");
            assertTrue(r.count(Status.PASSED) > 650, "passed " + r.count(Status.PASSED));
        }
    }

    @Test
    void fastPlanPassesWhatTheReferencePasses() {
        assertEquals(reference.count(Status.PASSED), report.count(Status.PASSED));
    }

    @Test
    void everyPromisedOpPassesTests() {
        Set<String> passing = new TreeSet<>();
        for (TestResult r : report.results()) {
            if (r.status() == Status.PASSED) passing.addAll(r.ops());
        }
        List<String> missing = REQUIRED.stream().filter(op -> !passing.contains(op)).toList();
        assertEquals(List.of(), missing, "required ops without a passing conformance test");
    }
}
