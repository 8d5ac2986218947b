package dev.slim4j.compress.prune;

import dev.slim4j.ir.Node;
import dev.slim4j.ir.op.Axes;
import dev.slim4j.ir.op.Concat;
import dev.slim4j.ir.op.Flatten;
import dev.slim4j.ir.op.Slice;
import dev.slim4j.ir.op.Split;
import dev.slim4j.ir.op.Transpose;
import dev.slim4j.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Channel rules of the data-movement ops: Concat, Split, Slice, Flatten, Reshape (flatten, channel shuffle), Transpose. */
final class LayoutRules {
    private LayoutRules() {}

    /** Along axis 1 each input fills a run of the output's channels; along another axis all share them. */
    static void concat(Node n, Concat op, Coupling c) {
        Optional<ChannelRef> y = c.activation(n.output(0));
        if (y.isEmpty()) {
            c.blockNode(n, n.describe() + ": channel count unknown");
            return;
        }
        int axis = Axes.normalize(op.axis(), c.type(n.output(0)).orElseThrow().rank());
        int offset = 0;
        for (String in : n.inputs()) {
            Optional<ChannelRef> x = c.activation(in);
            if (x.isEmpty()) {
                c.blockNode(n, n.describe() + ": input '" + in + "' has no known channel count");
                return;
            }
            if (axis != 1) {
                c.same(x.get(), y.get(), n);
                continue;
            }
            for (int i = 0; i < x.get().size(); i++) c.link(x.get(), i, y.get(), offset + i);
            offset += x.get().size();
        }
    }

    /** Along axis 1 each output takes a run of the input's channels; along another axis all share them. */
    static void split(Node n, Split op, Coupling c) {
        Optional<ChannelRef> x = c.activation(n.input(0));
        if (x.isEmpty()) {
            c.blockNode(n, n.describe() + ": channel count unknown");
            return;
        }
        int axis = Axes.normalize(op.axis(), c.type(n.input(0)).orElseThrow().rank());
        int offset = 0;
        for (String out : n.outputs()) {
            Optional<ChannelRef> y = c.activation(out);
            if (y.isEmpty()) {
                c.blockNode(n, n.describe() + ": output '" + out + "' has no known channel count");
                return;
            }
            if (axis != 1) {
                c.same(x.get(), y.get(), n);
                continue;
            }
            for (int i = 0; i < y.get().size(); i++) c.link(x.get(), offset + i, y.get(), i);
            offset += y.get().size();
        }
    }

    /** A constant slice with step 1 along axis 1 maps output channel j to input channel start + j. */
    static void slice(Node n, Slice op, Coupling c) {
        Optional<ChannelRef> x = c.activation(n.input(0));
        Optional<ChannelRef> y = c.activation(n.output(0));
        Optional<Slice.AxisRange> range = channelRange(n, op, c);
        if (x.isEmpty() || y.isEmpty() || range.isEmpty()) {
            c.blockNode(n, n.describe() + ": starts, ends, axes and steps must be constants");
            return;
        }
        Slice.AxisRange r = range.get();
        if (r.step() != 1) {
            c.blockNode(n, n.describe() + ": step " + r.step() + " along the channel axis");
            return;
        }
        for (int j = 0; j < y.get().size(); j++) c.link(x.get(), (int) r.start() + j, y.get(), j);
    }

    /** The range a Slice takes along axis 1 (everything when axis 1 is not sliced), if its bounds are constants. */
    static Optional<Slice.AxisRange> channelRange(Node n, Slice op, Coupling c) {
        Optional<long[]> dims = c.dims(n.input(0));
        if (dims.isEmpty() || dims.get().length < 2 || dims.get()[1] < 0) return Optional.empty();
        long[] starts;
        long[] ends;
        long[] axes;
        long[] steps = null;
        if (op.hasAttributes()) {
            starts = Axes.array(op.starts().get());
            ends = Axes.array(op.ends().get());
            axes = op.axes().map(Axes::array).orElse(null);
        } else {
            Optional<long[]> s = values(n, 1, c);
            Optional<long[]> e = values(n, 2, c);
            if (s.isEmpty() || e.isEmpty()) return Optional.empty();
            if (!n.input(3).isEmpty() && values(n, 3, c).isEmpty() || !n.input(4).isEmpty() && values(n, 4, c).isEmpty()) {
                return Optional.empty();
            }
            starts = s.get();
            ends = e.get();
            axes = values(n, 3, c).orElse(null);
            steps = values(n, 4, c).orElse(null);
        }
        long[] d = dims.get().clone();
        for (int i = 0; i < d.length; i++) if (d[i] < 0) d[i] = Long.MAX_VALUE / 4;
        return Optional.of(Slice.ranges(d, starts, ends, axes, steps)[1]);
    }

