package dev.slim4j.train.grad;

import dev.slim4j.ir.Node;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.List;

/**
 * One node as the tape ran it: its input and output values (null where omitted), whether it ran in
 * training mode, and for a training-mode Dropout the factor each element was multiplied by (0 or
 * 1 / (1 - ratio)); null otherwise.
 */
record Step(Node node, List<Tensor> inputs, List<Tensor> outputs, boolean training, double[] dropoutScale) {
    Step {
        inputs = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(inputs));
        outputs = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(outputs));
    }

    /** Input {@code i}, or null when it is omitted. */
    Tensor input(int i) { return i < inputs.size() ? inputs.get(i) : null; }

    Shape inputShape(int i) { return inputs.get(i).shape(); }

    Tensor output(int i) { return i < outputs.size() ? outputs.get(i) : null; }
}
