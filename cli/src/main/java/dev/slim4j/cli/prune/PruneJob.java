package dev.slim4j.cli.prune;

import dev.slim4j.cli.UsageException;
import dev.slim4j.compress.prune.BlockRemoval;
import dev.slim4j.compress.prune.ChannelPruner;
import dev.slim4j.compress.prune.ChannelRanking;
import dev.slim4j.compress.prune.ChannelRef;
import dev.slim4j.compress.prune.DependencyGraph;
import dev.slim4j.compress.prune.FlopsTarget;
import dev.slim4j.compress.prune.Importance;
import dev.slim4j.compress.prune.PruningConfig;
import dev.slim4j.compress.prune.PruningGroup;
import dev.slim4j.compress.prune.PruningPlan;
import dev.slim4j.compress.prune.PruningSensitivity;
import dev.slim4j.compress.prune.ReconstructionPruning;
import dev.slim4j.compress.prune.ResidualBlock;
import dev.slim4j.compress.prune.Scope;
import dev.slim4j.compress.prune.SlimmingPenalty;
import dev.slim4j.compress.prune.SlimmingThreshold;
import dev.slim4j.compress.prune.SoftFilterPruning;
import dev.slim4j.compress.prune.TaylorAccumulator;
import dev.slim4j.compress.sparsity.MagnitudePruning;
import dev.slim4j.compress.sparsity.PruningSchedule;
import dev.slim4j.compress.sparsity.SparseFineTuning;
import dev.slim4j.compress.sparsity.SparseResult;
import dev.slim4j.compress.sparsity.SparsityConfig;
import dev.slim4j.compress.sparsity.ThresholdScope;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.metrics.ModelMetrics;
import dev.slim4j.onnx.OnnxReader;
import dev.slim4j.onnx.OnnxWriter;
import dev.slim4j.onnx.WriteOptions;
import dev.slim4j.train.data.DataLoader;
import dev.slim4j.train.data.Dataset;
import dev.slim4j.train.data.Epoch;
import dev.slim4j.train.data.LoaderConfig;
import dev.slim4j.train.trainer.Evaluator;
import dev.slim4j.train.trainer.ProgressBar;
import dev.slim4j.train.trainer.Trainer;
import dev.slim4j.train.trainer.TrainerConfig;
import dev.slim4j.train.trainer.TrainingListener;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs one prune request: the method's training stage if it has one (sparsity training, gradient
 * collection, soft pruning), the cut (a new, smaller model), fine-tuning, measurement of both models,
 * the atomic write and the report.
 */
final class PruneJob {
    /** Weights with at most this share of non-zeros are written as sparse initializers. */
    static final double SPARSE_STORAGE_DENSITY = 0.3;

    /** Training images the Taylor method averages gradients over. */
    static final int TAYLOR_IMAGES = 4096;

    private final PruneRequest r;
    private final Supplier<Dataset> train;
    private final Supplier<Dataset> test;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean progress;
    private final List<PruneReport.Stage> stages = new ArrayList<>();
    /** For magnitude: the zeros and the weights of the pruned layers, as the sparsity report counts them. */
    private long[] zeroWeights;

    PruneJob(PruneRequest request, Supplier<Dataset> train, Supplier<Dataset> test, boolean progress, PrintStream out,
             PrintStream err) {
        this.r = request;
        this.train = train;
        this.test = test;
        this.progress = progress;
        this.out = out;
        this.err = err;
    }

