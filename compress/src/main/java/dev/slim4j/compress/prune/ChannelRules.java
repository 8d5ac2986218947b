package dev.slim4j.compress.prune;

import dev.slim4j.ir.Node;
import dev.slim4j.ir.op.AveragePool;
import dev.slim4j.ir.op.Axes;
import dev.slim4j.ir.op.BatchNormalization;
import dev.slim4j.ir.op.Binary;
import dev.slim4j.ir.op.Cast;
import dev.slim4j.ir.op.Celu;
import dev.slim4j.ir.op.Clip;
import dev.slim4j.ir.op.Concat;
import dev.slim4j.ir.op.Constant;
import dev.slim4j.ir.op.Conv;
import dev.slim4j.ir.op.ConvTranspose;
import dev.slim4j.ir.op.Dropout;
import dev.slim4j.ir.op.Elu;
import dev.slim4j.ir.op.Flatten;
import dev.slim4j.ir.op.Gemm;
import dev.slim4j.ir.op.GlobalAveragePool;
import dev.slim4j.ir.op.GlobalMaxPool;
import dev.slim4j.ir.op.HardSigmoid;
import dev.slim4j.ir.op.Identity;
import dev.slim4j.ir.op.InstanceNormalization;
import dev.slim4j.ir.op.LeakyRelu;
import dev.slim4j.ir.op.MatMul;
import dev.slim4j.ir.op.MaxPool;
import dev.slim4j.ir.op.Mod;
import dev.slim4j.ir.op.Pad;
import dev.slim4j.ir.op.Reduce;
import dev.slim4j.ir.op.Reshape;
import dev.slim4j.ir.op.Selu;
import dev.slim4j.ir.op.ShapeOf;
import dev.slim4j.ir.op.Gather;
import dev.slim4j.ir.op.Slice;
import dev.slim4j.ir.op.Softmax;
import dev.slim4j.ir.op.Split;
import dev.slim4j.ir.op.Squeeze;
import dev.slim4j.ir.op.ThresholdedRelu;
import dev.slim4j.ir.op.Transpose;
import dev.slim4j.ir.op.Unary;
import dev.slim4j.ir.op.Unsqueeze;
import dev.slim4j.ir.op.Variadic;
import dev.slim4j.ir.op.Where;
import dev.slim4j.tensor.Tensor;
import java.util.Optional;
import java.util.Set;

/**
 * Which channel axes each op couples, one case per op family: layers with weights
 * ({@link LayerRules}), data movement ({@link LayoutRules}), elementwise ops (every input's channel
 * i with the output's, per-channel constants sliced with them, size-1 broadcasts left alone), and
 * pass-through ops (activations, pooling, Dropout, Identity, Cast). An op without a rule blocks the
 * channels it touches.
 */
final class ChannelRules {
    private ChannelRules() {}

    static void apply(Node n, Coupling c, Set<String> handled) {
        if (handled.contains(n.name())) return;
        switch (n.op()) {
            case Conv op -> LayerRules.conv(n, op.group(), c);
            case ConvTranspose op -> LayerRules.convTranspose(n, op.group(), c);
            case BatchNormalization op -> LayerRules.norm(n, c);
            case InstanceNormalization op -> LayerRules.norm(n, c);
            case Gemm op -> LayerRules.gemm(n, op, c);
            case MatMul op -> LayerRules.matmul(n, c);
            case Unary op -> LayoutRules.passThrough(n, c);
            case LeakyRelu op -> LayoutRules.passThrough(n, c);
            case Elu op -> LayoutRules.passThrough(n, c);
            case Celu op -> LayoutRules.passThrough(n, c);
            case Selu op -> LayoutRules.passThrough(n, c);
            case ThresholdedRelu op -> LayoutRules.passThrough(n, c);
            case HardSigmoid op -> LayoutRules.passThrough(n, c);
            case Clip op -> LayoutRules.passThrough(n, c);
            case Cast op -> LayoutRules.passThrough(n, c);
            case MaxPool op -> LayoutRules.passThrough(n, c);
            case AveragePool op -> LayoutRules.passThrough(n, c);
            case GlobalAveragePool op -> LayoutRules.passThrough(n, c);
            case GlobalMaxPool op -> LayoutRules.passThrough(n, c);
            case Identity op -> LayoutRules.passThrough(n, c);
            case Dropout op -> dropout(n, c);
            case Binary op -> elementwise(n, c);
            case Variadic op -> elementwise(n, c);
            case Where op -> elementwise(n, c);
            case Mod op -> elementwise(n, c);
            case Softmax op -> softmax(n, op, c);
            case Reduce op -> reduce(n, op, c);
            case Concat op -> LayoutRules.concat(n, op, c);
            case Split op -> LayoutRules.split(n, op, c);
            case Slice op -> LayoutRules.slice(n, op, c);
            case Flatten op -> LayoutRules.flatten(n, op, c);
            case Reshape op -> LayoutRules.reshape(n, c, handled);
            case Transpose op -> LayoutRules.transpose(n, op, c);
            case Squeeze op -> squeeze(n, op.axes().map(Axes::array), c, false);
            case Unsqueeze op -> squeeze(n, op.axes().map(Axes::array), c, true);
            case Pad op -> pad(n, op, c);
            case Constant op -> { }
            case ShapeOf op -> shape(n, c);
            default -> c.blockNode(n, n.describe() + ": no channel rule for op " + n.op().opType());
        }
    }

