package dev.slim4j.cli.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slim4j.cli.CliRun;
import dev.slim4j.ir.GraphBuilder;
import dev.slim4j.ir.Model;
import dev.slim4j.onnx.OnnxReader;
import dev.slim4j.onnx.OnnxWriter;
import dev.slim4j.runtime.Session;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import dev.slim4j.train.data.FashionMnist;
import dev.slim4j.train.zoo.ModelZoo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PruneCommandTest {
    @TempDir Path dir;
    private Path model;
    private final Random random = new Random(5);

    /** conv(8) -> BN -> relu -> conv(6) -> relu -> pool -> flatten -> gemm(10). */
    @BeforeEach void writeModel() {
        GraphBuilder b = GraphBuilder.create("small");
        String x = b.input("x", DType.FLOAT32, "N", 1, 28, 28);
        String c1 = b.relu(b.batchNorm(b.conv(x, random(0.3f, 8, 1, 3, 3), random(0.1f, 8), 1, 1), positive(8), random(0.1f, 8),
                random(0.1f, 8), positive(8), 1e-5f));
        String c2 = b.maxPool(b.relu(b.conv(c1, random(0.2f, 6, 8, 3, 3), random(0.1f, 6), 1, 1)), 4, 4, 0);
        String y = b.linear(b.flatten(c2, 1), random(0.1f, 10, 6 * 49), random(0.1f, 10));
        model = dir.resolve("small.onnx");
        OnnxWriter.write(b.output(y).buildModel(), model);
    }

    @Test void l1RemovesHalfTheChannelsOfEachConvAndKeepsTheOutputShape() {
        Path out = dir.resolve("small.l1.onnx");
        CliRun r = CliRun.of("prune", model.toString(), "--method", "l1", "--sparsity", "0.5", "--eval-size", "0", "--groups",
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("2 channel groups pruned, 7 channels removed"), r.out());
        Model pruned = OnnxReader.read(out);
        assertEquals(Shape.of(4, 1, 3, 3), pruned.graph().initializers().get("conv1.weight").shape());
        assertEquals(Shape.of(3, 4, 3, 3), pruned.graph().initializers().get("conv2.weight").shape());
        assertEquals(Shape.of(10, 3 * 49), pruned.graph().initializers().get("gemm1.weight").shape());
        Tensor input = random(1f, 2, 1, 28, 28);
        assertEquals(Shape.of(2, 10), run(pruned, input).shape());
        assertNotEquals(run(OnnxReader.read(model), input), run(pruned, input));
    }

    /** Half of 8 and of 6 channels, kept counts rounded up to multiples of 4: 4 and 4 (not 3). */
    @Test void roundToKeepsMultiplesOfK() {
        Path out = dir.resolve("small.r4.onnx");
        CliRun r = CliRun.of("prune", model.toString(), "--method", "l2", "--sparsity", "0.5", "--round-to", "4", "--eval-size", "0",
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        Model pruned = OnnxReader.read(out);
        assertEquals(Shape.of(4, 1, 3, 3), pruned.graph().initializers().get("conv1.weight").shape());
        assertEquals(Shape.of(4, 4, 3, 3), pruned.graph().initializers().get("conv2.weight").shape());
        assertRefused("--round-to", "prune", model.toString(), "--sparsity", "0.5", "--round-to", "0", "--out", out.toString());
    }

    @Test void ratioZeroChangesNothing() {
        Path out = dir.resolve("same.onnx");
        CliRun r = CliRun.of("prune", model.toString(), "--method", "l2", "--sparsity", "0", "--eval-size", "0", "--json",
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\"params_ratio\": 1.0"), r.out());
        Tensor input = random(1f, 3, 1, 28, 28);
        assertArrayEquals(run(OnnxReader.read(model), input).floats(), run(OnnxReader.read(out), input).floats());
    }

    @Test void flopsTargetKeepsAtMostThatShareOfTheMacs() {
        Path out = dir.resolve("flops.onnx");
        CliRun r = CliRun.of("prune", model.toString(), "--method", "fpgm", "--flops-target", "0.5", "--eval-size", "0", "--json",
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        double ratio = Double.parseDouble(r.out().replaceAll("(?s).*\"macs_ratio\": ([0-9.Ee-]+).*", "$1"));
        assertTrue(ratio <= 0.5 && ratio > 0.2, r.out());
    }

    @Test void nonsenseIsRefusedWithTheReasonAndNothingIsWritten() {
        Path out = dir.resolve("never.onnx");
        String m = model.toString();
        String o = out.toString();
        assertRefused("exactly one of --sparsity", "prune", m, "--sparsity", "0.3", "--flops-target", "0.5", "--out", o);
        assertRefused("exactly one of --sparsity", "prune", m, "--out", o);
        assertRefused("for l1, l2, fpgm or random", "prune", m, "--method", "taylor", "--max-layer-drop", "1", "--out", o);
        assertRefused("[magnitude, l1, l2", "prune", m, "--method", "biggest", "--sparsity", "0.3", "--out", o);
        assertRefused("[0, 1)", "prune", m, "--sparsity", "1.5", "--out", o);
        assertRefused("--finetune-epochs", "prune", m, "--method", "sfp", "--sparsity", "0.3", "--out", o);
        assertRefused("--sparsity-epochs", "prune", m, "--method", "slimming", "--sparsity", "0.3", "--out", o);
        assertRefused("--method l1 has none", "prune", m, "--sparsity", "0.3", "--sparsity-epochs", "3", "--out", o);
        assertRefused("--method taylor does not use it", "prune", m, "--method", "taylor", "--sparsity", "0.3",
                "--sparsity-strength", "1e-3", "--out", o);
        assertRefused("--method magnitude removes single weights", "prune", m, "--method", "magnitude", "--sparsity", "0.3",
                "--round-to", "8", "--out", o);
        assertRefused("expects a value R, found the option --out", "prune", m, "--sparsity", "--out", o);
        assertRefused("does not exist", "prune", dir.resolve("missing.onnx").toString(), "--sparsity", "0.3", "--out", o);
        assertRefused("--out", "prune", m, "--sparsity", "0.3");
        assertRefused("--max-layer-drop measures", "prune", m, "--max-layer-drop", "1", "--eval-size", "0", "--out", o);
        assertRefused("--method magnitude prunes single weights", "prune", m, "--method", "magnitude", "--sensitivity", "--sparsity", "0.3",
                "--eval-size", "10", "--out", o);
        assertRefused("--method layer removes whole residual blocks", "prune", m, "--method", "layer", "--sensitivity", "--sparsity", "0.3",
                "--eval-size", "10", "--out", o);
        assertFalse(Files.exists(out));
    }

    /** Sparsity training, gradient collection and soft pruning each run on a few real images and cut channels. */
    @Test void trainingMethodsRunOnFashionMnist() {
        assumeTrue(Files.isDirectory(FashionMnist.DEFAULT_DIRECTORY), "Debian package dataset-fashion-mnist not installed");
        Path zoo = dir.resolve("lenet5-bn.onnx");
        OnnxWriter.write(ModelZoo.build("lenet5-bn", 1), zoo);
        for (String[] extra : new String[][] {{"slimming", "--sparsity-epochs", "1", "--sparsity-strength", "1e-3"},
                {"taylor"}, {"thinet"}, {"sfp", "--finetune-epochs", "1"}}) {
            Path out = dir.resolve(extra[0] + ".onnx");
            String[] base = {"prune", zoo.toString(), "--sparsity", "0.25", "--limit", "256", "--eval-size", "100", "--quiet",
                    "--out", out.toString(), "--method"};
            String[] args = new String[base.length + extra.length];
            System.arraycopy(base, 0, args, 0, base.length);
            System.arraycopy(extra, 0, args, base.length, extra.length);
            CliRun r = CliRun.of(args);
            assertEquals(0, r.exitCode(), extra[0] + ": " + r.err());
            assertTrue(r.out().contains("top-1 (100 test)"), r.out());
            Model pruned = OnnxReader.read(out);
            Model original = OnnxReader.read(zoo);
            long before = original.graph().initializers().get("conv1.weight").shape().dim(0);
            long after = pruned.graph().initializers().get("conv1.weight").shape().dim(0);
            assertTrue(after < before, extra[0] + ": conv1 has " + after + " of " + before + " filters");
            assertEquals(Shape.of(2, 10), run(pruned, random(1f, 2, 1, 28, 28)).shape());
        }
    }

    /** Every group's ratio comes from the scan: the written JSON curves say which ratio each got, and the cut matches. */
    @Test void maxLayerDropPicksEachGroupsRatioFromTheScan() throws Exception {
        assumeTrue(Files.isDirectory(FashionMnist.DEFAULT_DIRECTORY), "Debian package dataset-fashion-mnist not installed");
        Path zoo = dir.resolve("lenet300.onnx");
        OnnxWriter.write(ModelZoo.build("lenet300", 1), zoo);
        Path out = dir.resolve("lenet300.pruned.onnx");
        CliRun r = CliRun.of("prune", zoo.toString(), "--method", "l1", "--max-layer-drop", "100", "--eval-size", "20", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.readString(dir.resolve("lenet300.pruned.sensitivity.json")).contains("\"curves\""));
        assertTrue(Files.readString(dir.resolve("lenet300.pruned.sensitivity.svg")).startsWith("<svg"));
        Model pruned = OnnxReader.read(out);
        assertEquals(30, pruned.graph().initializers().get("gemm1.weight").shape().dim(0), "100 points allow the largest ratio, 0.9 of 300");
        assertEquals(10, pruned.graph().initializers().get("gemm2.weight").shape().dim(0));
    }

    /** 90% of each layer's weights become exact zeros, kept through fine-tuning or reached by AGP; the file shrinks. */
    @Test void magnitudePrunesWeightsOneShotAndGradually() throws Exception {
        assumeTrue(Files.isDirectory(FashionMnist.DEFAULT_DIRECTORY), "Debian package dataset-fashion-mnist not installed");
        Path zoo = dir.resolve("lenet300.onnx");
        Model original = ModelZoo.build("lenet300", 1);
        OnnxWriter.write(original, zoo);
        for (String[] extra : new String[][] {{"--eval-size", "0"}, {"--finetune-epochs", "1", "--limit", "256", "--eval-size", "50"},
                {"--agp", "--finetune-epochs", "1", "--limit", "256", "--eval-size", "0"}}) {
            Path out = dir.resolve("magnitude.onnx");
            String[] base = {"prune", zoo.toString(), "--method", "magnitude", "--sparsity", "0.9", "--quiet", "--out", out.toString()};
            String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
            System.arraycopy(extra, 0, args, base.length, extra.length);
            CliRun r = CliRun.of(args);
            assertEquals(0, r.exitCode(), String.join(" ", extra) + ": " + r.err());
            Model pruned = OnnxReader.read(out);
            for (String w : new String[] {"gemm1.weight", "gemm2.weight", "gemm3.weight"}) {
                float[] v = pruned.graph().initializers().get(w).floats();
                long zeros = 0;
                for (float x : v) if (x == 0) zeros++;
                assertEquals(0.9, (double) zeros / v.length, 0.01, w + " with " + String.join(" ", extra));
            }
            assertTrue(Files.size(out) < Files.size(zoo) / 2, "sparse initializers: " + Files.size(out) + " of " + Files.size(zoo));
        }
        assertRefused("--agp", "prune", zoo.toString(), "--method", "l1", "--agp", "--sparsity", "0.5", "--finetune-epochs", "1",
                "--out", dir.resolve("x.onnx").toString());
    }

    /** ResNet-20 has seven blocks with an identity shortcut; a third of them (two) go, the Add count drops by two. */
    @Test void layerMethodRemovesResidualBlocks() {
        assumeTrue(Files.isDirectory(FashionMnist.DEFAULT_DIRECTORY), "Debian package dataset-fashion-mnist not installed");
        Path zoo = dir.resolve("resnet20.onnx");
        Model original = ModelZoo.build("resnet20", 1);
        OnnxWriter.write(original, zoo);
        Path out = dir.resolve("layer.onnx");
        CliRun r = CliRun.of("prune", zoo.toString(), "--method", "layer", "--sparsity", "0.34", "--eval-size", "40", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("2 residual blocks replaced by the identity"), r.out());
        Model pruned = OnnxReader.read(out);
        assertEquals(adds(original) - 2, adds(pruned));
        assertEquals(Shape.of(2, 10), run(pruned, random(1f, 2, 1, 28, 28)).shape());
    }

    /** --out is checked before any work: a directory, or a folder path through a file, is refused at once. */
    @Test void unwritableOutIsRefusedBeforeAnyWork() throws Exception {
        String m = model.toString();
        assertRefused("is a directory", "prune", m, "--sparsity", "0.3", "--eval-size", "0", "--out", dir.toString());
        Path file = dir.resolve("plain.txt");
        Files.writeString(file, "x");
        assertRefused("found a file", "prune", m, "--sparsity", "0.3", "--eval-size", "0", "--out", file.resolve("o.onnx").toString());
        assertEquals("x", Files.readString(file));
        assertFalse(Files.exists(dir.resolve("missing")));
        CliRun ok = CliRun.of("prune", m, "--sparsity", "0.3", "--eval-size", "0", "--out", dir.resolve("missing/deeper/o.onnx").toString());
        assertEquals(0, ok.exitCode(), ok.err());
    }

    /** The input named as --out survives a run that fails (here: a training stage on a model Fashion-MNIST cannot feed). */
    @Test void outEqualToTheInputKeepsTheInputWhenTheRunFails() throws Exception {
        Path flat = flatModel(10);
        byte[] before = Files.readAllBytes(flat);
        CliRun r = CliRun.of("prune", flat.toString(), "--sparsity", "0.5", "--finetune-epochs", "1", "--out", flat.toString());
        assertNotEquals(0, r.exitCode());
        assertArrayEquals(before, Files.readAllBytes(flat));
    }

    @Test void outOfRangeIntegersAndNonFiniteNumbersNameTheOption() {
        String m = model.toString();
        String o = dir.resolve("never.onnx").toString();
        assertRefused("--batch expects an integer", "prune", m, "--sparsity", "0.3", "--batch", "99999999999", "--out", o);
        assertRefused("--eval-size expects an integer", "prune", m, "--sparsity", "0.3", "--eval-size", "99999999999", "--out", o);
        assertRefused("--lr must be a finite number > 0, found Infinity", "prune", m, "--sparsity", "0.3", "--lr", "Infinity", "--out", o);
        assertRefused("--lr must be a finite number > 0", "prune", m, "--sparsity", "0.3", "--lr", "1e400", "--out", o);
        assertRefused("--weight-decay must be a finite", "prune", m, "--sparsity", "0.3", "--weight-decay", "Infinity", "--out", o);
        assertRefused("--sparsity-strength must be a finite number >= 0, found NaN", "prune", m, "--method", "slimming",
                "--sparsity-epochs", "1", "--sparsity", "0.3", "--sparsity-strength", "NaN", "--out", o);
        assertRefused("--sparsity-strength must be a finite number >= 0, found -1.0", "prune", m, "--method", "slimming",
                "--sparsity-epochs", "1", "--sparsity", "0.3", "--sparsity-strength", "-1", "--out", o);
        assertFalse(Files.exists(Path.of(o)));
    }

    /** A stage that feeds Fashion-MNIST refuses, up front, a model whose input or output does not fit; without data it prunes. */
    @Test void modelsFashionMnistCannotFeedAreRefusedBeforeTraining() {
        Path flat = flatModel(10);
        Path out = dir.resolve("flat.pruned.onnx");
        for (String[] stage : new String[][] {{"--finetune-epochs", "1", "--eval-size", "0"}, {"--method", "taylor", "--eval-size", "0"},
                {"--eval-size", "10"}, {"--sensitivity", "--eval-size", "10"}}) {
            String[] args = java.util.Arrays.copyOf(new String[] {"prune", flat.toString(), "--sparsity", "0.5", "--out", out.toString()},
                    6 + stage.length);
            System.arraycopy(stage, 0, args, 6, stage.length);
            CliRun r = CliRun.of(args);
            assertEquals(2, r.exitCode(), String.join(" ", stage) + ": " + r.err());
            assertTrue(r.err().contains("model input 'x' is float32[N, 784]") && r.err().contains("[N, 1, 28, 28]"), r.err());
            assertFalse(r.err().contains("Exception") || r.err().contains("Gemm:"), r.err());
        }
        assertFalse(Files.exists(out));
        assertRefused("expected float32[N, 10]", "prune", flatOutput(5).toString(), "--sparsity", "0.5", "--eval-size", "10",
                "--out", out.toString());
        GraphBuilder b = GraphBuilder.create("fixed");
        String x = b.input("x", DType.FLOAT32, 1, 1, 28, 28);
        Path fixed = dir.resolve("fixed.onnx");
        OnnxWriter.write(b.output(b.linear(b.flatten(x, 1), random(0.1f, 10, 784), random(0.1f, 10))).buildModel(), fixed);
        assertRefused("(a fixed batch size", "prune", fixed.toString(), "--method", "magnitude", "--sparsity", "0.5", "--eval-size", "10",
                "--out", out.toString());
        CliRun r = CliRun.of("prune", flat.toString(), "--sparsity", "0.5", "--eval-size", "0", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
    }

    /** With one optimizer step the AGP schedule never reaches its target: refused, not a model with no zeros. */
    @Test void agpWithASingleStepIsRefused() {
        assumeTrue(Files.isDirectory(FashionMnist.DEFAULT_DIRECTORY), "Debian package dataset-fashion-mnist not installed");
        Path out = dir.resolve("agp.onnx");
        assertRefused("expected at least 2, found 1", "prune", flatOutput(10).toString(), "--method", "magnitude", "--agp",
                "--sparsity", "0.9", "--finetune-epochs", "1", "--limit", "64", "--batch", "64", "--eval-size", "0", "--quiet",
                "--out", out.toString());
        assertFalse(Files.exists(out));
    }

    /** A missing data set fails before the cut and any training, not after them. */
    @Test void missingDataFailsBeforeTheWork() {
        CliRun r = CliRun.of("prune", model.toString(), "--sparsity", "0.5", "--eval-size", "10", "--data", dir.resolve("none").toString(),
                "--out", dir.resolve("o.onnx").toString());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("not found"), r.err());
        assertFalse(r.err().contains("measuring"), r.err());
    }

    /** Training that blows up (here --lr 1e30) gives NaN weights: refused with the stage named, nothing written. */
    @Test void divergedTrainingIsRefusedNotWritten() {
        assumeTrue(Files.isDirectory(FashionMnist.DEFAULT_DIRECTORY), "Debian package dataset-fashion-mnist not installed");
        Path out = dir.resolve("diverged.onnx");
        for (String method : new String[] {"l1", "magnitude"}) {
            CliRun r = CliRun.of("prune", model.toString(), "--method", method, "--sparsity", "0.5", "--finetune-epochs", "1", "--lr", "1e30",
                    "--limit", "128", "--eval-size", "0", "--quiet", "--out", out.toString());
            assertEquals(1, r.exitCode(), method + ": " + r.err());
            assertTrue(r.err().contains("diverged") && r.err().contains("try a smaller --lr"), method + ": " + r.err());
            assertFalse(Files.exists(out), method);
        }
    }

    /** A FLOPs target out of reach is said for every method, not only the ranked ones (slimming cuts only BatchNorm channels). */
    @Test void unreachableFlopsTargetIsWarnedForEveryMethod() {
        assumeTrue(Files.isDirectory(FashionMnist.DEFAULT_DIRECTORY), "Debian package dataset-fashion-mnist not installed");
        for (String[] method : new String[][] {{"slimming", "--sparsity-epochs", "1"}, {"sfp", "--finetune-epochs", "1"}, {"l1"}}) {
            String[] base = {"prune", model.toString(), "--flops-target", "0.01", "--limit", "64", "--eval-size", "0", "--quiet",
                    "--out", dir.resolve(method[0] + ".onnx").toString(), "--method"};
            String[] args = java.util.Arrays.copyOf(base, base.length + method.length);
            System.arraycopy(method, 0, args, base.length, method.length);
            CliRun r = CliRun.of(args);
            assertEquals(0, r.exitCode(), method[0] + ": " + r.err());
            assertTrue(r.err().contains("FLOPs target 0.010 was not reached by --method " + method[0]), method[0] + ": " + r.err());
        }
    }

    /** The report of magnitude pruning says how many weights are zero, in the table and in --json (it said "0 channel groups"). */
    @Test void magnitudeReportCountsTheZeros() {
        Path out = dir.resolve("zeros.onnx");
        CliRun table = CliRun.of("prune", model.toString(), "--method", "magnitude", "--sparsity", "0.5", "--eval-size", "0", "--out", out.toString());
        assertEquals(0, table.exitCode(), table.err());
        assertTrue(table.out().contains("weights of the pruned layers are zero (50.00%)"), table.out());
        assertFalse(table.out().contains("channel groups pruned"), table.out());
        CliRun json = CliRun.of("prune", model.toString(), "--method", "magnitude", "--sparsity", "0.5", "--eval-size", "0", "--json",
                "--out", out.toString());
        assertEquals(0, json.exitCode(), json.err());
        assertTrue(json.out().trim().startsWith("{") && json.out().contains("\"weight_sparsity\": 0.5"), json.out());
    }

    /** Broken normalization metadata in the model is named as such, and --normalize overrides it (it failed even then). */
    @Test void badNormalizationMetadataIsNamedAndOverridable() {
        Path bad = dir.resolve("badmeta.onnx");
        OnnxWriter.write(OnnxReader.read(model).withMetadata(dev.slim4j.train.trainer.Trainer.NORMALIZATION_KEY, "abc"), bad);
        Path out = dir.resolve("badmeta.pruned.onnx");
        assertRefused("model metadata " + dev.slim4j.train.trainer.Trainer.NORMALIZATION_KEY + " = 'abc'", "prune", bad.toString(),
                "--sparsity", "0.5", "--eval-size", "0", "--out", out.toString());
        CliRun r = CliRun.of("prune", bad.toString(), "--sparsity", "0.5", "--eval-size", "0", "--normalize", "0.5,0.5", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
    }

    /** flatten -> gemm(16) -> relu -> gemm(classes), on float32[N, 1, 28, 28]. */
    private Path flatOutput(int classes) {
        GraphBuilder b = GraphBuilder.create("five");
        String x = b.input("x", DType.FLOAT32, "N", 1, 28, 28);
        String h = b.relu(b.linear(b.flatten(x, 1), random(0.05f, 16, 784), random(0.1f, 16)));
        Path p = dir.resolve("classes" + classes + ".onnx");
        OnnxWriter.write(b.output(b.linear(h, random(0.1f, classes, 16), random(0.1f, classes))).buildModel(), p);
        return p;
    }

    /** gemm(16) -> relu -> gemm(classes) on float32[N, 784]: prunable, but not fed by 28x28 images. */
    private Path flatModel(int classes) {
        GraphBuilder b = GraphBuilder.create("flat");
        String x = b.input("x", DType.FLOAT32, "N", 784);
        String h = b.relu(b.linear(x, random(0.05f, 16, 784), random(0.1f, 16)));
        Path p = dir.resolve("flat.onnx");
        OnnxWriter.write(b.output(b.linear(h, random(0.1f, classes, 16), random(0.1f, classes))).buildModel(), p);
        return p;
    }

    private static long adds(Model m) { return m.graph().nodes().stream().filter(n -> n.op().opType().equals("Add")).count(); }

    private static void assertRefused(String message, String... args) {
        CliRun r = CliRun.of(args);
        assertNotEquals(0, r.exitCode(), r.out());
        assertTrue(r.err().contains(message), "expected '" + message + "' in: " + r.err());
    }

    private static Tensor run(Model m, Tensor x) {
        try (Session s = Session.create(m)) {
            return s.run(Map.of(m.graph().runtimeInputs().getFirst().name(), x)).values().iterator().next();
        }
    }

    private Tensor random(float scale, int... dims) {
        Shape s = Shape.of(dims);
        float[] v = new float[s.intSize()];
        for (int i = 0; i < v.length; i++) v[i] = (float) (random.nextGaussian() * scale);
        return Tensor.ofFloats(s, v);
    }

    private Tensor positive(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = 0.5f + random.nextFloat();
        return Tensor.ofFloats(Shape.of(n), v);
    }
}
