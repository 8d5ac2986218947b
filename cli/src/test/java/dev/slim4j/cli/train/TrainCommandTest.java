package dev.slim4j.cli.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slim4j.cli.CliRun;
import dev.slim4j.onnx.OnnxReader;
import dev.slim4j.train.data.FashionMnist;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train} and {@code eval} end to end on Fashion-MNIST subsets, and the settings they refuse. */
class TrainCommandTest {
    @TempDir Path dir;

    @Test void badSettingsAreRejectedBeforeAnyWork() {
        String out = dir.resolve("m.onnx").toString();
        expectUsage("--epochs must be >= 1, found 0", "train", "--model", "lenet300", "--epochs", "0", "--out", out);
        expectUsage("--lr must be > 0, found -0.1", "train", "--model", "lenet300", "--lr", "-0.1", "--out", out);
        expectUsage("unknown model 'alexnet': expected a zoo model, one of [lenet300,", "train", "--model", "alexnet", "--out", out);
        expectUsage("unknown dataset 'cifar10', expected one of [fashion-mnist]", "train", "--model", "lenet300",
                "--dataset", "cifar10", "--out", out);
        expectUsage("--out MODEL.onnx is required", "train", "--model", "lenet300");
        expectUsage("--normalize expects MEAN,STD (two numbers), found '0.5'", "train", "--model", "lenet300",
                "--normalize", "0.5", "--out", out);
        expectUsage("--normalize 0.5,0: expected a finite mean and a positive finite std", "eval", out, "--normalize", "0.5,0");
        expectUsage("no such model file", "eval", out);
        assertFalse(Files.exists(Path.of(out)));
    }

    private static void expectUsage(String message, String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains(message), r.err());
    }

    @Test void trainsWritesAndEvaluatesTheSameAccuracy() throws Exception {
        assumeTrue(Files.isDirectory(FashionMnist.DEFAULT_DIRECTORY), "Debian package dataset-fashion-mnist not installed");
        Path model = dir.resolve("lenet300.onnx");
        CliRun t = CliRun.of("train", "--model", "lenet300", "--epochs", "1", "--limit", "3000", "--threads", "1",
                "--out", model.toString(), "--json");
        assertEquals(0, t.exitCode(), t.err());
        double trained = number(t.out(), "test_top1");
        assertTrue(trained > 0.7, t.out());
        assertEquals("0.286,0.353", OnnxReader.read(model).metadata().get("slim4j.normalization"));
        CliRun e = CliRun.of("eval", model.toString(), "--limit", "3000", "--json");
        assertEquals(0, e.exitCode(), e.err());
        assertEquals(trained, number(e.out(), "top1"), 1e-12);
        assertEquals(3000, (long) number(e.out(), "examples"));
        Matcher rows = Pattern.compile("\\[(\\d+(, \\d+){9})\\]").matcher(e.out().substring(e.out().indexOf("confusion_matrix")));
        long total = 0;
        int count = 0;
        while (rows.find()) {
            count++;
            for (String v : rows.group(1).split(", ")) total += Long.parseLong(v);
        }
        assertEquals(10, count, e.out());
        assertEquals(3000, total);
        assertTrue(e.out().contains("\"name\": \"Ankle boot\""), e.out());
        CliRun table = CliRun.of("eval", model.toString(), "--limit", "500");
        assertTrue(table.out().contains("top-5") && table.out().contains("Trouser"), table.out());
    }

    static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": ([-0-9.eE]+)").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return Double.parseDouble(m.group(1));
    }
}