    /** Reading dims other than the channel count (a batch size for a Reshape target) is harmless; reading it is not. */
    private static void shape(Node n, Coupling c) {
        if (c.activation(n.input(0)).isEmpty()) return;
        for (Node reader : c.graph().consumers(n.output(0))) {
            boolean otherDims = reader.op() instanceof Gather ga && ga.axis() == 0
                    && LayoutRules.values(reader, 1, c).map(ix -> java.util.Arrays.stream(ix).noneMatch(i -> i == 1)).orElse(false);
            if (!otherDims) {
                c.blockNode(n, n.describe() + ": the channel count is read at run time by " + reader.describe());
                return;
            }
        }
    }

    private static void dropout(Node n, Coupling c) {
        LayoutRules.passThrough(n, c);
        Optional<ChannelRef> x = c.activation(n.input(0));
        Optional<ChannelRef> mask = c.activation(n.output(1));
        if (x.isPresent() && mask.isPresent()) c.same(x.get(), mask.get(), n);
    }

    /**
     * Broadcasting: an input whose channel axis (aligned from the right) has the output's size shares
     * its channels; one of size 1 or without that axis broadcasts and is left alone; a per-channel
     * initializer is sliced with the channels.
     */
    static void elementwise(Node n, Coupling c) {
        Optional<ChannelRef> y = c.activation(n.output(0));
        Optional<long[]> out = c.dims(n.output(0));
        if (y.isEmpty() || out.isEmpty()) {
            c.blockNode(n, n.describe() + ": channel count unknown");
            return;
        }
        int rank = out.get().length;
        for (int i = 0; i < n.inputs().size(); i++) {
            String in = n.input(i);
            Optional<Tensor> k = c.constant(in);
            Optional<long[]> dims = k.map(t -> t.shape().toLongArray()).or(() -> c.dims(in));
            if (dims.isEmpty()) {
                c.blockNode(n, n.describe() + ": input '" + in + "' has no known shape");
                return;
            }
            int axis = 1 - (rank - dims.get().length);
            if (axis < 0 || dims.get()[axis] == 1 && y.get().size() != 1) continue;
            if (k.isPresent()) {
                c.same(c.parameter(n, i, axis, TensorRole.CONSTANT).orElseThrow(), y.get(), n);
            } else if (axis == 1 && c.activation(in).isPresent()) {
                c.same(c.activation(in).get(), y.get(), n);
            } else {
                c.blockNode(n, n.describe() + ": input '" + in + "' broadcasts over channels in a way not modelled");
                return;
            }
        }
    }

    private static void softmax(Node n, Softmax op, Coupling c) {
        Optional<long[]> dims = c.dims(n.input(0));
        int rank = dims.map(d -> d.length).orElse(0);
        boolean overChannels = rank == 0 || Axes.normalize(op.axis(), rank) <= 1 && (op.coerce2d() || Axes.normalize(op.axis(), rank) == 1);
        LayoutRules.passThroughIf(!overChannels, n, c, "normalizes over the channel axis");
    }

    private static void reduce(Node n, Reduce op, Coupling c) {
        Optional<long[]> dims = c.dims(n.input(0));
        if (dims.isEmpty()) {
            c.blockNode(n, n.describe() + ": rank unknown");
            return;
        }
        Optional<long[]> axesInput = LayoutRules.values(n, 1, c);
        if (op.axesFromInput() && !n.input(1).isEmpty() && axesInput.isEmpty()) {
            c.blockNode(n, n.describe() + ": axes computed at run time");
            return;
        }
        boolean[] reduced = op.reducedAxes(axesInput.map(Axes::list).orElse(null), dims.get().length);
        boolean keeps = !reduced[1] && (op.keepdims() || !reduced[0]);
        LayoutRules.passThroughIf(keeps, n, c, "reduces over or moves the channel axis");
    }

    private static void squeeze(Node n, Optional<long[]> attribute, Coupling c, boolean unsqueeze) {
        Optional<long[]> axes = attribute.or(() -> LayoutRules.values(n, 1, c));
        Optional<long[]> dims = c.dims(unsqueeze ? n.output(0) : n.input(0));
        boolean keeps = dims.isPresent() && !LayoutRules.touchesAxes01(axes, dims.get().length);
        LayoutRules.passThroughIf(keeps, n, c, "moves the channel axis");
    }

    private static void pad(Node n, Pad op, Coupling c) {
        Optional<long[]> pads = op.pads().map(Axes::array).or(() -> LayoutRules.values(n, 1, c));
        Optional<long[]> dims = c.dims(n.input(0));
        boolean keeps = pads.isPresent() && dims.isPresent() && n.input(3).isEmpty()
                && pads.get().length == 2 * dims.get().length && pads.get()[0] == 0 && pads.get()[1] == 0
                && pads.get()[dims.get().length] == 0 && pads.get()[dims.get().length + 1] == 0;
        LayoutRules.passThroughIf(keeps, n, c, "pads the batch or channel axis, or its pads are computed at run time");
    }
}