    static Optional<long[]> values(Node n, int input, Coupling c) {
        if (n.input(input).isEmpty()) return Optional.empty();
        return c.constant(n.input(input)).map(Axes::values);
    }

    /** Flatten at axis 1: input channel k becomes the block of features [k*HW, (k+1)*HW). */
    static void flatten(Node n, Flatten op, Coupling c) {
        Optional<long[]> dims = c.dims(n.input(0));
        if (dims.isEmpty() || op.split(dims.get().length) != 1) {
            c.blockNode(n, n.describe() + ": only Flatten at axis 1 keeps channels apart");
            return;
        }
        merge(n, dims.get(), c, false);
    }

    /** [N, C, d2...] to [N, C * d2 * ...]: channel k owns a block of features. */
    private static boolean merge(Node n, long[] in, Coupling c, boolean reshape) {
        Optional<ChannelRef> x = c.activation(n.input(0));
        Optional<ChannelRef> y = c.activation(n.output(0));
        long block = 1;
        for (int i = 2; i < in.length; i++) block = in[i] < 0 ? -1 : block * in[i];
        if (x.isEmpty() || y.isEmpty() || block < 1 || (long) x.get().size() * block != y.get().size()) {
            c.blockNode(n, n.describe() + ": channel blocks of the flattened features are unknown");
            return false;
        }
        for (int k = 0; k < x.get().size(); k++) {
            for (int s = 0; s < block; s++) c.link(x.get(), k, y.get(), (int) (k * block + s));
        }
        if (reshape) c.fix(new ShapeFix(n.name(), 1, x.get(), block, 1));
        return true;
    }

    /**
     * Reshapes that keep channels resolvable: to [N, C*H*W] (a flatten), keeping [N, C, ...] with the
     * trailing dims regrouped, and the channel shuffle Reshape [N, G, C/G, ...] -> Transpose (0, 2, 1, ...)
     * -> Reshape [N, C, ...]. Any other Reshape of a channel axis is refused.
     */
    static void reshape(Node n, Coupling c, Set<String> handled) {
        Optional<long[]> in = c.dims(n.input(0));
        Optional<long[]> out = c.dims(n.output(0));
        if (c.activation(n.input(0)).isEmpty() && c.activation(n.output(0)).isEmpty()) return;
        if (in.isEmpty() || out.isEmpty() || c.constant(n.input(1)).isEmpty()) {
            c.blockNode(n, n.describe() + ": target shape is computed at run time, so the channel mapping is not resolvable");
            return;
        }
        long[] a = in.get();
        long[] b = out.get();
        if (a.length >= 2 && b.length == 2 && a[1] > 0 && b[1] > 0 && product(a, 1) == b[1]) {
            merge(n, a, c, true);
        } else if (a.length >= 2 && b.length >= 2 && a[1] > 0 && a[1] == b[1] && product(a, 2) == product(b, 2)
                && product(a, 2) > 0) {
            ChannelRef x = c.activation(n.input(0)).orElseThrow();
            c.same(x, c.activation(n.output(0)).orElseThrow(), n);
            c.fix(new ShapeFix(n.name(), 1, x, 1, 1));
        } else if (!shuffle(n, a, b, c, handled)) {
            c.blockNode(n, n.describe() + ": channel mapping " + Arrays.toString(a) + " -> " + Arrays.toString(b)
                    + " is not resolvable");
        }
    }

