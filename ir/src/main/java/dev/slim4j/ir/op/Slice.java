package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.Dim;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.ShapeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Takes a strided range along some axes: from opset 10 inputs data, starts, ends and optional axes
 * and steps; before it the attributes {@code starts}, {@code ends}, {@code axes} kept here (empty in
 * the input form). Starts and ends are clamped to the dim as ONNX says; negative steps walk backwards.
 */
public record Slice(Optional<List<Long>> starts, Optional<List<Long>> ends, Optional<List<Long>> axes) implements ShapeOp {
    public Slice {
        starts = starts.map(List::copyOf);
        ends = ends.map(List::copyOf);
        axes = axes.map(List::copyOf);
    }

    /** The opset-10+ form, everything given as inputs. */
    public static Slice withInputs() { return new Slice(Optional.empty(), Optional.empty(), Optional.empty()); }

    /** True for the attribute form (before opset 10). */
    public boolean hasAttributes() { return starts.isPresent(); }

    /** The elements taken along one axis: {@code count} of them, from {@code start}, {@code step} apart. */
    public record AxisRange(long start, long step, long count) {}

    @Override public String opType() { return "Slice"; }

    @Override public Attributes attributes() {
        return Attributes.builder().putInts("starts", starts.orElse(null)).putInts("ends", ends.orElse(null))
                .putInts("axes", axes.orElse(null)).build();
    }

    /** One range per axis of {@code dims}; axes not sliced take everything. {@code axes}, {@code steps} may be null. */
    public static AxisRange[] ranges(long[] dims, long[] starts, long[] ends, long[] axes, long[] steps) {
        int n = starts.length;
        if (ends.length != n || (axes != null && axes.length != n) || (steps != null && steps.length != n)) {
            throw new ShapeException("expected Slice starts, ends, axes and steps of one length, found "
                    + Arrays.toString(starts) + ", " + Arrays.toString(ends) + ", " + Arrays.toString(axes) + ", "
                    + Arrays.toString(steps));
        }
        if (axes == null && n > dims.length) {
            throw new ShapeException("expected at most " + dims.length + " Slice starts for rank " + dims.length + ", found " + n);
        }
        AxisRange[] out = new AxisRange[dims.length];
        for (int i = 0; i < dims.length; i++) out[i] = new AxisRange(0, 1, dims[i]);
        int[] resolved = axes == null ? identity(n) : Axes.normalize(axes, dims.length);
        for (int k = 0; k < n; k++) {
            long step = steps == null ? 1 : steps[k];
            out[resolved[k]] = range(dims[resolved[k]], starts[k], ends[k], step);
        }
        return out;
    }

    /** The range of one axis of size {@code dim}, with ONNX's clamping of start and end. */
    public static AxisRange range(long dim, long start, long end, long step) {
        if (step == 0) throw new ShapeException("expected a non-zero Slice step, found 0");
        long s = start < 0 ? start + dim : start;
        long e = end < 0 ? end + dim : end;
        long count;
        if (step > 0) {
            s = clamp(s, 0, dim);
            e = clamp(e, 0, dim);
            count = e > s ? (e - s + step - 1) / step : 0;
        } else {
            s = clamp(s, 0, dim - 1);
            e = clamp(e, -1, dim - 1);
            count = s > e ? (s - e + (-step) - 1) / (-step) : 0;
        }
        return new AxisRange(s, step, count);
    }

    private static long clamp(long v, long lo, long hi) { return Math.max(lo, Math.min(hi, v)); }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        return a;
    }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        TensorType x = ctx.inputType(0);
        if (!x.hasRank()) return List.of(x);
        if (hasAttributes()) {
            return List.of(typeOf(x, Axes.array(starts.get()), Axes.array(ends.get()), axes.map(Axes::array).orElse(null), null));
        }
        Optional<long[]> b = Axes.values(ctx.constantInput(1));
        Optional<long[]> e = Axes.values(ctx.constantInput(2));
        Optional<long[]> a = ctx.hasInput(3) ? Axes.values(ctx.constantInput(3)) : Optional.of(new long[0]);
        Optional<long[]> steps = ctx.hasInput(4) ? Axes.values(ctx.constantInput(4)) : Optional.of(new long[0]);
        if (b.isEmpty() || e.isEmpty() || a.isEmpty() || steps.isEmpty()) {
            return List.of(TensorType.of(x.dtype(), Dims.unknown(x.rank())));
        }
        return List.of(typeOf(x, b.get(), e.get(), ctx.hasInput(3) ? a.get() : null, ctx.hasInput(4) ? steps.get() : null));
    }

    private static TensorType typeOf(TensorType x, long[] starts, long[] ends, long[] a, long[] steps) {
        AxisRange[] r = ranges(dimsOf(x), starts, ends, a, steps);
        boolean[] sliced = new boolean[x.rank()];
        for (int i : a == null ? identity(starts.length) : Axes.normalize(a, x.rank())) sliced[i] = true;
        List<Dim> out = new ArrayList<>();
        for (int i = 0; i < x.rank(); i++) {
            Dim d = x.dim(i);
            out.add(!sliced[i] ? d : d.isFixed() ? Dim.of(r[i].count()) : Dim.unknown());
        }
        return TensorType.of(x.dtype(), out);
    }

    /** Fixed dims, with 0 standing in for dims that are not fixed (their ranges are not used). */
    private static long[] dimsOf(TensorType x) {
        long[] d = new long[x.rank()];
        for (int i = 0; i < d.length; i++) d[i] = x.dim(i).isFixed() ? x.dim(i).size() : 0;
        return d;
    }
}