    int run() {
        if (!Files.isRegularFile(r.model())) throw new IllegalArgumentException("model file " + r.model() + " does not exist");
        Model original = OnnxReader.read(r.model());
        boolean measures = r.evalSize() > 0 || r.sensitivity() || r.method() == PruneMethod.LAYER;
        boolean trains = r.method().needsData() || r.finetuneEpochs() > 0;
        if (measures || trains) {
            ModelChecks.requireImageClassifier(original);
            // read the data now: a missing data set fails before the work, not after it
            if (measures) test.get();
            if (trains) train.get();
        }
        if (r.agp()) requireAgpSteps();
        Optional<SensitivityScan> scan = r.sensitivity() ? Optional.of(scan(original)) : Optional.empty();
        Cut cut = switch (r.method()) {
            case MAGNITUDE -> magnitude(original);
            case SFP -> softPruned(original);
            case LAYER -> blocksRemoved(original);
            default -> structured(original, scan);
        };
        Model pruned = cut.model();
        if (r.flopsTarget().isPresent()) warnIfMissed(original, pruned);
        if (r.finetuneEpochs() > 0 && r.method() != PruneMethod.SFP && r.method() != PruneMethod.MAGNITUDE) {
            pruned = train("fine-tune", pruned, r.finetuneEpochs(), r.training().lr(), List.of());
        }
        pruned = pruned.withMetadata("slim4j.prune.method", r.method().label)
                .withMetadata("slim4j.prune.removed_channels", Integer.toString(cut.removedChannels()));
        OptionalDouble before = OptionalDouble.empty();
        OptionalDouble after = OptionalDouble.empty();
        if (r.evalSize() > 0) {
            err.println("measuring both models on " + r.evalSize() + " test images ...");
            before = OptionalDouble.of(top1(original));
            after = OptionalDouble.of(top1(pruned));
        }
        if (r.method() == PruneMethod.MAGNITUDE) {
            // mostly-zero weights stored as ONNX sparse_initializer, which ONNX Runtime reads
            OnnxWriter.write(pruned, r.out(), WriteOptions.defaults().withSparseInitializers(SPARSE_STORAGE_DENSITY));
        } else {
            OnnxWriter.write(pruned, r.out());
        }
        PruneReport report = PruneReport.of(r, original, pruned, cut.groups(), before, after, stages,
                java.util.Optional.ofNullable(zeroWeights));
        if (r.json()) report.printJson(out);
        else report.printTable(out, r.showGroups());
        return 0;
    }

    /** The cut model, how many channels went, and per pruned group its root and channels before and after. */
    record Cut(Model model, int removedChannels, List<PruneReport.GroupCut> groups) {}

    private Cut structured(Model model, Optional<SensitivityScan> scan) {
        Model start = model;
        if (r.method() == PruneMethod.SLIMMING) {
            SlimmingPenalty penalty = SlimmingPenalty.of(model, r.sparsityStrength());
            start = train("sparsity training", model, r.sparsityEpochs(), r.training().lr(), List.of(penalty));
        }
        DependencyGraph graph = DependencyGraph.of(start);
        requirePrunable(graph);
        if (r.method() == PruneMethod.SLIMMING) {
            SlimmingThreshold.Result t = r.sparsity().isPresent() ? SlimmingThreshold.plan(graph, r.sparsity().getAsDouble())
                    : SlimmingThreshold.forMacs(graph, r.flopsTarget().getAsDouble());
            err.printf(java.util.Locale.ROOT, "global |gamma| threshold %.3g over %d BatchNorm channels%n", t.threshold(), t.scaledChannels());
            return cut(graph, t.plan());
        }
        if (r.method() == PruneMethod.THINET) return reconstructed(graph);
        Importance importance = importance(graph);
        PruningConfig config = PruningConfig.defaults().withRoundTo(r.roundTo()).withImportance(importance)
                .withScope(r.global() ? Scope.GLOBAL : Scope.PER_GROUP);
        PruningPlan plan = plan(graph, config, scan);
        return cut(graph, plan);
    }

