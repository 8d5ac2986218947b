package dev.slim4j.ir;

import dev.slim4j.ir.op.Op;
import java.util.List;

/**
 * One operation in a graph. {@code inputs} and {@code outputs} are value names; an empty string
 * marks an omitted optional input or output (ONNX convention). {@code raw} carries file fields the
 * IR does not interpret (doc string, node metadata).
 */
public record Node(String name, Op op, List<String> inputs, List<String> outputs, RawFields raw) {
    public Node {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        if (name == null) name = "";
        if (raw == null) raw = RawFields.EMPTY;
    }

    public Node(String name, Op op, List<String> inputs, List<String> outputs) {
        this(name, op, inputs, outputs, RawFields.EMPTY);
    }

    /** Input {@code i}, or "" when it is absent (omitted or past the end). */
    public String input(int i) { return i < inputs.size() ? inputs.get(i) : ""; }

    public String output(int i) { return i < outputs.size() ? outputs.get(i) : ""; }

    public Node withInputs(List<String> newInputs) { return new Node(name, op, newInputs, outputs, raw); }

    public Node withOutputs(List<String> newOutputs) { return new Node(name, op, inputs, newOutputs, raw); }

    public Node withOp(Op newOp) { return new Node(name, newOp, inputs, outputs, raw); }

    /** "name (OpType)" for messages. */
    public String describe() { return (name.isEmpty() ? "<unnamed>" : name) + " (" + op.opType() + ")"; }
}
