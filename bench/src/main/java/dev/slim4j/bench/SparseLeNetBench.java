package dev.slim4j.bench;

import dev.slim4j.compress.sparsity.MagnitudePruning;
import dev.slim4j.compress.sparsity.PruningSchedule;
import dev.slim4j.compress.sparsity.SparseFineTuning;
import dev.slim4j.compress.sparsity.SparseResult;
import dev.slim4j.compress.sparsity.SparsityConfig;
import dev.slim4j.compress.sparsity.ThresholdScope;
import dev.slim4j.ir.Model;
import dev.slim4j.onnx.OnnxReader;
import dev.slim4j.onnx.OnnxWriter;
import dev.slim4j.runtime.Session;
import dev.slim4j.runtime.SessionOptions;
import dev.slim4j.runtime.plan.PlanEntry;
import dev.slim4j.runtime.plan.SparseLimits;
import dev.slim4j.tensor.Tensor;
import dev.slim4j.train.data.Dataset;
import dev.slim4j.train.data.FashionMnist;
import dev.slim4j.train.data.Normalization;
import dev.slim4j.train.optim.LearningRateSchedule;
import dev.slim4j.train.optim.SgdConfig;
import dev.slim4j.train.trainer.Evaluator;
import dev.slim4j.train.trainer.TrainerConfig;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Magnitude pruning of a trained Fashion-MNIST classifier end to end, then dense against sparse kernels on the
 * pruned model in one process: {@code SparseLeNetBench MODEL.onnx OUT.onnx [SPARSITY] [EPOCHS] [THREADS]
 * [global|per-layer|agp]} ({@code agp}: global threshold, gradual pruning during the run instead of one-shot).
 * Prints test accuracy before, right after pruning and after fine-tuning with the masks kept (SGD momentum 0.9,
 * cosine from learning rate 0.01), the sparsity report, writes the fine-tuned model, and times its Session with
 * {@link SparseLimits#off()}, with {@link SparseLimits#measured()} and with {@link SparseLimits#always()} at
 * batch 1 and 32 (one thread, best and median of the runs; the variants alternate in blocks of 50 timed runs after
 * 5 untimed ones, so that each is measured with its own weights in cache, as a model serving requests is). With
 * only MODEL.onnx it times that model.
 */
public final class SparseLeNetBench {
    private static final int BLOCK = 50;

    private SparseLeNetBench() {}

    public static void main(String[] args) {
        if (args.length == 1) { // latency only, of an already pruned model
            Model m = OnnxReader.read(Path.of(args[0]));
            for (int batch : new int[] {1, 32}) latency(m, batch);
            return;
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        double sparsity = args.length > 2 ? Double.parseDouble(args[2]) : 0.9;
        int epochs = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        String mode = args.length > 5 ? args[5] : "global";
        ThresholdScope scope = mode.equals("per-layer") ? ThresholdScope.PER_LAYER : ThresholdScope.GLOBAL;
        Model model = OnnxReader.read(in);
        Normalization norm = Normalization.defaults();
        Dataset train = FashionMnist.train();
        Dataset test = FashionMnist.test();
        double before = Evaluator.evaluate(model, test, norm, 500, threads).top1();
        SparsityConfig config = SparsityConfig.defaults().withSparsity(sparsity).withScope(scope);
        SparseResult pruned = MagnitudePruning.apply(model, config);
        double oneShot = Evaluator.evaluate(pruned.model(), test, norm, 500, threads).top1();
        long steps = epochs * SparseFineTuning.stepsPerEpoch(train, TrainerConfig.defaults());
        TrainerConfig tc = TrainerConfig.defaults().withEpochs(epochs).withThreads(threads).withNormalization(norm)
                .withOptimizer(SgdConfig.defaults().withLearningRate(0.01).withMomentum(0.9).withWeightDecay(1e-4)
                        .withSchedule(LearningRateSchedule.cosine(steps, 0, 0)));
        long t0 = System.nanoTime();
        SparseResult tuned = mode.equals("agp") // masks from step 0 to 60% of the run, every 100 steps
                ? SparseFineTuning.gradual(model, config, new PruningSchedule.Agp(0, 0, steps * 6 / 10, 100), train,
                        null, tc)
                : SparseFineTuning.fineTune(pruned, train, null, tc);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double after = Evaluator.evaluate(tuned.model(), test, norm, 500, threads).top1();
        System.out.println(tuned.report().table());
        System.out.printf(Locale.ROOT, "%s sparsity %.2f (%s, " + mode + "): top-1 before %.2f%%, pruned %.2f%%, fine-tuned %d epochs"
                + " (%.0f s) %.2f%% (%+.2f points)%n", in.getFileName(), sparsity, scope, 100 * before, 100 * oneShot,
                epochs, seconds, 100 * after, 100 * (after - before));
        OnnxWriter.write(tuned.model(), out);
        System.out.println("wrote " + out);
        for (int batch : new int[] {1, 32}) latency(tuned.model(), batch);
    }

    /** Dense and sparse sessions of the same model, alternating, one thread. */
    private static void latency(Model m, int batch) {
        Random r = new Random(batch);
        float[] x = new float[batch * 784];
        for (int i = 0; i < x.length; i++) x[i] = r.nextFloat() * 2 - 1;
        String input = m.graph().runtimeInputs().getFirst().name();
        Map<String, Tensor> feeds = Map.of(input, Tensor.of(x, batch, 1, 28, 28));
        try (Session dense = Session.create(m, new SessionOptions(1).withSparse(SparseLimits.off()));
             Session sparse = Session.create(m, new SessionOptions(1).withSparse(SparseLimits.measured()));
             Session all = Session.create(m, new SessionOptions(1).withSparse(SparseLimits.always()))) {
            float diff = Math.max(maxDiff(dense.run(feeds), sparse.run(feeds)), maxDiff(dense.run(feeds), all.run(feeds)));
            long warm = System.nanoTime();
            while (System.nanoTime() - warm < 3_000_000_000L) {
                dense.run(feeds);
                sparse.run(feeds);
                all.run(feeds);
            }
            int blocks = batch == 1 ? 400 : 40;
            double[] td = new double[blocks * BLOCK];
            double[] ts = new double[blocks * BLOCK];
            double[] ta = new double[blocks * BLOCK];
            for (int i = 0; i < blocks; i++) {
                block(dense, feeds, td, i);
                block(sparse, feeds, ts, i);
                block(all, feeds, ta, i);
            }
            System.out.printf(Locale.ROOT, "batch %2d: dense min %.4f ms median %.4f ms | measured rule min %.4f ms"
                    + " median %.4f ms (dense/this %.2fx, %.2fx) | every Gemm sparse min %.4f ms median %.4f ms"
                    + " (dense/this %.2fx, %.2fx) | max |diff| %.2e%n", batch, min(td), median(td), min(ts),
                    median(ts), min(td) / min(ts), median(td) / median(ts), min(ta), median(ta), min(td) / min(ta),
                    median(td) / median(ta), diff);
            for (PlanEntry e : sparse.plan(feeds).entries()) {
                if (e.opType().contains("Gemm") || e.opType().contains("MatMul")) {
                    System.out.println("  " + e.node() + " " + e.opType() + ": " + e.kernel() + " - " + e.reason());
                }
            }
        }
    }

    /**
     * Runs {@code s} {@code BLOCK + 5} times, keeping the last BLOCK times: blocks of the variants alternate, so each
     * block starts with the caches holding the other variant's weights, and the first runs of a block reload them.
     */
    private static void block(Session s, Map<String, Tensor> feeds, double[] times, int block) {
        for (int i = 0; i < 5; i++) s.run(feeds);
        for (int i = 0; i < BLOCK; i++) times[block * BLOCK + i] = time(s, feeds);
    }

    private static double time(Session s, Map<String, Tensor> feeds) {
        long t0 = System.nanoTime();
        s.run(feeds);
        return (System.nanoTime() - t0) / 1e6;
    }

    private static float maxDiff(Map<String, Tensor> a, Map<String, Tensor> b) {
        float d = 0;
        for (String k : a.keySet()) {
            float[] x = a.get(k).floats();
            float[] y = b.get(k).floats();
            for (int i = 0; i < x.length; i++) d = Math.max(d, Math.abs(x[i] - y[i]));
        }
        return d;
    }

    private static double min(double[] v) { return Arrays.stream(v).min().orElseThrow(); }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
