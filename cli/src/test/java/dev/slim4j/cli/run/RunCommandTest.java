package dev.slim4j.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slim4j.cli.CliRun;
import dev.slim4j.cli.Main;
import dev.slim4j.cli.TestData;
import dev.slim4j.cli.UsageException;
import dev.slim4j.cli.conformance.OutputComparison;
import dev.slim4j.ir.Dim;
import dev.slim4j.ir.TensorType;
import dev.slim4j.ir.Value;
import dev.slim4j.onnx.OnnxReader;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import dev.slim4j.tensor.npy.NpyReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    private static final Path RELU = TestData.node("test_relu");

    @Test void runsOnPbInputAndSavesNpyMatchingOnnxExpectedOutput(@TempDir Path out) {
        assumeTrue(TestData.runnable(RELU.resolve("model.onnx")), "reader or Relu not available yet");
        CliRun r = CliRun.of("run", RELU.resolve("model.onnx").toString(),
                "--input", "x=" + RELU.resolve("test_data_set_0/input_0.pb"), "--output", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("y: float32[3, 4, 5] ["), r.out());
        Tensor expected = OnnxReader.readTensor(RELU.resolve("test_data_set_0/output_0.pb"));
        Tensor actual = NpyReader.read(out.resolve("y.npy"));
        assertEquals(java.util.Optional.empty(), OutputComparison.mismatch("y", expected, actual));
    }

    @Test void unknownInputNameListsExpectedOnes(@TempDir Path dir) throws Exception {
        assumeTrue(TestData.runnable(RELU.resolve("model.onnx")), "reader or Relu not available yet");
        CliRun r = CliRun.of("run", RELU.resolve("model.onnx").toString(),
                "--input", "z=" + RELU.resolve("test_data_set_0/input_0.pb"));
        assertEquals(Main.FAILURE, r.exitCode());
        assertTrue(r.err().contains("unknown input 'z', expected one of [x]"), r.err());
        CliRun missing = CliRun.of("run", RELU.resolve("model.onnx").toString());
        assertTrue(missing.err().contains("missing input 'x'"), missing.err());
        CliRun random = CliRun.of("run", RELU.resolve("model.onnx").toString(), "--random", "--seed", "3");
        assertEquals(0, random.exitCode(), random.err());
    }

    @Test void randomInputsTakeSymbolicDimsAsOneAndRepeatWithTheSeed() {
        Value v = new Value("x", TensorType.of(DType.FLOAT32, List.of(Dim.symbol("N"), Dim.of(3), Dim.unknown())));
        Tensor a = new RandomInputs(5).forInput(v);
        assertEquals(Shape.of(1, 3, 1), a.shape());
        assertEquals(a, new RandomInputs(5).forInput(v));
        for (int i = 0; i < 3; i++) assertTrue(a.getDouble(i) >= -1 && a.getDouble(i) < 1);
        Tensor ints = new RandomInputs(5).forInput(new Value("i", TensorType.of(DType.INT64, 100)));
        for (int i = 0; i < 100; i++) assertTrue(ints.getLong(i) >= 0 && ints.getLong(i) < 10);
        assertThrows(IllegalArgumentException.class, () -> new RandomInputs(1).forInput(new Value("u", TensorType.unranked(DType.FLOAT32))));
    }

    @Test void inputSpecsAndFileNamesAreChecked() {
        assertThrows(UsageException.class, () -> InputFiles.read(List.of("x")));
        assertThrows(UsageException.class, () -> InputFiles.read(List.of("=a.npy")));
        assertThrows(IllegalArgumentException.class, () -> InputFiles.read(List.of("x=/nonexistent.npy")));
        assertEquals("output_0_.npy", RunCommand.fileName("output:0/"));
        assertEquals("_...npy", RunCommand.fileName(".."));
        assertEquals(Main.USAGE, CliRun.of("run", "m.onnx", "--seed", "1").exitCode());
    }
}
