package dev.slim4j.cli.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

    @BeforeAll
    static void runSuite() {
        assumeTrue(Files.isDirectory(DATA.resolve("node")), "Debian package libonnx-testdata is not installed");
        ConformanceRunner runner = new ConformanceRunner(Duration.ofSeconds(120));
        List<TestResult> results = new ArrayList<>();
        for (TestCase t : TestCase.discover(DATA, TestCase.SUITES, Pattern.compile(""))) results.add(runner.run(t));
        report = new ConformanceReport(results);
    }

    @Test
    void noTestFails() {
        List<String> failed = report.results().stream().filter(r -> r.status() == Status.FAILED)
                .map(r -> r.test().qualifiedName() + ": " + r.message()).toList();
        assertEquals(List.of(), failed);
        assertTrue(report.count(Status.PASSED) > 650, "passed " + report.count(Status.PASSED));
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
