package dev.slim4j.compress.prune;

import dev.slim4j.ir.Node;
import dev.slim4j.ir.op.Gemm;
import dev.slim4j.tensor.Tensor;
import java.util.Optional;

/** Channel rules of the layers with weights: Conv, ConvTranspose, BatchNorm/InstanceNorm, Gemm, MatMul. */
final class LayerRules {
    private LayerRules() {}

    /** W [M, C/group, k...]: filters couple with the output; input weights (group 1) or the output (depthwise) with the input. */
    static void conv(Node n, long group, Coupling c) {
        Optional<ChannelRef> x = c.activation(n.input(0));
        Optional<ChannelRef> y = c.activation(n.output(0));
        Optional<Tensor> w = c.constant(n.input(1));
        if (x.isEmpty() || y.isEmpty() || w.isEmpty()) {
            c.blockNode(n, n.describe() + ": weights are not an initializer or a channel count is unknown");
            return;
        }
        ChannelRef filter = c.parameter(n, 1, 0, TensorRole.FILTER).orElseThrow();
        c.same(filter, y.get(), n);
        bias(n, 2, y.get(), c);
        int channels = x.get().size();
        if (group == 1) {
            c.same(c.parameter(n, 1, 1, TensorRole.INPUT_WEIGHT).orElseThrow(), x.get(), n);
        } else if (group == channels && y.get().size() == channels) {
            c.same(x.get(), y.get(), n);
        } else {
            c.blockNode(n, n.describe() + ": group " + group + " of " + channels
                    + " channels couples channels across groups (only group 1 and depthwise are pruned)");
        }
    }

    /** W [C, M/group, k...]: input weights couple with the input, filters (group 1) or the input (depthwise) with the output. */
    static void convTranspose(Node n, long group, Coupling c) {
        Optional<ChannelRef> x = c.activation(n.input(0));
        Optional<ChannelRef> y = c.activation(n.output(0));
        if (x.isEmpty() || y.isEmpty() || c.constant(n.input(1)).isEmpty()) {
            c.blockNode(n, n.describe() + ": weights are not an initializer or a channel count is unknown");
            return;
        }
        c.same(c.parameter(n, 1, 0, TensorRole.INPUT_WEIGHT).orElseThrow(), x.get(), n);
        bias(n, 2, y.get(), c);
        if (group == 1) {
            c.same(c.parameter(n, 1, 1, TensorRole.FILTER).orElseThrow(), y.get(), n);
        } else if (group == x.get().size() && y.get().size() == group) {
            c.same(x.get(), y.get(), n);
        } else {
            c.blockNode(n, n.describe() + ": group " + group + " couples channels across groups");
        }
    }

    /** Input, output and every per-channel vector (scale, shift, running mean and variance) share their index. */
    static void norm(Node n, Coupling c) {
        Optional<ChannelRef> x = c.activation(n.input(0));
        Optional<ChannelRef> y = c.activation(n.output(0));
        if (x.isEmpty() || y.isEmpty()) {
            c.blockNode(n, n.describe() + ": channel count unknown");
            return;
        }
        c.same(x.get(), y.get(), n);
        TensorRole[] roles = {TensorRole.NORM_SCALE, TensorRole.NORM_SHIFT, TensorRole.NORM_STATISTIC, TensorRole.NORM_STATISTIC};
        for (int i = 1; i < n.inputs().size() && i <= roles.length; i++) {
            if (n.input(i).isEmpty()) continue;
            Optional<ChannelRef> p = c.parameter(n, i, 0, roles[i - 1]);
            if (p.isPresent()) c.same(p.get(), x.get(), n);
            else c.blockNode(n, n.describe() + ": input " + i + " is not an initializer");
        }
        for (int i = 1; i < n.outputs().size(); i++) c.activation(n.output(i)).ifPresent(r -> c.block(r, "training-mode statistics"));
    }

    /** A [M, K] x B [K, N] (+ C): B's K axis couples with A's features, its N axis and C with the output. */
    static void gemm(Node n, Gemm g, Coupling c) {
        Optional<ChannelRef> x = c.activation(n.input(0));
        Optional<ChannelRef> y = c.activation(n.output(0));
        if (x.isEmpty() || y.isEmpty() || g.transA() != 0 || c.constant(n.input(1)).isEmpty()) {
            c.blockNode(n, n.describe() + ": needs A without transA and B an initializer");
            return;
        }
        int k = g.transB() != 0 ? 1 : 0;
        c.same(c.parameter(n, 1, k, TensorRole.INPUT_WEIGHT).orElseThrow(), x.get(), n);
        c.same(c.parameter(n, 1, 1 - k, TensorRole.FILTER).orElseThrow(), y.get(), n);
        bias(n, 2, y.get(), c);
    }

    /** A [M, K] x B [K, N] with B an initializer. */
    static void matmul(Node n, Coupling c) {
        Optional<ChannelRef> x = c.activation(n.input(0));
        Optional<ChannelRef> y = c.activation(n.output(0));
        Optional<Tensor> b = c.constant(n.input(1));
        boolean matrices = c.dims(n.input(0)).map(d -> d.length == 2).orElse(false) && b.map(t -> t.rank() == 2).orElse(false);
        if (x.isEmpty() || y.isEmpty() || !matrices) {
            c.blockNode(n, n.describe() + ": only [M, K] x initializer [K, N] is pruned");
            return;
        }
        c.same(c.parameter(n, 1, 0, TensorRole.INPUT_WEIGHT).orElseThrow(), x.get(), n);
        c.same(c.parameter(n, 1, 1, TensorRole.FILTER).orElseThrow(), y.get(), n);
    }

    /** A bias whose last axis runs over the output channels; a broadcast bias (size 1) is left alone. */
    private static void bias(Node n, int input, ChannelRef y, Coupling c) {
        if (n.input(input).isEmpty()) return;
        Optional<Tensor> t = c.constant(n.input(input));
        if (t.isEmpty()) {
            c.blockNode(n, n.describe() + ": bias is not an initializer");
            return;
        }
        int last = t.get().rank() - 1;
        if (last < 0 || t.get().shape().dim(last) == 1 && y.size() != 1) return;
        c.same(c.parameter(n, input, last, TensorRole.BIAS).orElseThrow(), y, n);
    }
}
