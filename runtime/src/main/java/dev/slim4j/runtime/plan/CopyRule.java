package dev.slim4j.runtime.plan;

import dev.slim4j.ir.op.Axes;
import dev.slim4j.ir.op.Concat;
import dev.slim4j.ir.op.Slice;
import dev.slim4j.ir.op.Transpose;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Data movement of float32 values with static shapes as strided copies into the arena: Transpose, Slice with
 * constant starts/ends/axes/steps, and Concat (one copy per input). Empty values go to the reference op.
 */
final class CopyRule {
    private CopyRule() {}

    static Choice transpose(NodeView v, Transpose op) {
        if (!v.staticFloat(0) || v.out(0).size() == 0) return Choice.reference("not float32 with static shapes");
        Shape x = v.in(0);
        int rank = x.rank();
        if (rank == 0) return Choice.reference("scalar");
        int[] perm = op.permutation(rank);
        long[] inStrides = x.strides();
        int[] dims = new int[rank];
        int[] strides = new int[rank];
        for (int i = 0; i < rank; i++) {
            dims[i] = (int) x.dim(perm[i]);
            strides[i] = (int) inStrides[perm[i]];
        }
        int row = dims[rank - 1];
        return Choice.fast("strided-copy", "permutation " + java.util.Arrays.toString(perm), p ->
                new StridedCopyStep(dims, strides, 0, 0, row, v.read(0), v.write(0)));
    }

    static Choice slice(NodeView v, Slice op) {
        if (!v.staticFloat(0) || v.out(0).size() == 0) return Choice.reference("not float32 with static shapes");
        long[] starts;
        long[] ends;
        long[] axes = null;
        long[] steps = null;
        if (op.hasAttributes()) {
            starts = Axes.array(op.starts().get());
            ends = Axes.array(op.ends().get());
            axes = op.axes().map(Axes::array).orElse(null);
        } else {
            Tensor s = v.constant(1);
            Tensor e = v.constant(2);
            if (s == null || e == null || (v.has(3) && v.constant(3) == null) || (v.has(4) && v.constant(4) == null)) {
                return Choice.reference("slice bounds are not constant");
            }
            starts = Axes.values(s);
            ends = Axes.values(e);
            if (v.has(3)) axes = Axes.values(v.constant(3));
            if (v.has(4)) steps = Axes.values(v.constant(4));
        }
        Shape x = v.in(0);
        Slice.AxisRange[] ranges = Slice.ranges(x.toLongArray(), starts, ends, axes, steps);
        long[] inStrides = x.strides();
        int rank = ranges.length;
        int[] dims = new int[rank];
        int[] strides = new int[rank];
        long base = 0;
        for (int k = 0; k < rank; k++) {
            dims[k] = (int) ranges[k].count();
            strides[k] = (int) (ranges[k].step() * inStrides[k]);
            base += ranges[k].start() * inStrides[k];
        }
        if (rank == 0) return Choice.reference("scalar");
        int origin = (int) base;
        int row = dims[rank - 1];
        return Choice.fast("strided-copy", "slice " + java.util.Arrays.toString(dims), p ->
                new StridedCopyStep(dims, strides, origin, 0, row, v.read(0), v.write(0)));
    }

    static Choice concat(NodeView v, Concat op) {
        int inputs = v.node().inputs().size();
        int[] all = new int[inputs];
        for (int i = 0; i < inputs; i++) all[i] = i;
        if (!v.staticFloat(all) || v.out(0).size() == 0) return Choice.reference("not float32 with static shapes");
        Shape y = v.out(0);
        int axis = (int) (op.axis() < 0 ? op.axis() + y.rank() : op.axis());
        long outer = 1;
        for (int d = 0; d < axis; d++) outer *= y.dim(d);
        long total = y.size() / Math.max(1, outer);
        List<int[]> chunks = new ArrayList<>(); // {input, chunk, shift}
        long shift = 0;
        for (int i = 0; i < inputs; i++) {
            long chunk = v.in(i).size() / Math.max(1, outer);
            if (chunk > 0) chunks.add(new int[] {i, (int) chunk, (int) shift});
            shift += chunk;
        }
        int rows = (int) outer;
        int rowStride = (int) total;
        return Choice.fast("strided-copy", "concat of " + inputs + " along axis " + axis, p -> {
            List<Operand> sources = new ArrayList<>();
            for (int[] c : chunks) sources.add(v.read(c[0]));
            Operand out = v.write(0);
            List<Step> copies = new ArrayList<>();
            for (int k = 0; k < chunks.size(); k++) {
                int[] c = chunks.get(k);
                copies.add(new StridedCopyStep(new int[] {rows, c[1]}, new int[] {c[1], 1}, 0, c[2], rowStride,
                        sources.get(k), out));
            }
            return frame -> {
                for (Step s : copies) s.run(frame);
            };
        });
    }
}