    /** Unstructured: magnitude pruning one-shot then fine-tuning with masks kept, or gradually (AGP) while training. */
    private Cut magnitude(Model model) {
        SparsityConfig config = SparsityConfig.defaults().withSparsity(r.sparsity().getAsDouble())
                .withScope(r.global() ? ThresholdScope.GLOBAL : ThresholdScope.PER_LAYER);
        SparseResult result;
        List<TrainingListener> extra = progress ? List.of(new ProgressBar(err, 500)) : List.of();
        long start = System.nanoTime();
        if (r.agp()) {
            Dataset data = train.get();
            TrainerConfig tc = r.training().config(r.finetuneEpochs(), data, r.training().lr());
            long steps = r.finetuneEpochs() * SparseFineTuning.stepsPerEpoch(data, tc);
            // Zhu and Gupta: sparsity rises over the first two thirds of training, the rest recovers
            long span = Math.max(1, 2 * steps / 3);
            err.printf("gradual magnitude pruning (AGP) over %d of %d steps ...%n", span, steps);
            result = SparseFineTuning.gradual(model, config, new PruningSchedule.Agp(0, 0, span, Math.max(1, Math.min(100, span / 10))),
                    data, null, tc, extra.toArray(TrainingListener[]::new));
            stages.add(new PruneReport.Stage("AGP training", r.finetuneEpochs(), (System.nanoTime() - start) / 1e9));
        } else {
            result = MagnitudePruning.apply(model, config);
            if (r.finetuneEpochs() > 0) {
                Dataset data = train.get();
                err.printf("fine-tune with masks kept: %d epochs on %d images ...%n", r.finetuneEpochs(), data.size());
                result = SparseFineTuning.fineTune(result, data, null, r.training().config(r.finetuneEpochs(), data, r.training().lr()),
                        extra.toArray(TrainingListener[]::new));
                stages.add(new PruneReport.Stage("fine-tune (masks kept)", r.finetuneEpochs(), (System.nanoTime() - start) / 1e9));
            }
        }
        if (r.agp() || r.finetuneEpochs() > 0) {
            ModelChecks.requireFinite(r.agp() ? "AGP training" : "fine-tune (masks kept)", model, result.model(), r.training().lr());
        }
        zeroWeights = new long[] {result.report().zeros(), result.report().elements()};
        if (!r.json()) out.print(result.report().table());
        return new Cut(result.model(), 0, List.of());
    }

    private Cut softPruned(Model model) {
        DependencyGraph graph = DependencyGraph.of(model);
        requirePrunable(graph);
        double ratio = r.sparsity().isPresent() ? r.sparsity().getAsDouble()
                : FlopsTarget.solve(graph, PruningConfig.defaults().withRoundTo(r.roundTo()).withImportance(Importance.l2()), r.flopsTarget().getAsDouble()).ratio();
        SoftFilterPruning sfp = new SoftFilterPruning(graph.model(), graph.groups(), ratio);
        Model trained = train("soft filter pruning", graph.model(), r.finetuneEpochs(), r.training().lr(), List.of(sfp));
        DependencyGraph after = DependencyGraph.of(trained);
        return cut(after, sfp.plan(after));
    }

    private SensitivityScan scan(Model model) {
        if (r.evalSize() < 1) throw new UsageException("--sensitivity measures accuracy: give --eval-size N >= 1");
        DependencyGraph graph = DependencyGraph.of(model);
        requirePrunable(graph);
        Importance criterion = switch (r.method()) {
            case L2 -> Importance.l2();
            case FPGM -> Importance.fpgm();
            case RANDOM -> Importance.random(r.training().seed());
            default -> Importance.l1();
        };
        String name = switch (criterion) {
            case Importance.L2 x -> "l2";
            case Importance.GeometricMedian x -> "fpgm";
            case Importance.Random x -> "random";
            default -> "l1";
        };
        long start = System.nanoTime();
        err.println("sensitivity scan: " + graph.prunableGroups().size() + " groups x " + SensitivityScan.RATIOS.size()
                + " ratios on " + r.evalSize() + " test images ...");
        SensitivityScan scan = new SensitivityScan(PruningSensitivity.measure(graph, criterion, SensitivityScan.RATIOS, this::top1), name);
        scan.write(r.out());
        if (!r.json()) scan.print(out);
        stages.add(new PruneReport.Stage("sensitivity scan", 0, (System.nanoTime() - start) / 1e9));
        return scan;
    }

    /** Training images whose activations ThiNet-style selection reconstructs, and the outputs it samples per group. */
    static final int RECONSTRUCTION_IMAGES = 256;
    static final int RECONSTRUCTION_SAMPLES = 4000;

