package dev.slim4j.ir.pass;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.GraphVerificationException;
import dev.slim4j.ir.GraphVerifier;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.TypeInference;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Runs passes in order. In checked mode the graph is verified before the first pass and after each
 * one, and a failure names the pass that broke it; tests run checked, production may skip the cost.
 */
public final class PassManager {
    private final List<Pass> passes;
    private final boolean checked;
    private final ToLongFunction<String> opsets;

    private PassManager(List<Pass> passes, boolean checked, ToLongFunction<String> opsets) {
        this.passes = List.copyOf(passes);
        this.checked = checked;
        this.opsets = opsets;
    }

    /** Unchecked, default opsets. */
    public static PassManager of(Pass... passes) { return of(List.of(passes)); }

    public static PassManager of(List<Pass> passes) {
        return new PassManager(passes, false, TypeInference.defaultOpsets());
    }

    /** This pass list, verifying the graph before and after every pass. */
    public PassManager checked() { return new PassManager(passes, true, opsets); }

    /** This pass list, verifying against these opsets (domain to version). */
    public PassManager withOpsets(ToLongFunction<String> newOpsets) { return new PassManager(passes, checked, newOpsets); }

    public List<Pass> passes() { return passes; }

    public boolean isChecked() { return checked; }

    public Graph run(Graph graph) {
        if (checked) verify(graph, "before the first pass");
        Graph g = graph;
        for (Pass p : passes) {
            g = p.apply(g);
            if (checked) verify(g, "after pass " + p.name());
        }
        return g;
    }

    /** Runs on the model's graph, verifying against the model's opset imports. */
    public Model run(Model model) {
        Graph g = withOpsets(model::opset).run(model.graph());
        return g == model.graph() ? model : model.withGraph(g);
    }

    private void verify(Graph g, String when) {
        List<String> problems = GraphVerifier.problems(g, opsets);
        if (!problems.isEmpty()) {
            throw new GraphVerificationException(problems, "graph '" + g.name() + "' is invalid " + when + ": "
                    + String.join("; ", problems));
        }
    }
}
