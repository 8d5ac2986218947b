package dev.slim4j.cli.quantize;

import dev.slim4j.ir.Dim;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.TensorType;
import dev.slim4j.ir.Value;
import dev.slim4j.runtime.Session;
import dev.slim4j.runtime.SessionOptions;
import dev.slim4j.runtime.plan.PlanEntry;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How slim4j's runtime executes a quantized model, read from its compiled plan (batch 1): the nodes that run
 * in integer arithmetic, and the matrix-product nodes that still run in float (with the planner's reason).
 */
record IntegerExecution(List<String> integer, List<String> floatCompute) {
    private static final Set<String> COMPUTE = Set.of("Conv", "FusedConv", "Gemm", "FusedGemm", "MatMul");

    static IntegerExecution of(Model quantized) {
        try (Session s = Session.create(quantized, SessionOptions.defaults())) {
            Map<String, Tensor> feeds = new HashMap<>();
            for (Value v : s.inputs()) feeds.put(v.name(), Tensor.allocate(v.type().dtype(), batchOne(v.type())));
            List<String> integer = new ArrayList<>();
            List<String> floats = new ArrayList<>();
            for (PlanEntry e : s.plan(feeds).entries()) {
                if (e.opType().startsWith("QLinear") && !e.kernel().equals("reference")) {
                    integer.add(e.node() + " (" + e.opType() + ", " + e.kernel() + ")");
                } else if (e.opType().startsWith("QLinear")) {
                    floats.add(e.node() + " (" + e.opType() + " on the reference ops: " + e.reason() + ")");
                } else if (COMPUTE.contains(e.opType())) {
                    floats.add(e.node() + " (" + e.opType() + " in float32)");
                }
            }
            return new IntegerExecution(integer, floats);
        }
    }

    private static Shape batchOne(TensorType t) {
        long[] dims = new long[t.rank()];
        for (int i = 0; i < dims.length; i++) {
            Dim d = t.dim(i);
            dims[i] = d.isFixed() ? d.size() : 1;
        }
        return Shape.ofLongs(dims);
    }
}
