package dev.slim4j.runtime.plan;

import dev.slim4j.ir.Node;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.Set;

/**
 * One node as the selection rules see it: static shapes, element types, constant inputs, and which values the plan
 * stores channels-last ({@link ChannelsLastValues}).
 */
record NodeView(Node node, ShapeResolver shapes, PlanBuilder plan, FastKernels kernels, Workers workers,
                Set<String> channelsLastValues) {

    /** Whether the plan stores {@code value} channels-last. */
    boolean channelsLast(String value) {
        return channelsLastValues.contains(value);
    }

    boolean has(int input) {
        return !node.input(input).isEmpty();
    }

    /** Static shape of input {@code i}, or null. */
    Shape in(int i) {
        return has(i) ? shapes.staticShape(node.input(i)) : null;
    }

    Shape out(int i) {
        return shapes.staticShape(node.output(i));
    }

    /** The constant value of input {@code i}, or null. */
    Tensor constant(int i) {
        return has(i) ? shapes.constant(node.input(i)).orElse(null) : null;
    }

    /** Whether the given inputs (when given) and every output are float32 with static shapes. */
    boolean staticFloat(int... inputs) {
        for (int i : inputs) {
            if (!has(i)) continue;
            if (shapes.dtype(node.input(i)) != DType.FLOAT32 || in(i) == null) return false;
        }
        for (int o = 0; o < node.outputs().size(); o++) {
            if (node.output(o).isEmpty()) continue;
            if (shapes.dtype(node.output(o)) != DType.FLOAT32 || out(o) == null) return false;
        }
        return true;
    }

    /** The operand of input {@code i}, read by the step being built. */
    Operand read(int i) {
        return plan.read(node.input(i));
    }

    /** A new arena value for output {@code o}. */
    Operand.Arena write(int o) {
        return plan.arena(node.output(o), out(o));
    }
}
