package dev.slim4j.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputAgreementTest {
    private static Map<String, Tensor> one(float... v) { return Map.of("y", Tensor.ofFloats(Shape.of(v.length), v)); }

    @Test void differenceIsRelativeToTheReferencesLargestMagnitude() {
        // |a-b| max = 0.004 at index 2; max |b| = 4 -> relative 1e-3
        OutputAgreement a = OutputAgreement.compare(one(1, -2, 3.004f, 4), one(1, -2, 3, 4), 2e-3);
        assertEquals(0.004, a.maxAbsDiff(), 1e-6);
        assertEquals(1e-3, a.maxRelDiff(), 1e-6);
        assertEquals("y", a.worstOutput());
        assertTrue(a.agrees());
        assertFalse(OutputAgreement.compare(one(1, -2, 3.004f, 4), one(1, -2, 3, 4), 5e-4).agrees());
        assertEquals(0, OutputAgreement.compare(one(0, 0), one(0, 0), 1e-9).maxRelDiff());
    }

    @Test void nanOnOneSideShapeOrNameMismatchDisagree() {
        float nan = Float.NaN;
        assertTrue(OutputAgreement.compare(one(nan, 1), one(nan, 1), 1e-3).agrees());
        assertFalse(OutputAgreement.compare(one(nan, 1), one(0, 1), 1e-3).agrees());
        OutputAgreement shape = OutputAgreement.compare(one(1, 2), one(1, 2, 3), 1e-3);
        assertFalse(shape.agrees());
        assertTrue(shape.problem().contains("output 'y' has shape [2] vs [3]"), shape.problem());
        OutputAgreement names = OutputAgreement.compare(one(1), Map.of("z", Tensor.scalar(1)), 1e-3);
        assertFalse(names.agrees());
        assertTrue(names.problem().startsWith("output names differ"), names.problem());
    }

    @Test void ortOnAWrongModelIsCaught(@TempDir Path dir) {
        Path right = TinyModels.linearRelu(dir, "right", 0);
        Path wrong = TinyModels.linearRelu(dir, "wrong", 0.5f);
        BenchOptions o = BenchOptions.defaults().withBatch(3).withWarmup(1, 1).withRuns(2, 10);
        try (Slim4jTarget slim = Slim4jTarget.open(right, 1)) {
            BenchInputs in = BenchInputs.random(slim.inputs(), o.batch(), o.seed());
            slim.bind(in.feeds());
            try (OrtTarget good = OrtTarget.open(right, 1, in.feeds()); OrtTarget bad = OrtTarget.open(wrong, 1, in.feeds())) {
                OutputAgreement ok = OutputAgreement.compare(slim.outputs(), good.outputs(), o.tolerance());
                assertTrue(ok.agrees(), ok.toString());
                OutputAgreement caught = OutputAgreement.compare(slim.outputs(), bad.outputs(), o.tolerance());
                assertFalse(caught.agrees(), caught.toString());
                assertTrue(caught.maxRelDiff() > 0.05, caught.toString());
                Benchmark.Timings t = Benchmark.run(List.of(slim, bad), o, System.err);
                assertEquals(List.of("slim4j", "ort"), List.copyOf(t.stats().keySet()));
                assertEquals(2, t.stats().get("ort").count());
            }
        }
    }
}