    private Cut reconstructed(DependencyGraph graph) {
        // the ratio for a FLOPs target is solved over the groups reconstruction selects in (the others stay whole)
        double ratio = r.sparsity().isPresent() ? r.sparsity().getAsDouble()
                : ReconstructionPruning.ratioForMacs(graph, r.flopsTarget().getAsDouble()).ratio();
        Dataset images = train.get();
        DataLoader loader = new DataLoader(images.limit(Math.min(RECONSTRUCTION_IMAGES, images.size())), LoaderConfig.defaults()
                .withBatchSize(64).withSeed(r.training().seed()).withNormalization(r.training().normalization()));
        Epoch epoch = loader.epoch(0);
        String input = graph.model().graph().runtimeInputs().getFirst().name();
        List<java.util.Map<String, dev.slim4j.tensor.Tensor>> batches = new ArrayList<>();
        for (int i = 0; i < epoch.size(); i++) batches.add(java.util.Map.of(input, epoch.batch(i).images()));
        ReconstructionPruning.Result res = ReconstructionPruning.plan(graph, ratio, batches, RECONSTRUCTION_SAMPLES, r.training().seed());
        res.skipped().forEach((root, why) -> err.println("thinet: group " + root + " left whole: " + why));
        return cut(graph, res.plan());
    }

    /** Images that rank residual blocks by the accuracy lost when each alone is removed. */
    static final int BLOCK_RANKING_IMAGES = 1000;

    private Cut blocksRemoved(Model model) {
        List<ResidualBlock> blocks = BlockRemoval.blocks(model);
        if (blocks.isEmpty()) throw new IllegalArgumentException("--method layer: graph '" + model.graph().name()
                + "' has no residual block whose branch can be replaced by the identity");
        if (r.evalSize() < 1) throw new UsageException("--method layer ranks blocks on test images: give --eval-size N >= 1");
        Dataset t = test.get();
        Dataset ranking = t.limit(Math.min(Math.min(BLOCK_RANKING_IMAGES, r.evalSize()), t.size()));
        double base = top1(model, ranking);
        record Ranked(ResidualBlock block, double drop) {}
        List<Ranked> ranked = new ArrayList<>();
        for (ResidualBlock b : blocks) ranked.add(new Ranked(b, base - top1(BlockRemoval.remove(model, List.of(b)), ranking)));
        ranked.sort(java.util.Comparator.comparingDouble(Ranked::drop));
        List<ResidualBlock> chosen = new ArrayList<>();
        Model cut = model;
        if (r.sparsity().isPresent()) {
            int k = (int) Math.floor(r.sparsity().getAsDouble() * blocks.size());
            for (int i = 0; i < k; i++) chosen.add(ranked.get(i).block());
            cut = BlockRemoval.remove(model, chosen);
        } else {
            long before = ModelMetrics.measure(model).macs();
            for (Ranked x : ranked) {
                if (ModelMetrics.measure(cut).macs() <= r.flopsTarget().getAsDouble() * before) break;
                chosen.add(x.block());
                cut = BlockRemoval.remove(model, chosen);
            }
        }
        List<PruneReport.GroupCut> groups = new ArrayList<>();
        for (ResidualBlock b : chosen) groups.add(new PruneReport.GroupCut(blocks.indexOf(b), "block " + b.add(), b.branch().size(), 0));
        err.printf(java.util.Locale.ROOT, "removed %d of %d residual blocks%n", chosen.size(), blocks.size());
        return new Cut(cut, 0, groups);
    }

    private Importance importance(DependencyGraph graph) {
        return switch (r.method()) {
            case L1 -> Importance.l1();
            case L2 -> Importance.l2();
            case FPGM -> Importance.fpgm();
            case RANDOM -> Importance.random(r.training().seed());
            case TAYLOR -> Importance.taylor(meanGradients(graph));
            case MAGNITUDE, SFP, SLIMMING, LAYER, THINET -> throw new IllegalStateException(r.method() + " is not ranked by an importance");
        };
    }

    private java.util.Map<String, dev.slim4j.tensor.Tensor> meanGradients(DependencyGraph graph) {
        Set<String> names = new LinkedHashSet<>();
        for (PruningGroup g : graph.prunableGroups()) {
            for (ChannelRef ref : g.parameters()) {
                if (graph.model().graph().initializers().containsKey(ref.tensor())) names.add(ref.tensor());
            }
        }
        TaylorAccumulator taylor = TaylorAccumulator.of(graph.model(), names);
        Dataset images = train.get();
        Dataset subset = images.limit(Math.min(TAYLOR_IMAGES, images.size()));
        // a pass at a tiny learning rate: the gradients are those of the model being ranked, nearly unmoved
        trainOn("gradients for Taylor", graph.model(), 1, r.training().lr() * 1e-3, List.of(taylor), subset);
        return taylor.meanGradients();
    }

