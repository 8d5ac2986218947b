package dev.slim4j.train.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slim4j.ir.Model;
import dev.slim4j.onnx.OnnxReader;
import dev.slim4j.onnx.OnnxWriter;
import dev.slim4j.tensor.Tensor;
import dev.slim4j.train.data.Dataset;
import dev.slim4j.train.data.FashionMnist;
import dev.slim4j.train.optim.AdamConfig;
import dev.slim4j.train.optim.Optimizer;
import dev.slim4j.train.optim.Parameter;
import dev.slim4j.train.optim.ParameterSet;
import dev.slim4j.train.optim.SgdConfig;
import dev.slim4j.train.zoo.ModelZoo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training loop on real Fashion-MNIST images: it learns, repeats exactly, resumes exactly, freezes. */
class TrainerTest {
    private static Dataset train;
    private static Dataset test;

    @TempDir Path dir;

    @BeforeAll static void data() {
        assumeTrue(Files.isDirectory(FashionMnist.DEFAULT_DIRECTORY), "Debian package dataset-fashion-mnist not installed");
        train = FashionMnist.train();
        test = FashionMnist.test();
    }

    /** Chance is 10%; a linear model gets about 80% on the full set. 6,000 images x 2 epochs must clear 78%. */
    @Test void lenet300LearnsFashionMnistFromASubset() {
        List<BatchReport> batches = new ArrayList<>();
        TrainerConfig c = TrainerConfig.defaults().withEpochs(2).withSeed(1);
        Trainer t = new Trainer(ModelZoo.build("lenet300", 1), c).addListener(new TrainingListener() {
            @Override public void onBatch(BatchReport r) { batches.add(r); }
        });
        TrainingResult r = t.fit(train.limit(6000), test.limit(2000));
        assertEquals(2 * 94, batches.size());
        assertTrue(r.epochs().get(1).loss() < r.epochs().get(0).loss(), r.epochs().toString());
        double top1 = r.validation().orElseThrow().top1();
        assertTrue(top1 > 0.78, "top-1 " + top1);
        Evaluation again = Evaluator.evaluate(r.model(), test.limit(2000), c.normalization(), 100, 1);
        assertEquals(top1, again.top1(), 1e-12, "the returned model is the trained one");
    }

    @Test void sameSeedAndThreadsRepeatExactlyAndTheInputModelIsUntouched() {
        Model model = ModelZoo.build("lenet5-bn", 2);
        Tensor before = model.graph().initializers().get("conv1.weight").copy();
        TrainerConfig c = TrainerConfig.defaults().withSeed(3).withThreads(2).withBatchSize(32);
        Model a = new Trainer(model, c).fit(train.limit(256), null).model();
        Model b = new Trainer(model, c).fit(train.limit(256), null).model();
        assertEquals(a.graph().initializers(), b.graph().initializers());
        assertEquals(before, model.graph().initializers().get("conv1.weight"));
        Model other = new Trainer(model, c.withSeed(4)).fit(train.limit(256), null).model();
        assertNotEquals(a.graph().initializers().get("conv1.weight"), other.graph().initializers().get("conv1.weight"));
        assertNotEquals(model.graph().initializers().get("batchnormalization1.running_mean"),
                a.graph().initializers().get("batchnormalization1.running_mean"), "running statistics follow the batches");
    }

    @Test void resumingFromACheckpointEqualsAnUninterruptedRun() {
        for (TrainerConfig c : List.of(TrainerConfig.defaults().withBatchSize(32),
                TrainerConfig.defaults().withBatchSize(32).withOptimizer(AdamConfig.adamW()))) {
            Model model = ModelZoo.build("lenet5-bn", 5);
            Dataset data = train.limit(200);
            Model whole = new Trainer(model, c.withEpochs(3)).fit(data, null).model();
            Path ckpt = dir.resolve("run.ckpt.onnx");
            new Trainer(model, c.withEpochs(1).withCheckpoint(ckpt)).fit(data, null);
            Trainer resumed = Trainer.resume(ckpt, c.withEpochs(3));
            assertEquals(1, resumed.epochsDone());
            Model rest = resumed.fit(data, null).model();
            assertEquals(whole.graph().initializers(), rest.graph().initializers(), Trainer.kind(c.optimizer()));
        }
    }

