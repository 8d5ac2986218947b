package dev.slim4j.cli.quantize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.cli.CliRun;
import dev.slim4j.cli.Main;
import dev.slim4j.ir.GraphBuilder;
import dev.slim4j.ir.Model;
import dev.slim4j.onnx.OnnxReader;
import dev.slim4j.onnx.OnnxWriter;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import dev.slim4j.tensor.npy.NpyWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuantizeCommandTest {
    @TempDir Path dir;
    private Path model;
    private final Random random = new Random(3);

    @BeforeEach void writeModelAndInputs() throws Exception {
        GraphBuilder b = GraphBuilder.create("small");
        String x = b.input("x", DType.FLOAT32, "N", 1, 28, 28);
        String c = b.maxPool(b.relu(b.conv(x, random(0.3f, 4, 1, 3, 3), random(0.1f, 4), 1, 1)), 4, 4, 0);
        String y = b.linear(b.flatten(c, 1), random(0.1f, 10, 4 * 49), random(0.1f, 10));
        model = dir.resolve("small.onnx");
        OnnxWriter.write(b.output(y).buildModel(), model);
        Files.createDirectories(dir.resolve("calib"));
        for (int i = 0; i < 3; i++) NpyWriter.write(random(1f, 2, 1, 28, 28), dir.resolve("calib").resolve("batch" + i + ".npy"));
    }

    @Test void quantizesFromAFolderAndAgainFromTheScaleFile() throws Exception {
        Path out = dir.resolve("small.int8.onnx");
        CliRun r = CliRun.of("quantize", model.toString(), "--calib", dir.resolve("calib").toString(), "--method", "percentile",
                "--per-channel", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("conv1") && r.out().contains("gemm1"), r.out());
        assertTrue(r.out().contains("weight bytes"), r.out());
        assertTrue(r.out().contains("latency at batch 32, 1 thread"), r.out());
        Path scales = dir.resolve("small.int8.scales.json");
        assertTrue(Files.isRegularFile(scales));
        Model q = OnnxReader.read(out);
        assertTrue(q.graph().nodes().stream().anyMatch(n -> n.op().opType().equals("QuantizeLinear")));
        Path again = dir.resolve("again.onnx");
        CliRun r2 = CliRun.of("quantize", model.toString(), "--scales", scales.toString(), "--per-channel", "--out", again.toString(), "--json");
        assertEquals(0, r2.exitCode(), r2.err());
        assertTrue(r2.out().startsWith("{\"input\""), r2.out());
        assertArrayEquals(Files.readAllBytes(out), Files.readAllBytes(again));
    }

    @Test void excludesAndReportsFloatNodes() {
        Path out = dir.resolve("ex.onnx");
        CliRun r = CliRun.of("quantize", model.toString(), "--calib", dir.resolve("calib").toString(), "--exclude", "Gemm",
                "--out", out.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\"float_nodes\": [\"gemm1 (Gemm): excluded\"]"), r.out());
    }

    @Test void weightOnlyFp16AndDynamicNeedNoCalibration() {
        CliRun fp16 = CliRun.of("quantize", model.toString(), "--weights", "fp16", "--out", dir.resolve("h.onnx").toString());
        assertEquals(0, fp16.exitCode(), fp16.err());
        CliRun dyn = CliRun.of("quantize", model.toString(), "--mode", "dynamic", "--out", dir.resolve("d.onnx").toString());
        assertEquals(0, dyn.exitCode(), dyn.err());
        assertTrue(dyn.out().contains("conv1 (Conv): dynamic mode quantizes Gemm and MatMul only"), dyn.out());
        assertFalse(Files.exists(dir.resolve("d.scales.json")));
    }

    @Test void nonsenseSettingsAreUsageErrors() {
        String calib = dir.resolve("calib").toString();
        String out = dir.resolve("bad.onnx").toString();
        CliRun bits = CliRun.of("quantize", model.toString(), "--calib", calib, "--bits", "9", "--out", out);
        assertEquals(Main.USAGE, bits.exitCode());
        assertTrue(bits.err().contains("2 to 8 bits, found 9"), bits.err());
        CliRun p = CliRun.of("quantize", model.toString(), "--calib", calib, "--method", "percentile", "--percentile", "120", "--out", out);
        assertEquals(Main.USAGE, p.exitCode());
        assertTrue(p.err().contains("found 120"), p.err());
        CliRun m = CliRun.of("quantize", model.toString(), "--calib", calib, "--method", "kl", "--out", out);
        assertTrue(m.err().contains("unknown calibration method 'kl'"), m.err());
        CliRun ex = CliRun.of("quantize", model.toString(), "--calib", calib, "--exclude", "conv9", "--out", out);
        assertTrue(ex.err().contains("no node or op type 'conv9'"), ex.err());
        CliRun noCalib = CliRun.of("quantize", model.toString(), "--out", out);
        assertEquals(Main.USAGE, noCalib.exitCode());
        assertTrue(noCalib.err().contains("needs --calib"), noCalib.err());
        assertFalse(Files.exists(Path.of(out)));
    }

    @Test void fashionMnistCalibrationReportsAccuracy() {
        CliRun r = CliRun.of("quantize", model.toString(), "--calib", "fashion-mnist", "--calib-size", "64", "--eval-size", "250",
                "--method", "mse", "--out", dir.resolve("f.onnx").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("top-1 on 250 Fashion-MNIST test images: FP32"), r.out());
    }

    @Test void sensitivityAndAccuracyAwareFallback() throws Exception {
        Path out = dir.resolve("aware.onnx");
        CliRun r = CliRun.of("quantize", model.toString(), "--calib", "fashion-mnist", "--calib-size", "64", "--eval-size", "250",
                "--sensitivity", "--max-accuracy-drop", "0", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("sensitivity: top-1 with only one node quantized"), r.out());
        assertTrue(r.out().contains("accuracy-aware: "), r.out());
        String json = Files.readString(dir.resolve("aware.sensitivity.json"));
        assertTrue(json.contains("\"layers\": [{\"node\": "), json);
        CliRun noData = CliRun.of("quantize", model.toString(), "--calib", dir.resolve("calib").toString(), "--sensitivity",
                "--out", out.toString());
        assertEquals(Main.USAGE, noData.exitCode());
        CliRun bad = CliRun.of("quantize", model.toString(), "--calib", "fashion-mnist", "--max-accuracy-drop", "-1", "--out", out.toString());
        assertTrue(bad.err().contains("[0, 100], found -1"), bad.err());
    }

    private Tensor random(float std, int... dims) {
        float[] v = new float[Shape.of(dims).intSize()];
        for (int i = 0; i < v.length; i++) v[i] = (float) random.nextGaussian() * std;
        return Tensor.ofFloats(Shape.of(dims), v);
    }
}
