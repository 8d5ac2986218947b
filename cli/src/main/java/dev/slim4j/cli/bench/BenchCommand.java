package dev.slim4j.cli.bench;

import dev.slim4j.cli.ArgParser;
import dev.slim4j.cli.Command;
import dev.slim4j.cli.JsonText;
import dev.slim4j.cli.Main;
import dev.slim4j.cli.UsageException;
import dev.slim4j.onnx.OnnxReader;
import dev.slim4j.runtime.plan.Plan;
import dev.slim4j.runtime.plan.PlanEntry;
import dev.slim4j.tensor.Tensor;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code slim4j bench MODEL.onnx [--batch N] [--threads T] [--warmup W] [--runs R] [--compare ort]
 * [--json]}: times the slim4j Session on seeded random inputs and, with {@code --compare ort}, ONNX
 * Runtime on the same file, alternating runs; checks their outputs agree (exit code 1 when not).
 */
public final class BenchCommand implements Command {
    @Override public String name() { return "bench"; }

    @Override public String summary() { return "time a model with slim4j (and ONNX Runtime with --compare ort)"; }

    @Override public int run(List<String> args, PrintStream out, PrintStream err) {
        ArgParser p = new ArgParser(name(), summary());
        var model = p.positional("MODEL.onnx", "the model to time");
        var batch = p.integer("batch", "N", "value of every symbolic input dim (default 1)", 1L);
        var threads = p.integer("threads", "T", "slim4j session threads and ORT intra-op threads (default 1)", 1L);
        var warmup = p.integer("warmup", "W", "warm-up rounds before timing, at least (default 5)", 5L);
        var warmupSeconds = p.string("warmup-seconds", "S", "warm up for at least S seconds too (default 3)", "3");
        var runs = p.integer("runs", "R", "measured rounds (default 50)", 50L);
        var maxSeconds = p.string("max-seconds", "S", "stop measuring after S seconds, at least one round (default 60)", "60");
        var compare = p.string("compare", "RUNTIME", "also time 'ort' (ONNX Runtime) on the same file", "none");
        var seed = p.integer("seed", "S", "seed of the random inputs (default 0)", 0L);
        var tolerance = p.string("tolerance", "X", "largest relative output difference that counts as agreement (default 1e-3)", "1e-3");
        var showPlan = p.flag("plan", "also print slim4j's plan: the kernel chosen for every node and why");
        var profile = p.flag("profile", "also print slim4j's time per node (median of the measured runs)");
        var json = p.flag("json", "print the result as one JSON object");
        if (!p.parse(args)) {
            out.print(p.usage());
            return 0;
        }
        BenchOptions o = new BenchOptions(toInt("batch", batch.value()), toInt("threads", threads.value()),
                toInt("warmup", warmup.value()), toDouble("warmup-seconds", warmupSeconds.value()),
                toInt("runs", runs.value()), toDouble("max-seconds", maxSeconds.value()),
                BenchOptions.peer(compare.value()), seed.value(), toDouble("tolerance", tolerance.value()));
        Path file = Path.of(model.value());
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("model file " + file + " does not exist");
        if (profile.value()) NodeProfile.print(file, o, out);
        BenchResult result = bench(file, o, batch.present(), err, showPlan.value() ? out : null);
        out.println(json.value() ? JsonText.write(BenchReport.json(result)) : BenchReport.table(result));
        if (!result.agrees()) {
            err.println("slim4j bench: slim4j and ort outputs disagree (max relative diff "
                    + result.agreement().orElseThrow().maxRelDiff() + ", tolerance " + o.tolerance() + ")");
            if (!OrtIntegerExactness.exactOnThisCpu() && OrtIntegerExactness.usesIntegerOps(OnnxReader.read(file))) {
                err.println("slim4j bench: this CPU has no VNNI, where ONNX Runtime's uint8 x int8 kernels saturate"
                        + " (vpmaddubsw) and slim4j's are exact; weights of 7 bits (quantize --bits 7) agree on any CPU");
            }
            return Main.FAILURE;
        }
        return 0;
    }

    /** Loads both runtimes, checks agreement, warms up, times and measures slim4j's heap use. */
    static BenchResult bench(Path file, BenchOptions o, boolean batchGiven, PrintStream progress) {
        return bench(file, o, batchGiven, progress, null);
    }

    /** As above; prints slim4j's plan to {@code planOut} when it is not null. */
    static BenchResult bench(Path file, BenchOptions o, boolean batchGiven, PrintStream progress,
                             PrintStream planOut) {
        try (Slim4jTarget slim = Slim4jTarget.open(file, o.threads())) {
            BenchInputs in = BenchInputs.random(slim.inputs(), o.batch(), o.seed());
            if (batchGiven && o.batch() != 1 && !in.hasBatchDim()) {
                throw new UsageException("--batch " + o.batch() + " has no effect: no input of " + file
                        + " has a symbolic dim (inputs: " + describe(in.feeds()) + ")");
            }
            slim.bind(in.feeds());
            if (planOut != null) printPlan(slim.plan(), planOut);
            try (OrtTarget ort = o.peer() == BenchOptions.Peer.ORT ? OrtTarget.open(file, o.threads(), in.feeds()) : null) {
                List<InferenceTarget> targets = new ArrayList<>(List.of(slim));
                Optional<OutputAgreement> agreement = Optional.empty();
                if (ort != null) {
                    targets.add(ort);
                    agreement = Optional.of(OutputAgreement.compare(slim.outputs(), ort.outputs(), o.tolerance()));
                }
                Benchmark.Timings timings = Benchmark.run(targets, o, progress);
                HeapUse heap = HeapUse.measure(slim::runOnce);
                Map<String, Double> load = new LinkedHashMap<>();
                for (InferenceTarget t : targets) load.put(t.name(), t.loadMillis());
                return new BenchResult(file.toString(), o, describe(in.feeds()), load, timings, agreement, heap);
            }
        }
    }

    private static void printPlan(Plan plan, PrintStream out) {
        out.printf("%-28s %-20s %-26s %s%n", "node", "op", "kernel", "why");
        for (PlanEntry e : plan.entries()) {
            out.printf("%-28s %-20s %-26s %s%n", e.node(), e.opType(), e.kernel(), e.reason());
        }
        out.printf("planned activation arena: %.2f MB (%d floats; %.2f MB without sharing), %d steps%n%n",
                plan.arenaFloats() * 4 / 1e6, plan.arenaFloats(), plan.unplannedFloats() * 4 / 1e6, plan.stepCount());
    }

    private static List<String> describe(Map<String, Tensor> feeds) {
        return feeds.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().dtype().name().toLowerCase() + e.getValue().shape()).toList();
    }

    private static int toInt(String option, long v) {
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new UsageException("option --" + option + " is out of range, found " + v);
        }
        return (int) v;
    }

    private static double toDouble(String option, String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new UsageException("option --" + option + " expects a number, found '" + s + "'");
        }
    }
}