    @Test void anImportedOnnxModelTrainsTheSameParametersAsTheBuiltOne() {
        Model built = ModelZoo.build("mobilenetv2", 0);
        Model imported = OnnxReader.read(OnnxWriter.toBytes(built));
        assertTrue(imported.graph().trainable().isEmpty(), "ONNX files do not mark trainable initializers");
        TrainerConfig c = TrainerConfig.defaults().withBatchSize(8);
        Trainer fromBuilt = new Trainer(built, c);
        Trainer fromFile = new Trainer(imported, c);
        assertEquals(List.copyOf(built.graph().trainable()), fromBuilt.trainable());
        assertEquals(fromBuilt.trainable(), fromFile.trainable());
        Model a = fromBuilt.fit(train.limit(16), null).model();
        Model b = fromFile.fit(train.limit(16), null).model();
        assertEquals(a.graph().initializers(), b.graph().initializers());
    }

    @Test void frozenInitializersStayAsTheyWere() {
        Model model = ModelZoo.build("lenet300", 0);
        Trainer t = new Trainer(model, TrainerConfig.defaults().withFrozen(Set.of("gemm1.weight", "gemm1.bias")));
        assertEquals(List.of("gemm2.weight", "gemm2.bias", "gemm3.weight", "gemm3.bias"), t.trainable());
        Model out = t.fit(train.limit(128), null).model();
        assertEquals(model.graph().initializers().get("gemm1.weight"), out.graph().initializers().get("gemm1.weight"));
        assertNotEquals(model.graph().initializers().get("gemm2.weight"), out.graph().initializers().get("gemm2.weight"));
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(model, TrainerConfig.defaults().withFrozen(Set.of("nope"))));
        assertTrue(e.getMessage().contains("gemm1.weight"), e.getMessage());
    }

    /** Gradients zeroed before every step leave SGD without weight decay nothing to do; values written after a step stay. */
    @Test void stepHooksSeeTheGradientsBeforeAndTheValuesAfterEachUpdate() {
        Model model = ModelZoo.build("lenet300", 0);
        TrainerConfig c = TrainerConfig.defaults().withOptimizer(SgdConfig.defaults().withLearningRate(0.05)
                .withMomentum(0.9).withWeightDecay(0));
        int[] nonZeroGradients = {0};
        Model unchanged = new Trainer(model, c).addListener(new TrainingListener() {
            @Override public void beforeUpdate(Optimizer o) {
                ParameterSet ps = o.parameters();
                for (Parameter p : ps.all()) {
                    for (float g : p.gradient()) if (g != 0) { nonZeroGradients[0]++; break; }
                    java.util.Arrays.fill(p.gradient(), 0f);
                }
            }
        }).fit(train.limit(128), null).model();
        assertEquals(2 * 6, nonZeroGradients[0], "two batches, six parameters with gradients");
        assertEquals(model.graph().initializers(), unchanged.graph().initializers());
        Model masked = new Trainer(model, c).addListener(new TrainingListener() {
            @Override public void afterUpdate(Optimizer o) {
                java.util.Arrays.fill(o.parameters().get("gemm2.weight").values(), 0, 100, 0f);
            }
        }).fit(train.limit(128), null).model();
        float[] w = masked.graph().initializers().get("gemm2.weight").floats();
        for (int i = 0; i < 100; i++) assertEquals(0f, w[i]);
        assertNotEquals(0f, w[100]);
    }

    @Test void badSettingsAreRejectedWithTheValueFound() {
        var e = assertThrows(IllegalArgumentException.class, () -> TrainerConfig.defaults().withEpochs(0));
        assertEquals("epochs must be >= 1, found 0", e.getMessage());
        var lr = assertThrows(IllegalArgumentException.class,
                () -> TrainerConfig.defaults().withOptimizer(AdamConfig.defaults().withLearningRate(0)));
        assertEquals("learning rate must be > 0, found 0.0", lr.getMessage());
        Path plain = dir.resolve("plain.onnx");
        OnnxWriter.write(ModelZoo.build("lenet300", 0), plain);
        var ck = assertThrows(IllegalArgumentException.class, () -> Trainer.resume(plain, TrainerConfig.defaults()));
        assertTrue(ck.getMessage().contains("not a slim4j checkpoint"), ck.getMessage());
    }

    @Test void progressBarLine() {
        String s = ProgressBar.line(new BatchReport(2, 5, 12, 24, 0.41234, 0.8512, 5120.4, 42.4, 0.05));
        assertEquals("epoch 2/5 [============>           ] 12/24 loss 0.4123 acc 85.12% 5120 img/s ETA 0:42", s);
        assertEquals("1:01:01", ProgressBar.clock(3661));
    }
}
