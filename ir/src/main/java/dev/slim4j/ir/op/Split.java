package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.Dim;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.ShapeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cuts the input along {@code axis} into one piece per output: sizes from {@code split} (attribute
 * form, up to opset 12), from optional input 1 (opset 13 on; then {@code split} is empty), or equal;
 * with opset 18's {@code num_outputs} the pieces are ceil(dim / n) and the last one may be smaller.
 */
public record Split(long axis, Optional<List<Long>> split, Optional<Long> numOutputs) implements ShapeOp {
    public Split {
        split = split.map(List::copyOf);
    }

    public Split(long axis, Optional<List<Long>> split) { this(axis, split, Optional.empty()); }

    @Override public String opType() { return "Split"; }

    @Override public Attributes attributes() {
        Attributes.Builder b = Attributes.builder().put("axis", axis).putInts("split", split.orElse(null));
        numOutputs.ifPresent(n -> b.put("num_outputs", n));
        return b.build();
    }

    /** Piece sizes for this node: given sizes, else num_outputs' uneven rule, else equal pieces. */
    public long[] pieceSizes(long dim, int outputs, long[] given) {
        if (given != null || numOutputs.isEmpty()) return sizes(dim, outputs, given);
        long n = numOutputs.get();
        if (n != outputs || n < 1) {
            throw new ShapeException("Split: num_outputs is " + n + " but the node has " + outputs + " outputs");
        }
        long chunk = (dim + n - 1) / n;
        long[] out = new long[outputs];
        for (int i = 0; i < outputs; i++) out[i] = Math.max(0, Math.min(chunk, dim - i * chunk));
        return out;
    }

    /** The piece sizes for a dim of {@code dim} cut into {@code outputs} pieces; {@code sizes} null means equal. */
    public static long[] sizes(long dim, int outputs, long[] sizes) {
        if (sizes == null) {
            if (outputs == 0 || dim % outputs != 0) {
                throw new ShapeException("expected a dim divisible into " + outputs + " equal pieces, found " + dim);
            }
            long[] out = new long[outputs];
            java.util.Arrays.fill(out, dim / outputs);
            return out;
        }
        long sum = 0;
        for (long s : sizes) {
            if (s < 0) throw new ShapeException("expected non-negative split sizes, found " + java.util.Arrays.toString(sizes));
            sum += s;
        }
        if (sizes.length != outputs || sum != dim) {
            throw new ShapeException("expected " + outputs + " split sizes summing to " + dim + ", found "
                    + java.util.Arrays.toString(sizes));
        }
        return sizes;
    }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        TensorType x = ctx.inputType(0);
        int n = ctx.outputCount();
        List<TensorType> out = new ArrayList<>();
        if (!x.hasRank()) {
            for (int i = 0; i < n; i++) out.add(TensorType.unranked(x.dtype()));
            return out;
        }
        int a = Axes.normalize(axis, x.rank());
        Optional<long[]> given = split.isPresent() ? Optional.of(Axes.array(split.get()))
                : ctx.hasInput(1) ? Axes.values(ctx.constantInput(1)) : Optional.of(new long[0]);
        Dim d = x.dim(a);
        long[] sizes = given.isPresent() && d.isFixed()
                ? pieceSizes(d.size(), n, given.get().length == 0 ? null : given.get()) : null;
        for (int i = 0; i < n; i++) {
            List<Dim> dims = new ArrayList<>(x.dims().orElseThrow());
            dims.set(a, sizes == null ? Dim.unknown() : Dim.of(sizes[i]));
            out.add(TensorType.of(x.dtype(), dims));
        }
        return out;
    }
}
