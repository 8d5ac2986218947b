package dev.slim4j.runtime;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.Value;
import dev.slim4j.ir.op.OpaqueOp;
import dev.slim4j.ir.op.UnsupportedOpException;
import dev.slim4j.runtime.reference.ReferenceOps;
import dev.slim4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a model. Creating a session checks that every op is supported and orders the nodes; {@link
 * #run} feeds named inputs and returns the graph outputs by name, in graph order. Values are
 * dropped as soon as their last reader has run.
 */
public final class Session implements AutoCloseable {
    private final Model model;
    private final Graph graph;
    private final SessionOptions options;
    private final List<Node> order;
    private final Map<String, Integer> lastUse;
    private boolean closed;

    private Session(Model model, SessionOptions options) {
        this.model = model;
        this.graph = model.graph();
        this.options = options;
        for (Node n : graph.nodes()) {
            if (n.op() instanceof OpaqueOp o) {
                throw new UnsupportedOpException(o.opType(), o.domain(), model.opset(o.domain()),
                        "node " + n.describe());
            }
        }
        this.order = ExecutionOrder.of(graph);
        this.lastUse = ExecutionOrder.lastUses(graph, order);
    }

    public static Session create(Model model, SessionOptions options) { return new Session(model, options); }

    public static Session create(Model model) { return create(model, SessionOptions.defaults()); }

    public Model model() { return model; }

    public SessionOptions options() { return options; }

    /** Inputs the caller must feed (graph inputs not backed by an initializer). */
    public List<Value> inputs() { return graph.runtimeInputs(); }

    public List<Value> outputs() { return graph.outputs(); }

    /** Runs the graph. Fails with a clear message on unknown, missing or ill-typed inputs. */
    public Map<String, Tensor> run(Map<String, Tensor> feeds) {
        if (closed) throw new IllegalStateException("session is closed");
        Map<String, Tensor> env = new HashMap<>(graph.initializers());
        env.putAll(InputCheck.validate(graph, feeds));
        for (int step = 0; step < order.size(); step++) {
            Node node = order.get(step);
            List<Tensor> args = new ArrayList<>(node.inputs().size());
            for (String in : node.inputs()) args.add(in.isEmpty() ? null : env.get(in));
            List<Tensor> results;
            try {
                results = ReferenceOps.evaluate(node.op(), args, node.outputs().size());
            } catch (RuntimeException e) {
                throw new ExecutionException(node, e);
            }
            for (int i = 0; i < node.outputs().size() && i < results.size(); i++) {
                String out = node.outputs().get(i);
                if (!out.isEmpty() && results.get(i) != null) env.put(out, results.get(i));
            }
            for (String in : node.inputs()) {
                Integer last = lastUse.get(in);
                if (last != null && last == step && !graph.initializers().containsKey(in)) env.remove(in);
            }
        }
        Map<String, Tensor> result = new LinkedHashMap<>();
        for (Value out : graph.outputs()) {
            Tensor t = env.get(out.name());
            if (t == null) throw new IllegalStateException("graph output '" + out.name() + "' was not computed");
            result.put(out.name(), t);
        }
        return result;
    }

    @Override public void close() { closed = true; }
}
