package dev.slim4j.cli.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.TensorType;
import dev.slim4j.ir.Value;
import dev.slim4j.ir.op.Identity;
import dev.slim4j.ir.op.Op;
import dev.slim4j.ir.op.OpaqueOp;
import dev.slim4j.onnx.ModelFormatException;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner on a test folder whose files are served by a fake source: models built in Java, tensors by name. */
class ConformanceRunnerTest {
    private static final Tensor A = Tensor.ofFloats(Shape.of(2), 1f, 2f);
    private static final Tensor B = Tensor.ofFloats(Shape.of(2), 3f, 4f);
    @TempDir Path root;
    private TestCase test;

    @BeforeEach void makeFolder() throws Exception {
        Path dir = Files.createDirectories(root.resolve("node/test_fake/test_data_set_0"));
        for (String f : List.of("input_0.pb", "input_1.pb", "output_0.pb")) Files.write(dir.resolve(f), new byte[0]);
        Files.write(root.resolve("node/test_fake/model.onnx"), new byte[0]);
        test = TestCase.discover(root, TestCase.SUITES, java.util.regex.Pattern.compile("")).getFirst();
    }

    /** Inputs a, b; y = op(b). */
    private static Model model(Op op) {
        TensorType t = TensorType.of(DType.FLOAT32, 2);
        return Model.of(Graph.builder("g").input(new Value("a", t)).input(new Value("b", t))
                .node(new Node("n", op, List.of("b"), List.of("y"))).output(new Value("y", t)).build());
    }

    private TestResult run(Model m, Tensor expected) {
        Map<String, Tensor> files = Map.of("input_0.pb", A, "input_1.pb", B, "output_0.pb", expected);
        ModelSource source = new ModelSource(p -> m, p -> files.get(p.getFileName().toString()));
        return new ConformanceRunner(Duration.ofSeconds(10), source).run(test);
    }

    @Test void feedsInputsInGraphOrderAndPassesOnEqualOutput() {
        TestResult r = run(model(new Identity()), B);
        assertEquals(Status.PASSED, r.status(), r.message());
        assertEquals(List.of("Identity"), r.ops());
    }

    @Test void wrongValueFailsNamingTheOutput() {
        TestResult r = run(model(new Identity()), Tensor.ofFloats(Shape.of(2), 3f, 4.01f));
        assertEquals(Status.FAILED, r.status());
        assertTrue(r.message().startsWith("test_data_set_0: output 'y' differs at 1 of 2 elements"), r.message());
    }

    @Test void opWithoutSemanticsIsUnsupported() {
        TestResult r = run(model(new OpaqueOp("", "Frobnicate", Attributes.EMPTY)), B);
        assertEquals(Status.UNSUPPORTED, r.status());
        assertTrue(r.message().contains("Frobnicate"), r.message());
        assertEquals(List.of("Frobnicate"), r.ops());
    }

    @Test void unsupportedTypeWhileLoadingIsUnsupportedOtherLoadErrorsFail() {
        ModelSource strings = new ModelSource(p -> { throw new ModelFormatException("unsupported element type STRING"); }, p -> A);
        assertEquals(Status.UNSUPPORTED, new ConformanceRunner(Duration.ofSeconds(10), strings).run(test).status());
        ModelSource broken = new ModelSource(p -> { throw new ModelFormatException("truncated field 7"); }, p -> A);
        TestResult r = new ConformanceRunner(Duration.ofSeconds(10), broken).run(test);
        assertEquals(Status.FAILED, r.status());
        assertEquals("reading model.onnx: truncated field 7", r.message());
    }

    @Test void slowTestTimesOut() {
        ModelSource slow = new ModelSource(p -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return model(new Identity());
        }, p -> A);
        TestResult r = new ConformanceRunner(Duration.ofSeconds(1), slow).run(test);
        assertEquals(Status.FAILED, r.status());
        assertEquals("timed out after 1 s", r.message());
    }
}
