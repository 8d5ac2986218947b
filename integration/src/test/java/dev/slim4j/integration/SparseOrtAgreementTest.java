package dev.slim4j.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.compress.sparsity.Granularity;
import dev.slim4j.compress.sparsity.MagnitudePruning;
import dev.slim4j.compress.sparsity.SparseFineTuning;
import dev.slim4j.compress.sparsity.SparseResult;
import dev.slim4j.compress.sparsity.SparsityConfig;
import dev.slim4j.compress.sparsity.ThresholdScope;
import dev.slim4j.ir.Model;
import dev.slim4j.onnx.OnnxReader;
import dev.slim4j.onnx.OnnxWriter;
import dev.slim4j.onnx.WriteOptions;
import dev.slim4j.runtime.Session;
import dev.slim4j.runtime.SessionOptions;
import dev.slim4j.runtime.plan.PlanEntry;
import dev.slim4j.runtime.plan.SparseLimits;
import dev.slim4j.tensor.Tensor;
import dev.slim4j.train.data.Batch;
import dev.slim4j.train.data.DataLoader;
import dev.slim4j.train.data.FashionMnist;
import dev.slim4j.train.data.LoaderConfig;
import dev.slim4j.train.trainer.TrainerConfig;
import dev.slim4j.train.zoo.ModelZoo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Magnitude-pruned models written as ONNX (dense initializers with exact zeros) keep their zeros through the file,
 * load in ONNX Runtime Java, and agree with slim4j's run of the same file on its CSR kernels; real test images.
 */
class SparseOrtAgreementTest {
    @TempDir Path dir;

    @Test
    void prunedFineTunedLenet300AgreesWithOrtOnSparseKernels() throws Exception {
        Model model = ModelZoo.build("lenet300", 5);
        SparsityConfig config = SparsityConfig.defaults().withSparsity(0.9).withScope(ThresholdScope.GLOBAL);
        SparseResult tuned = SparseFineTuning.fineTune(MagnitudePruning.apply(model, config),
                FashionMnist.train().limit(1280), null, TrainerConfig.defaults());
        Path file = dir.resolve("lenet300-sparse.onnx");
        OnnxWriter.write(tuned.model(), file);
        Model read = OnnxReader.read(file);
        assertEquals(tuned.report().zeros(), MagnitudePruning.report(read, config).zeros(), "zeros survive the file");
        assertEquals(0.9, MagnitudePruning.report(read, config).sparsity(), 1e-5);
        String input = read.graph().runtimeInputs().getFirst().name();
        Map<String, Tensor> feeds = Map.of(input, images(32));
        Tensor ort = OrtPeer.run(Files.readAllBytes(file), feeds).values().iterator().next();
        try (Session s = Session.create(read, new SessionOptions(2))) {
            List<PlanEntry> plan = s.plan(feeds).entries();
            assertTrue(plan.stream().filter(e -> e.kernel().contains("csr")).count() >= 2, plan::toString);
            Tensor ours = s.run(feeds).values().iterator().next();
            double rel = maxDiff(ours, ort) / range(ours);
            System.out.printf("pruned lenet300: ORT vs slim4j CSR max |diff| / logit range = %.2e%n", rel);
            assertTrue(rel < 1e-5, "ORT and slim4j differ by " + rel);
        }
    }

    @Test
    void sparseInitializerFileLoadsInOrtAndAgrees() throws Exception {
        SparseResult r = MagnitudePruning.apply(ModelZoo.build("lenet300", 6), SparsityConfig.defaults()
                .withSparsity(0.9).withScope(ThresholdScope.GLOBAL));
        Path dense = dir.resolve("dense.onnx");
        Path sparse = dir.resolve("sparse.onnx");
        OnnxWriter.write(r.model(), dense);
        OnnxWriter.write(r.model(), sparse, WriteOptions.defaults().withSparseInitializers(0.3));
        System.out.printf("lenet300 at 90%%: %d bytes dense, %d with sparse_initializer%n", Files.size(dense),
                Files.size(sparse));
        assertTrue(Files.size(sparse) < Files.size(dense) / 2);
        String input = r.model().graph().runtimeInputs().getFirst().name();
        Map<String, Tensor> feeds = Map.of(input, images(8));
        Tensor ortDense = OrtPeer.run(Files.readAllBytes(dense), feeds).values().iterator().next();
        Tensor ortSparse = OrtPeer.run(Files.readAllBytes(sparse), feeds).values().iterator().next();
        try (Session s = Session.create(OnnxReader.read(sparse), SessionOptions.defaults())) {
            Tensor ours = s.run(feeds).values().iterator().next();
            assertTrue(maxDiff(ortDense, ortSparse) == 0, "ORT gives the same outputs for both files");
            assertTrue(maxDiff(ours, ortSparse) / range(ours) < 1e-5);
        }
    }

    @Test
    void kernelPrunedConvNetAgreesWithOrt() throws Exception {
        SparseResult r = MagnitudePruning.apply(FashionModels.convNet(), SparsityConfig.defaults().withSparsity(0.6)
                .withGranularity(Granularity.KERNEL));
        Path file = dir.resolve("convnet-sparse.onnx");
        OnnxWriter.write(r.model(), file);
        Map<String, Tensor> feeds = Map.of("x", images(16));
        Tensor ort = OrtPeer.run(Files.readAllBytes(file), feeds).values().iterator().next();
        try (Session s = Session.create(OnnxReader.read(file), SessionOptions.defaults().withSparse(SparseLimits.always()))) {
            Tensor ours = s.run(feeds).values().iterator().next();
            assertTrue(maxDiff(ours, ort) / range(ours) < 1e-5);
        }
    }

    private static Tensor images(int n) {
        Batch b = new DataLoader(FashionMnist.test(), LoaderConfig.defaults().withShuffle(false).withBatchSize(n))
                .epoch(0).batch(0);
        return b.images();
    }

    private static double maxDiff(Tensor a, Tensor b) {
        double d = 0;
        for (long i = 0; i < a.size(); i++) d = Math.max(d, Math.abs(a.getFloat(i) - b.getFloat(i)));
        return d;
    }

    private static double range(Tensor t) {
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (long i = 0; i < t.size(); i++) {
            lo = Math.min(lo, t.getFloat(i));
            hi = Math.max(hi, t.getFloat(i));
        }
        return hi - lo;
    }
}
