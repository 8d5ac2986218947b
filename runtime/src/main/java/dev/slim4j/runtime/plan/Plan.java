package dev.slim4j.runtime.plan;

import dev.slim4j.ir.Node;
import dev.slim4j.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A graph compiled for one set of input shapes: steps in execution order, each bound to its operands, and one
 * float arena of {@link #arenaFloats()} floats that activations share by liveness. The arena is allocated on the
 * first run and reused by every later one; graph outputs are copied out of it. Runs are serialized.
 */
public final class Plan {
    private final List<Step> steps;
    private final List<Node> stepNodes;
    private final List<PlanEntry> entries;
    private final Map<String, Integer> inputSlots;
    private final Map<String, Operand> outputs;
    private final int slotCount;
    private final long arenaFloats;
    private final long unplannedFloats;
    private final BufferPool pool;
    private Frame frame;

    Plan(List<Step> steps, List<Node> stepNodes, List<PlanEntry> entries, Map<String, Integer> inputSlots,
         Map<String, Operand> outputs, int slotCount, long arenaFloats, long unplannedFloats, BufferPool pool) {
        this.steps = List.copyOf(steps);
        this.stepNodes = List.copyOf(stepNodes);
        this.entries = List.copyOf(entries);
        this.inputSlots = Map.copyOf(inputSlots);
        this.outputs = new LinkedHashMap<>(outputs);
        this.slotCount = slotCount;
        this.arenaFloats = arenaFloats;
        this.unplannedFloats = unplannedFloats;
        this.pool = pool;
    }

    /** What the plan does for each node, in order: the kernel chosen and why. */
    public List<PlanEntry> entries() {
        return entries;
    }

    /** The planned peak of activation memory, in floats (the arena's length). */
    public long arenaFloats() {
        return arenaFloats;
    }

    /** What the activations and scratch would take without sharing: the sum of every arena buffer's floats. */
    public long unplannedFloats() {
        return unplannedFloats;
    }

    /** The node each step runs, in order. */
    public List<Node> stepNodes() {
        return stepNodes;
    }

    /** The number of steps that run (folded and aliased nodes have none). */
    public int stepCount() {
        return steps.size();
    }

    /** The allocator of this plan's arena (counts allocations, for tests). */
    public BufferPool pool() {
        return pool;
    }

    /**
     * Runs the plan on {@code feeds} (already validated: every input present with the planned shape) and returns
     * the graph outputs in graph order. {@code failure} wraps an exception with the node that raised it.
     */
    public Map<String, Tensor> run(Map<String, Tensor> feeds, StepFailure failure) {
        return run(feeds, failure, null);
    }

    /**
     * As {@link #run(Map, StepFailure)}, adding each step's wall time in nanoseconds to {@code stepNanos[i]}
     * (indexed like {@link #stepNodes()}) when it is not null.
     */
    public synchronized Map<String, Tensor> run(Map<String, Tensor> feeds, StepFailure failure, long[] stepNanos) {
        if (frame == null) frame = new Frame(pool.allocate(arenaFloats), slotCount);
        try {
            for (Map.Entry<String, Integer> in : inputSlots.entrySet()) {
                frame.tensors[in.getValue()] = feeds.get(in.getKey());
            }
            for (int i = 0; i < steps.size(); i++) {
                long start = stepNanos == null ? 0 : System.nanoTime();
                try {
                    steps.get(i).run(frame);
                    if (stepNanos != null) stepNanos[i] += System.nanoTime() - start;
                } catch (RuntimeException e) {
                    throw failure.wrap(stepNodes.get(i), e);
                }
            }
            Map<String, Tensor> result = new LinkedHashMap<>();
            for (Map.Entry<String, Operand> out : outputs.entrySet()) {
                Operand op = out.getValue();
                Tensor t = op.tensor(frame);
                // arena values and reused 8-bit outputs (and views of them) are overwritten by the next run
                result.put(out.getKey(), isFeed(feeds, t) ? t : t.copy());
            }
            return result;
        } finally {
            frame.clear();
        }
    }

    private static boolean isFeed(Map<String, Tensor> feeds, Tensor t) {
        for (Tensor feed : feeds.values()) {
            if (feed == t) return true;
        }
        return false;
    }

    /** Turns a step's exception into the session's error naming the node. */
    @FunctionalInterface
    public interface StepFailure {
        RuntimeException wrap(Node node, RuntimeException cause);
    }
}
