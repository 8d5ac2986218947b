package dev.slim4j.runtime;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.Value;
import dev.slim4j.ir.op.OpaqueOp;
import dev.slim4j.ir.op.UnsupportedOpException;
import dev.slim4j.ir.pass.Optimizer;
import dev.slim4j.runtime.plan.KernelChoice;
import dev.slim4j.runtime.plan.Plan;
import dev.slim4j.runtime.plan.PlanCompiler;
import dev.slim4j.runtime.plan.Workers;
import dev.slim4j.runtime.reference.ReferenceOps;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a model. Creating a session checks that every op is supported, optimizes the graph (when {@link
 * SessionOptions#optimize()}) and orders the nodes; {@link #run} feeds named inputs and returns the graph outputs
 * by name, in graph order. With {@link KernelChoice#FAST} the graph is compiled into a {@link Plan} per set of
 * input shapes (fast kernels, planned activation memory, {@code threads} intra-op workers) and the plan is reused;
 * with {@link KernelChoice#REFERENCE} every node runs its scalar reference op and values are dropped as soon as
 * their last reader has run.
 */
public final class Session implements AutoCloseable {
    /** Plans kept per session (one per set of input shapes, least recently used dropped first). */
    static final int MAX_PLANS = 8;

    private final Model model;
    private final Graph graph;
    private final SessionOptions options;
    private final List<Node> order;
    private final Map<String, Integer> lastUse;
    private final Workers workers;
    private final PlanCompiler compiler;
    private final Map<List<Shape>, Plan> plans = new LinkedHashMap<>(8, 0.75f, true);
    private boolean closed;

    private Session(Model model, SessionOptions options) {
        this.model = model;
        this.options = options;
        for (Node n : model.graph().nodes()) {
            if (n.op() instanceof OpaqueOp o) {
                throw new UnsupportedOpException(o.opType(), o.domain(), model.opset(o.domain()),
                        "node " + n.describe());
            }
        }
        ExecutionOrder.of(model.graph()); // a cycle or a dangling input fails here, before any optimization
        this.graph = options.optimize() ? Optimizer.of(options.passes()).optimize(model).graph() : model.graph();
        this.order = ExecutionOrder.of(graph);
        this.lastUse = ExecutionOrder.lastUses(graph, order);
        this.workers = options.kernels() == KernelChoice.FAST ? new Workers(options.threads()) : null;
        this.compiler = workers == null ? null : new PlanCompiler(KernelChoice.FAST, workers, options.sparse());
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
        Map<String, Tensor> checked = InputCheck.validate(graph, feeds);
        if (compiler != null) return plan(checked).run(checked, ExecutionException::new);
        return interpret(checked);
    }

    /** The plan for the shapes of {@code feeds} (compiled on first use; the last few are kept). */
    public Plan plan(Map<String, Tensor> feeds) {
        if (compiler == null) throw new IllegalStateException("a session with reference kernels has no plan");
        List<Shape> key = new ArrayList<>();
        Map<String, Shape> shapes = new HashMap<>();
        for (Value v : graph.runtimeInputs()) {
            Tensor t = feeds.get(v.name());
            if (t == null) throw new IllegalArgumentException("missing input '" + v.name() + "'");
            key.add(t.shape());
            shapes.put(v.name(), t.shape());
        }
        synchronized (plans) {
            Plan p = plans.get(key);
            if (p == null) {
                p = compiler.compile(graph, order, shapes, model::opset);
                plans.put(key, p);
                if (plans.size() > MAX_PLANS) plans.remove(plans.keySet().iterator().next());
            }
            return p;
        }
    }

    private Map<String, Tensor> interpret(Map<String, Tensor> checked) {
        Map<String, Tensor> env = new HashMap<>(graph.initializers());
        env.putAll(checked);
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

    @Override public void close() {
        closed = true;
        if (workers != null) workers.close();
        synchronized (plans) {
            plans.clear();
        }
    }
}
