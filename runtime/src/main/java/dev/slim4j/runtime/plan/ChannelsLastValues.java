package dev.slim4j.runtime.plan;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.Value;
import dev.slim4j.ir.op.Binary;
import dev.slim4j.ir.op.Clip;
import dev.slim4j.ir.op.DequantizeLinear;
import dev.slim4j.ir.op.HardSigmoid;
import dev.slim4j.ir.op.LeakyRelu;
import dev.slim4j.ir.op.QuantizeLinear;
import dev.slim4j.ir.op.Unary;
import dev.slim4j.tensor.Shape;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which 4-D values between integer convolutions the plan keeps channels-last (NHWC bytes under their NCHW shape),
 * so that a 1x1 integer convolution is one GEMM on its input as it lies and the depthwise kernel reads contiguous
 * channels. Integer convolutions read and write either layout. Pointwise nodes whose runtime inputs all have the
 * output's shape (Quantize/DequantizeLinear per tensor, Add, Relu, Clip, ...) compute the same bytes in any layout,
 * so each connected group of their values takes one layout. A group is channels-last when it touches an integer
 * convolution and none of its values is a graph input or output or is read or written by any other node.
 */
final class ChannelsLastValues {
    private ChannelsLastValues() {}

    /** The channels-last values of {@code graph}; {@code integerConv} says which nodes the integer conv steps run. */
    static Set<String> of(Graph graph, List<Node> order, ShapeResolver shapes, Predicate<Node> integerConv) {
        Groups groups = new Groups();
        Set<String> pinned = new HashSet<>();
        Set<String> touched = new HashSet<>();
        for (Value v : graph.runtimeInputs()) pinned.add(v.name());
        for (Value v : graph.outputs()) pinned.add(v.name());
        for (Node n : order) {
            if (shapes.isFolded(n)) continue;
            List<String> values = runtimeValues(n, shapes);
            if (integerConv.test(n)) {
                touched.add(n.input(0));
                touched.add(n.output(0));
            } else if (pointwise(n, shapes)) {
                for (String v : values) groups.union(values.get(0), v);
            } else {
                pinned.addAll(values);
            }
            for (String v : values) {
                Shape s = shapes.staticShape(v);
                if (s == null || s.rank() != 4) pinned.add(v);
            }
        }
        Set<String> pinnedGroups = new HashSet<>();
        Set<String> touchedGroups = new HashSet<>();
        for (String v : pinned) pinnedGroups.add(groups.root(v));
        for (String v : touched) touchedGroups.add(groups.root(v));
        Set<String> out = new HashSet<>();
        for (String v : groups.members()) {
            String root = groups.root(v);
            if (touchedGroups.contains(root) && !pinnedGroups.contains(root)) out.add(v);
        }
        for (String v : touched) {
            if (!pinnedGroups.contains(groups.root(v))) out.add(v);
        }
        return out;
    }

    /** Inputs that are not constants, then outputs. */
    private static List<String> runtimeValues(Node n, ShapeResolver shapes) {
        List<String> in = n.inputs().stream().filter(v -> !v.isEmpty() && shapes.constant(v).isEmpty()).toList();
        List<String> out = n.outputs().stream().filter(v -> !v.isEmpty()).toList();
        return java.util.stream.Stream.concat(in.stream(), out.stream()).toList();
    }

    /** A pointwise node: runtime inputs shaped as its one output, constant inputs single values. */
    private static boolean pointwise(Node n, ShapeResolver shapes) {
        boolean kind = switch (n.op()) {
            case Binary b -> true;
            case Unary u -> true;
            case Clip c -> true;
            case LeakyRelu l -> true;
            case HardSigmoid h -> true;
            case QuantizeLinear q -> true;
            case DequantizeLinear d -> true;
            default -> false;
        };
        if (!kind || n.outputs().size() != 1) return false;
        Shape out = shapes.staticShape(n.output(0));
        if (out == null) return false;
        for (String in : n.inputs()) {
            if (in.isEmpty()) continue;
            var constant = shapes.constant(in);
            if (constant.isPresent()) {
                if (constant.get().size() != 1) return false;
            } else if (!out.equals(shapes.staticShape(in))) {
                return false;
            }
        }
        return true;
    }

    /** Union-find over value names. */
    private static final class Groups {
        private final Map<String, String> parent = new HashMap<>();

        String root(String v) {
            String p = parent.getOrDefault(v, v);
            if (p.equals(v)) return v;
            String r = root(p);
            parent.put(v, r);
            return r;
        }

        void union(String a, String b) {
            String ra = root(a), rb = root(b);
            parent.putIfAbsent(ra, ra);
            parent.putIfAbsent(rb, rb);
            if (!ra.equals(rb)) parent.put(ra, rb);
        }

        Set<String> members() {
            return parent.keySet();
        }
    }
}
