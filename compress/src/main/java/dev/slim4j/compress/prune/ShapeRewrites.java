package dev.slim4j.compress.prune;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.op.Axes;
import dev.slim4j.ir.op.Conv;
import dev.slim4j.ir.op.ConvTranspose;
import dev.slim4j.ir.op.Slice;
import dev.slim4j.ir.op.Split;
import dev.slim4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The node changes that follow sliced channels: depthwise group counts, Slice bounds and Split sizes
 * along axis 1, and Reshape target entries ({@link ShapeFix}). New constants get fresh names, so a
 * constant shared by several nodes is never changed under another reader.
 */
final class ShapeRewrites {
    private ShapeRewrites() {}

    static List<Node> apply(Graph g, long opset, Map<ChannelRef, int[]> kept, List<ShapeFix> fixes, Map<String, Tensor> inits) {
        Map<String, ChannelRef> channelOf = new HashMap<>();
        for (ChannelRef r : kept.keySet()) if (!r.role().isParameter()) channelOf.put(r.tensor(), r);
        Map<String, List<ShapeFix>> fixesByNode = new HashMap<>();
        for (ShapeFix f : fixes) if (kept.containsKey(f.ref())) fixesByNode.computeIfAbsent(f.node(), k -> new ArrayList<>()).add(f);
        List<Node> out = new ArrayList<>();
        for (Node n : g.nodes()) {
            ChannelRef in = channelOf.get(n.input(0));
            Node m = n;
            int rank = g.typeOf(n.input(0)).filter(t -> t.hasRank()).map(t -> t.rank()).orElse(4);
            if (in != null) m = rewrite(n, in, rank, opset, kept.get(in), inits);
            if (fixesByNode.containsKey(n.name())) m = reshape(m, fixesByNode.get(n.name()), kept, inits);
            out.add(m);
        }
        return out;
    }

    private static Node rewrite(Node n, ChannelRef in, int rank, long opset, int[] keep, Map<String, Tensor> inits) {
        return switch (n.op()) {
            case Conv c when c.group() > 1 -> n.withOp(new Conv(c.autoPad(), c.dilations(), keep.length, c.kernelShape(),
                    c.pads(), c.strides()));
            case ConvTranspose c when c.group() > 1 -> n.withOp(new ConvTranspose(c.autoPad(), c.dilations(), keep.length,
                    c.kernelShape(), c.outputPadding(), c.outputShape(), c.pads(), c.strides()));
            case Slice s -> slice(n, s, in, rank, keep, inits);
            case Split s when Axes.normalize(s.axis(), rank) == 1 -> split(n, s, in, opset, keep, inits);
            default -> n;
        };
    }

    private static Node slice(Node n, Slice s, ChannelRef in, int rank, int[] keep, Map<String, Tensor> inits) {
        long[] starts = s.hasAttributes() ? Axes.array(s.starts().get()) : inits.get(n.input(1)).longs();
        long[] ends = s.hasAttributes() ? Axes.array(s.ends().get()) : inits.get(n.input(2)).longs();
        long[] axes = s.hasAttributes() ? s.axes().map(Axes::array).orElse(null)
                : n.input(3).isEmpty() ? null : inits.get(n.input(3)).longs();
        int k = -1;
        for (int i = 0; i < starts.length; i++) {
            long a = axes == null ? i : axes[i];
            if (a == 1 || a < 0 && a + rank == 1) k = i;
        }
        if (k < 0) return n;
        Slice.AxisRange r = Slice.range(in.size(), starts[k], ends[k], 1);
        long newStart = count(keep, 0, r.start());
        long newEnd = newStart + count(keep, r.start(), r.start() + r.count());
        starts = starts.clone();
        ends = ends.clone();
        starts[k] = newStart;
        ends[k] = newEnd;
        if (s.hasAttributes()) {
            return n.withOp(new Slice(Optional.of(Axes.list(starts)), Optional.of(Axes.list(ends)), s.axes()));
        }
        List<String> inputs = new ArrayList<>(n.inputs());
        inputs.set(1, fresh(n.name() + ".starts", Tensor.vector(starts), inits));
        inputs.set(2, fresh(n.name() + ".ends", Tensor.vector(ends), inits));
        return n.withInputs(inputs);
    }

    /** Explicit sizes afterwards (an even split may no longer be even): attribute form before opset 13, input after. */
    private static Node split(Node n, Split s, ChannelRef in, long opset, int[] keep, Map<String, Tensor> inits) {
        long[] given = s.split().map(Axes::array).orElse(n.input(1).isEmpty() ? null : inits.get(n.input(1)).longs());
        long[] old = s.pieceSizes(in.size(), n.outputs().size(), given);
        long total = 0;
        long[] sizes = new long[old.length];
        for (int i = 0; i < old.length; i++) {
            sizes[i] = count(keep, total, total + old[i]);
            total += old[i];
        }
        if (s.split().isPresent() || opset < 13) return n.withOp(new Split(s.axis(), Optional.of(Axes.list(sizes)), Optional.empty()));
        List<String> inputs = new ArrayList<>(n.inputs());
        String name = fresh(n.name() + ".split", Tensor.vector(sizes), inits);
        if (inputs.size() > 1) inputs.set(1, name); else inputs.add(name);
        return n.withInputs(inputs).withOp(new Split(s.axis(), Optional.empty(), Optional.empty()));
    }

    private static Node reshape(Node n, List<ShapeFix> fixes, Map<ChannelRef, int[]> kept, Map<String, Tensor> inits) {
        long[] target = inits.get(n.input(1)).longs().clone();
        for (ShapeFix f : fixes) {
            if (target[f.position()] <= 0) continue;
            target[f.position()] = kept.get(f.ref()).length * f.multiplier() / f.divisor();
        }
        List<String> inputs = new ArrayList<>(n.inputs());
        inputs.set(1, fresh(n.name() + ".shape", Tensor.vector(target), inits));
        return n.withInputs(inputs);
    }

    private static long count(int[] keep, long from, long to) {
        long c = 0;
        for (int k : keep) if (k >= from && k < to) c++;
        return c;
    }

    private static String fresh(String base, Tensor value, Map<String, Tensor> inits) {
        String name = base;
        for (int i = 1; inits.containsKey(name); i++) name = base + "_" + i;
        inits.put(name, value);
        return name;
    }
}
