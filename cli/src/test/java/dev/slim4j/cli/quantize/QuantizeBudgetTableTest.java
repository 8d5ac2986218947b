package dev.slim4j.cli.quantize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.cli.CliRun;
import dev.slim4j.cli.Main;
import dev.slim4j.compress.quant.Accuracy;
import dev.slim4j.compress.quant.ModelSize;
import dev.slim4j.ir.GraphBuilder;
import dev.slim4j.ir.Model;
import dev.slim4j.onnx.OnnxReader;
import dev.slim4j.onnx.OnnxWriter;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import dev.slim4j.train.data.FashionMnist;
import dev.slim4j.train.data.LoaderConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** quantize --size-budget, --calib data-free and --table on small models with known sizes. */
class QuantizeBudgetTableTest {
    @TempDir Path dir;
    private Path model;
    private Path bnModel;
    private final Random random = new Random(8);

    @BeforeEach void writeModels() {
        GraphBuilder b = GraphBuilder.create("small");
        String x = b.input("x", DType.FLOAT32, "N", 1, 28, 28);
        String c = b.maxPool(b.relu(b.conv(x, random(0.3f, 4, 1, 3, 3), random(0.1f, 4), 1, 1)), 4, 4, 0);
        String y = b.linear(b.flatten(c, 1), random(0.1f, 10, 4 * 49), random(0.1f, 10));
        model = dir.resolve("small.onnx");
        OnnxWriter.write(b.output(y).buildModel(), model);
        GraphBuilder g = GraphBuilder.create("small-bn");
        String in = g.input("x", DType.FLOAT32, "N", 1, 28, 28);
        String conv = g.conv(in, random(0.3f, 4, 1, 3, 3), random(0.1f, 4), 1, 1);
        Tensor var = Tensor.ofFloats(Shape.of(4), 0.5f, 1f, 0.2f, 0.8f);
        String bn = g.relu(g.batchNorm(conv, random(1f, 4), random(0.1f, 4), random(0.2f, 4), var, 1e-5f));
        String out = g.linear(g.flatten(g.maxPool(bn, 4, 4, 0), 1), random(0.1f, 10, 4 * 49), random(0.1f, 10));
        bnModel = dir.resolve("small-bn.onnx");
        OnnxWriter.write(g.output(out).buildModel(), bnModel);
    }