    private static boolean shuffle(Node first, long[] a, long[] b, Coupling c, Set<String> handled) {
        if (b.length != a.length + 1 || a[1] <= 0 || b[1] <= 0 || b[1] * b[2] != a[1]) return false;
        for (int i = 2; i < a.length; i++) if (a[i] != b[i + 1]) return false;
        Optional<Node> t = single(first.output(0), c);
        if (t.isEmpty() || !(t.get().op() instanceof Transpose tr) || !isSwap12(tr, b.length)) return false;
        Optional<Node> last = single(t.get().output(0), c);
        if (last.isEmpty() || !last.get().op().opType().equals("Reshape") || c.constant(last.get().input(1)).isEmpty()) return false;
        Optional<long[]> back = c.dims(last.get().output(0));
        if (back.isEmpty() || !Arrays.equals(blankBatch(back.get()), blankBatch(a))) return false;
        Optional<ChannelRef> x = c.activation(first.input(0));
        Optional<ChannelRef> y = c.activation(last.get().output(0));
        if (x.isEmpty() || y.isEmpty()) return false;
        int groups = (int) b[1];
        int per = (int) b[2];
        for (int k = 0; k < per; k++) {
            for (int g = 0; g < groups; g++) {
                c.link(x.get(), g * per + k, y.get(), groups * k + g);
                c.link(x.get(), k, x.get(), g * per + k);
            }
        }
        c.fix(new ShapeFix(first.name(), 2, x.get(), 1, groups));
        c.fix(new ShapeFix(last.get().name(), 1, y.get(), 1, 1));
        handled.add(t.get().name());
        handled.add(last.get().name());
        return true;
    }

    private static boolean isSwap12(Transpose t, int rank) {
        int[] p = t.permutation(rank);
        if (p[0] != 0 || p[1] != 2 || p[2] != 1) return false;
        for (int i = 3; i < rank; i++) if (p[i] != i) return false;
        return true;
    }

    private static Optional<Node> single(String value, Coupling c) {
        List<Node> consumers = c.graph().consumers(value);
        boolean output = c.graph().outputs().stream().anyMatch(v -> v.name().equals(value));
        return consumers.size() == 1 && !output ? Optional.of(consumers.getFirst()) : Optional.empty();
    }

    private static long[] blankBatch(long[] d) {
        long[] x = d.clone();
        x[0] = -1;
        return x;
    }

    private static long product(long[] d, int from) {
        long p = 1;
        for (int i = from; i < d.length; i++) {
            if (d[i] < 0) return -1;
            p *= d[i];
        }
        return p;
    }

    /** A Transpose that leaves axes 0 and 1 in place shares channels; any other is refused. */
    static void transpose(Node n, Transpose op, Coupling c) {
        Optional<long[]> dims = c.dims(n.input(0));
        if (dims.isEmpty()) {
            c.blockNode(n, n.describe() + ": rank unknown");
            return;
        }
        int[] p = op.permutation(dims.get().length);
        if (p.length >= 2 && p[0] == 0 && p[1] == 1) passThrough(n, c);
        else c.blockNode(n, n.describe() + ": moves the channel axis");
    }

    /** Output channels are input channels. */
    static void passThrough(Node n, Coupling c) {
        Optional<ChannelRef> x = c.activation(n.input(0));
        Optional<ChannelRef> y = c.activation(n.output(0));
        if (x.isPresent() && y.isPresent()) c.same(x.get(), y.get(), n);
        else if (x.isPresent() || y.isPresent()) c.blockNode(n, n.describe() + ": channel count unknown on one side");
    }

    /** Squeeze/Unsqueeze/Pad-like ops pass channels through when they leave axes 0 and 1 alone. */
    static void passThroughIf(boolean keepsChannels, Node n, Coupling c, String why) {
        if (keepsChannels) passThrough(n, c);
        else c.blockNode(n, n.describe() + ": " + why);
    }

    static boolean touchesAxes01(Optional<long[]> axes, int rank) {
        if (axes.isEmpty()) return true;
        for (int a : Axes.normalize(axes.get(), rank)) if (a <= 1) return true;
        return false;
    }

    static Optional<Tensor> constantInput(Node n, int input, Coupling c) {
        return n.input(input).isEmpty() ? Optional.empty() : c.constant(n.input(input));
    }
}
