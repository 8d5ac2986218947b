package dev.slim4j.runtime.plan;

import dev.slim4j.ir.Node;
import dev.slim4j.runtime.reference.ReferenceOps;
import dev.slim4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * A node run by the scalar reference ops. Arena inputs are passed as views; results are stored in tensor slots
 * (copied when a result shares storage with the arena, which the memory planner may reuse).
 */
record ReferenceStep(Node node, List<Operand> inputs, List<Operand.Slot> outputs) implements Step {
    @Override public void run(Frame f) {
        List<Tensor> args = new ArrayList<>(inputs.size());
        for (Operand in : inputs) args.add(in == null ? null : in.tensor(f));
        List<Tensor> results = ReferenceOps.evaluate(node.op(), args, node.outputs().size());
        for (int i = 0; i < outputs.size() && i < results.size(); i++) {
            Operand.Slot out = outputs.get(i);
            Tensor t = results.get(i);
            if (out == null || t == null) continue;
            if (t.segment().heapBase().orElse(null) == f.arena) t = t.copy();
            f.tensors[out.slot()] = t;
        }
    }
}