    private static long number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": ([0-9]+)").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return Long.parseLong(m.group(1));
    }

    @Test void sizeBudgetIsMetByThePackedBytesOfTheWrittenModel() {
        Path out = dir.resolve("mixed.onnx");
        CliRun r = CliRun.of("quantize", model.toString(), "--calib", "fashion-mnist", "--calib-size", "64", "--eval-size", "250",
                "--per-channel", "--size-budget", "0.2", "--out", out.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        long fp32Bytes = 4L * (36 + 4 + 1960 + 10);
        assertEquals(fp32Bytes * 2 / 10, number(r.out(), "budget_bytes"));
        long written = ModelSize.of(OnnxReader.read(out)).packedBytes();
        assertTrue(written <= fp32Bytes * 2 / 10, written + " bytes");
        assertEquals(written, number(r.out().substring(r.out().indexOf("\"mixed_precision\"")), "packed_bytes"));
        assertTrue(r.out().contains("\"candidates\": [{"), r.out());
        CliRun table = CliRun.of("quantize", model.toString(), "--calib", "fashion-mnist", "--calib-size", "64", "--eval-size", "250",
                "--size-budget", "4x", "--bits-choices", "8,4,float", "--out", dir.resolve("m2.onnx").toString());
        assertEquals(0, table.exitCode(), table.err());
        assertTrue(table.out().contains("mixed precision: budget 2,010 packed bytes"), table.out());
    }

    @Test void badBudgetsAreRefusedWithTheReason() {
        String out = dir.resolve("bad.onnx").toString();
        for (String bad : new String[] {"1.5", "abc", "0.5x", "0"}) {
            CliRun r = CliRun.of("quantize", model.toString(), "--calib", "fashion-mnist", "--size-budget", bad, "--out", out);
            assertEquals(Main.USAGE, r.exitCode(), bad);
            assertTrue(r.err().contains("--size-budget"), r.err());
        }
        CliRun tiny = CliRun.of("quantize", model.toString(), "--calib", "fashion-mnist", "--calib-size", "64", "--eval-size", "250",
                "--size-budget", "100", "--out", out);
        assertEquals(Main.FAILURE, tiny.exitCode());
        assertTrue(tiny.err().contains("below the smallest size the candidates reach"), tiny.err());
        CliRun both = CliRun.of("quantize", model.toString(), "--calib", "fashion-mnist", "--size-budget", "0.3", "--max-accuracy-drop", "1",
                "--out", out);
        assertEquals(Main.USAGE, both.exitCode());
        CliRun bits = CliRun.of("quantize", model.toString(), "--calib", "fashion-mnist", "--size-budget", "0.3", "--bits-choices", "8,1",
                "--out", out);
        assertTrue(bits.err().contains("--bits-choices takes bit widths 2 to 8 and float, found 1"), bits.err());
        assertTrue(!Files.exists(Path.of(out)));
    }

    @Test void dataFreeCalibrationNeedsBatchNormAndReportsTheLoss() {
        Path out = dir.resolve("df.onnx");
        CliRun r = CliRun.of("quantize", bnModel.toString(), "--calib", "data-free", "--calib-size", "32", "--data-free-steps", "30",
                "--eval-size", "250", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("calibrated on 32 data-free inputs (BatchNorm statistics loss"), r.out());
        assertTrue(r.out().contains("top-1 on 250 Fashion-MNIST test images"), r.out());
        CliRun none = CliRun.of("quantize", model.toString(), "--calib", "data-free", "--out", dir.resolve("x.onnx").toString());
        assertEquals(Main.FAILURE, none.exitCode());
        assertTrue(none.err().contains("has no BatchNormalization"), none.err());
    }

    /** The table's FP32 cell against Accuracy on the same images, and its max cell against a plain quantize run. */
    @Test void tableAgreesWithSeparateRuns() throws Exception {
        Path md = dir.resolve("table.md");
        CliRun r = CliRun.of("quantize", "--table", model + "," + bnModel, "--calib-size", "64", "--eval-size", "500", "--out", md.toString());
        assertEquals(0, r.exitCode(), r.err());
        String text = Files.readString(md);
        assertTrue(text.contains("| model | FP32 | max | entropy | 99.9% | 99.99% | 99.999% | 99.9999% | mse |"), text);
        Model fp32 = OnnxReader.read(model);
        double acc = Accuracy.top1(fp32, FashionMnist.test(), LoaderConfig.defaults(), 500);
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "| small | %.2f |", acc)), text);
        CliRun plain = CliRun.of("quantize", model.toString(), "--calib", "fashion-mnist", "--calib-size", "64", "--eval-size", "500",
                "--per-channel", "--method", "minmax", "--out", dir.resolve("p.onnx").toString());
        Matcher m = Pattern.compile("quantized ([0-9.]+)%").matcher(plain.out());
        assertTrue(m.find(), plain.out());
        String row = text.lines().filter(l -> l.startsWith("| small |")).findFirst().orElseThrow();
        assertEquals(m.group(1), row.split("\\|")[3].trim().replace("*", ""), row);
        String json = Files.readString(dir.resolve("table.json"));
        assertTrue(json.contains("\"model\": \"small-bn\""), json);
        CliRun missing = CliRun.of("quantize", "--table", "no-such-model");
        assertEquals(Main.USAGE, missing.exitCode());
        assertTrue(missing.err().contains("zoo build no-such-model"), missing.err());
    }

    private Tensor random(float std, int... dims) {
        float[] v = new float[Shape.of(dims).intSize()];
        for (int i = 0; i < v.length; i++) v[i] = (float) random.nextGaussian() * std;
        return Tensor.ofFloats(Shape.of(dims), v);
    }
}
