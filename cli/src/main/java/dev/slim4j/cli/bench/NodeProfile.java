package dev.slim4j.cli.bench;

import dev.slim4j.ir.Node;
import dev.slim4j.runtime.plan.Plan;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Where slim4j's time goes: each plan step's median wall time over the measured runs, largest first. */
final class NodeProfile {
    private NodeProfile() {}

    static void print(Path file, BenchOptions o, PrintStream out) {
        try (Slim4jTarget slim = Slim4jTarget.open(file, o.threads())) {
            slim.bind(BenchInputs.random(slim.inputs(), o.batch(), o.seed()).feeds());
            Plan plan = slim.plan();
            int steps = plan.stepCount();
            for (int i = 0; i < Math.max(1, o.warmupRuns()); i++) slim.runOnce();
            long[][] samples = new long[steps][o.runs()];
            for (int r = 0; r < o.runs(); r++) {
                long[] nanos = new long[steps];
                slim.runProfiled(nanos);
                for (int i = 0; i < steps; i++) samples[i][r] = nanos[i];
            }
            List<Integer> order = new ArrayList<>();
            double total = 0;
            double[] median = new double[steps];
            for (int i = 0; i < steps; i++) {
                Arrays.sort(samples[i]);
                median[i] = samples[i][o.runs() / 2] / 1e6;
                total += median[i];
                order.add(i);
            }
            order.sort((a, b) -> Double.compare(median[b], median[a]));
            out.printf("%-44s %-18s %10s %7s%n", "node", "op", "median ms", "share");
            for (int i : order) {
                Node n = plan.stepNodes().get(i);
                out.printf("%-44s %-18s %10.3f %6.1f%%%n", n.name(), n.op().opType(), median[i],
                        100 * median[i] / total);
            }
            out.printf("sum of step medians: %.3f ms%n%n", total);
        }
    }
}
