package dev.slim4j.runtime.plan;

import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The mutable state of compiling one plan: the operand of every value, the arena buffers with their lifetimes,
 * the tensor slots, and the steps built so far. Reading an operand at the current step extends its lifetime.
 */
final class PlanBuilder {
    private final Map<String, Operand> operands = new HashMap<>();
    final List<ArenaBuffer> buffers = new ArrayList<>();
    final List<Step> steps = new ArrayList<>();
    final List<PlanEntry> entries = new ArrayList<>();
    private int slots;

    /** Index the next step will have. */
    int step() {
        return steps.size();
    }

    void define(String name, Operand op) {
        operands.put(name, op);
    }

    boolean has(String name) {
        return operands.containsKey(name);
    }

    /** The operand of {@code name}, read by the step being built (null for an omitted input). */
    Operand read(String name) {
        if (name.isEmpty()) return null;
        Operand op = operands.get(name);
        if (op == null) throw new IllegalStateException("value '" + name + "' has no operand (not produced yet)");
        if (op instanceof Operand.Arena a) a.buffer().useAt(step());
        return op;
    }

    /** Keeps {@code name} alive until the end of the run (graph outputs). */
    void keepToEnd(String name, int end) {
        if (operands.get(name) instanceof Operand.Arena a) a.buffer().useAt(end);
    }

    /** A new arena value written by the step being built. */
    Operand.Arena arena(String name, Shape shape) {
        ArenaBuffer b = new ArenaBuffer(name, shape.size(), step());
        buffers.add(b);
        Operand.Arena op = new Operand.Arena(shape, b);
        operands.put(name, op);
        return op;
    }

    /** {@code name} sharing {@code source}'s storage with another shape (Reshape, Flatten, ...). */
    Operand.Arena alias(String name, Operand.Arena source, Shape shape) {
        Operand.Arena op = new Operand.Arena(shape, source.buffer());
        operands.put(name, op);
        return op;
    }

    /** Scratch of {@code floats} floats for the step being built only, or null when none is needed. */
    ArenaBuffer scratch(String name, long floats) {
        if (floats == 0) return null;
        ArenaBuffer b = new ArenaBuffer(name + "#scratch", floats, step());
        buffers.add(b);
        return b;
    }

    /** A tensor slot for a value set at run time. */
    Operand.Slot slot(String name, DType dtype, Shape shape) {
        Operand.Slot op = new Operand.Slot(slots++, dtype, shape);
        operands.put(name, op);
        return op;
    }

    int slotCount() {
        return slots;
    }

    void add(Step s, PlanEntry entry) {
        steps.add(s);
        entries.add(entry);
    }

    void note(PlanEntry entry) {
        entries.add(entry);
    }
}
