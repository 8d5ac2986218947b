package dev.slim4j.runtime.plan;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.Value;
import dev.slim4j.ir.op.QLinearConv;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Compiles a graph for concrete input shapes: constants are propagated and folded, each remaining node gets a
 * fast kernel when a selection rule (see {@link NodeRules}) accepts it, else its reference op; then the memory
 * planner places every arena buffer. With {@link KernelChoice#REFERENCE} every node runs its reference op.
 */
public final class PlanCompiler {
    private final KernelChoice choice;
    private final FastKernels kernels;
    private final Workers workers;

    public PlanCompiler(KernelChoice choice, Workers workers) {
        this(choice, workers, SparseLimits.measured());
    }

    /** As above, with the weight densities below which Gemm / MatMul run on the sparse kernel. */
    public PlanCompiler(KernelChoice choice, Workers workers, SparseLimits sparse) {
        this.choice = choice;
        this.kernels = FastKernels.chosen(sparse);
        this.workers = workers;
    }

    /** The plan of {@code graph} (nodes in {@code order}) for inputs of {@code inputShapes}. */
    public Plan compile(Graph graph, List<Node> order, Map<String, Shape> inputShapes, ToLongFunction<String> opsets) {
        ShapeResolver shapes = ShapeResolver.resolve(graph, order, inputShapes, opsets);
        Set<String> channelsLast = choice == KernelChoice.FAST
                ? ChannelsLastValues.of(graph, order, shapes, n -> integerConv(n, shapes)) : Set.of();
        PlanBuilder p = new PlanBuilder();
        Map<String, Integer> inputSlots = new HashMap<>();
        for (Value v : graph.runtimeInputs()) {
            inputSlots.put(v.name(), p.slot(v.name(), v.type().dtype(), inputShapes.get(v.name())).slot());
        }
        graph.initializers().forEach((name, t) -> {
            if (!p.has(name)) p.define(name, Operand.Constant.of(t));
        });
        List<Node> stepNodes = new ArrayList<>();
        for (Node n : order) {
            if (shapes.isFolded(n)) {
                fold(n, shapes, p);
            } else if (compileFast(n, shapes, p, channelsLast)) {
                if (p.steps.size() > stepNodes.size()) stepNodes.add(n);
            } else {
                if (n.op() instanceof QLinearConv && (channelsLast.contains(n.input(0))
                        || channelsLast.contains(n.output(0)))) {
                    throw new IllegalStateException("the integer convolution " + n.name() + " was planned on "
                            + "channels-last values but its step could not be built");
                }
                p.add(referenceStep(n, shapes, p), entry(n, "reference", referenceReason(n, shapes, p)));
                stepNodes.add(n);
            }
        }
        int end = p.step();
        Map<String, Operand> outputs = new LinkedHashMap<>();
        for (Value out : graph.outputs()) {
            p.keepToEnd(out.name(), end);
            outputs.put(out.name(), p.read(out.name()));
        }
        long arena = MemoryPlanner.plan(p.buffers);
        long unplanned = p.buffers.stream().mapToLong(b -> b.floats).sum();
        return new Plan(p.steps, stepNodes, p.entries, inputSlots, outputs, p.slotCount(), arena, unplanned,
                new BufferPool());
    }

    private static void fold(Node n, ShapeResolver shapes, PlanBuilder p) {
        for (String out : n.outputs()) {
            if (out.isEmpty()) continue;
            Optional<Tensor> c = shapes.constant(out);
            if (c.isPresent()) p.define(out, Operand.Constant.of(c.get()));
        }
        p.note(entry(n, "folded", "all inputs constant: computed once at compile time"));
    }

    /** Tries the fast rule of {@code n}; true when it defined the node's outputs (with or without a step). */
    private boolean compileFast(Node n, ShapeResolver shapes, PlanBuilder p, Set<String> channelsLast) {
        if (choice != KernelChoice.FAST) return false;
        Choice c = NodeRules.select(new NodeView(n, shapes, p, kernels, workers, channelsLast));
        if (!(c instanceof Choice.Fast fast)) return false;
        Step step;
        try {
            step = fast.build().apply(p);
        } catch (RuntimeException e) {
            return false; // the reference op then runs the node and reports any real problem
        }
        PlanEntry e = entry(n, fast.kernel(), fast.reason());
        if (step == null) p.note(e);
        else p.add(step, e);
        return true;
    }

    private String referenceReason(Node n, ShapeResolver shapes, PlanBuilder p) {
        if (choice != KernelChoice.FAST) return "reference kernels requested";
        return NodeRules.select(new NodeView(n, shapes, p, kernels, workers, Set.of())) instanceof Choice.Reference r
                ? r.reason() : "the fast kernel rejected the node at compile time";
    }

    private static ReferenceStep referenceStep(Node n, ShapeResolver shapes, PlanBuilder p) {
        List<Operand> inputs = new ArrayList<>();
        for (String in : n.inputs()) inputs.add(p.read(in));
        List<Operand.Slot> outs = new ArrayList<>();
        for (String out : n.outputs()) {
            if (out.isEmpty()) {
                outs.add(null);
                continue;
            }
            DType t = shapes.dtype(out);
            outs.add(p.slot(out, t == null ? DType.FLOAT32 : t, shapes.staticShape(out)));
        }
        return new ReferenceStep(n, inputs, outs);
    }

    /** Whether an integer convolution step runs {@code n} (which may then read and write channels-last values). */
    private boolean integerConv(Node n, ShapeResolver shapes) {
        return n.op() instanceof QLinearConv q
                && Int8Rule.qLinearConv(new NodeView(n, shapes, null, kernels, workers, Set.of()), q) instanceof Choice.Fast;
    }

    private static PlanEntry entry(Node n, String kernel, String reason) {
        return new PlanEntry(n.name(), n.op().opType(), kernel, reason);
    }
}