    private PruningPlan plan(DependencyGraph graph, PruningConfig config, Optional<SensitivityScan> scan) {
        if (r.maxLayerDrop().isPresent()) {
            java.util.Map<Integer, Double> ratios = scan.orElseThrow().ratiosWithin(r.maxLayerDrop().getAsDouble() / 100);
            return ChannelRanking.of(graph, config).plan(ratios);
        }
        if (r.sparsity().isPresent()) return ChannelRanking.plan(graph, config.withRatio(r.sparsity().getAsDouble()));
        return FlopsTarget.solve(graph, config, r.flopsTarget().getAsDouble()).plan();
    }

    private Cut cut(DependencyGraph graph, PruningPlan plan) {
        Model model = ChannelPruner.apply(graph, plan);
        List<PruneReport.GroupCut> groups = new ArrayList<>();
        for (PruningGroup g : graph.prunableGroups()) {
            int removed = plan.removedCount(g);
            if (removed > 0) groups.add(new PruneReport.GroupCut(g.id(), g.root(), g.size(), g.size() - removed));
        }
        return new Cut(model, plan.removedCount(graph), groups);
    }

    /** Every method is held to --flops-target the same way: a target the cut cannot reach is said, not passed over. */
    private void warnIfMissed(Model original, Model pruned) {
        long before = ModelMetrics.measure(original).macs();
        long after = ModelMetrics.measure(pruned).macs();
        double keep = r.flopsTarget().getAsDouble();
        if (after > keep * before) {
            err.printf(java.util.Locale.ROOT, "warning: the FLOPs target %.3f was not reached by --method %s: %d of %d MACs kept (%.3f)%n",
                    keep, r.method().label, after, before, before == 0 ? Double.NaN : (double) after / before);
        }
    }

    /** AGP reaches its target at the end of its span; with a single optimizer step it never would. */
    private void requireAgpSteps() {
        Dataset data = train.get();
        long steps = r.finetuneEpochs() * SparseFineTuning.stepsPerEpoch(data, r.training().config(r.finetuneEpochs(), data, r.training().lr()));
        if (steps < 2) {
            throw new UsageException("--agp raises the sparsity over the optimizer steps: expected at least 2, found " + steps + " ("
                    + r.finetuneEpochs() + " epochs of " + data.size() + " images at --batch " + r.training().batch()
                    + "); give more --finetune-epochs or a smaller --batch");
        }
    }

    private static void requirePrunable(DependencyGraph graph) {
        if (graph.prunableGroups().isEmpty()) {
            throw new IllegalArgumentException("no prunable channel group in graph '" + graph.model().graph().name()
                    + "':\n" + graph.table());
        }
    }

    private Model train(String stage, Model model, int epochs, double lr, List<TrainingListener> listeners) {
        return trainOn(stage, model, epochs, lr, listeners, train.get());
    }

    private Model trainOn(String stage, Model model, int epochs, double lr, List<TrainingListener> listeners, Dataset data) {
        long start = System.nanoTime();
        err.printf("%s: %d epochs on %d images ...%n", stage, epochs, data.size());
        Trainer t = new Trainer(model, r.training().config(epochs, data, lr));
        listeners.forEach(t::addListener);
        if (progress) t.addListener(new ProgressBar(err, 500));
        Model trained = t.fit(data, null).model();
        stages.add(new PruneReport.Stage(stage, epochs, (System.nanoTime() - start) / 1e9));
        ModelChecks.requireFinite(stage, model, trained, r.training().lr());
        return trained;
    }

    private double top1(Model m) {
        Dataset t = test.get();
        return top1(m, t.limit(Math.min(r.evalSize(), t.size())));
    }

    private double top1(Model m, Dataset images) {
        return Evaluator.evaluate(m, images, r.training().normalization(), 256, r.training().threads()).top1();
    }

}
