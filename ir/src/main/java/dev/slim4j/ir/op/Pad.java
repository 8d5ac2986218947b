package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.Dim;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.ShapeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Pads (or, with negative pads, crops) every axis: pads = [x1_begin, x2_begin, ..., x1_end, x2_end, ...].
 * Modes constant (with {@code value}), reflect and edge. {@code pads} and {@code value} hold the
 * attribute form (up to opset 10); from opset 11 they are inputs 1 and 2 and these fields are empty.
 */
public record Pad(String mode, Optional<List<Long>> pads, Optional<Float> value) implements ShapeOp {
    public Pad {
        pads = pads.map(List::copyOf);
        if (!List.of("constant", "reflect", "edge").contains(mode)) {
            throw new UnsupportedOpException("Pad", "", 0, "mode '" + mode + "', expected constant, reflect or edge");
        }
    }

    @Override public String opType() { return "Pad"; }

    @Override public Attributes attributes() {
        Attributes.Builder b = Attributes.builder().put("mode", mode).putInts("pads", pads.orElse(null));
        value.ifPresent(v -> b.put("value", v));
        return b.build();
    }

    public static Shape outputShape(Shape in, long[] pads) {
        int r = in.rank();
        if (pads.length != 2 * r) throw new ShapeException("expected " + 2 * r + " pads for " + in + ", found " + Arrays.toString(pads));
        long[] out = new long[r];
        for (int i = 0; i < r; i++) {
            out[i] = in.dim(i) + pads[i] + pads[i + r];
            if (out[i] < 0) throw new ShapeException("pads " + Arrays.toString(pads) + " crop axis " + i + " of " + in + " below 0");
        }
        return Shape.ofLongs(out);
    }

    /**
     * Expands pads given for {@code axes} only (the opset-18 axes input) to pads for every axis, the
     * others 0; {@code axes} null means pads already cover every axis.
     */
    public static long[] forAllAxes(long[] pads, long[] axes, int rank) {
        if (axes == null) return pads;
        if (pads.length != 2 * axes.length) {
            throw new ShapeException("expected " + 2 * axes.length + " pads for axes " + Arrays.toString(axes)
                    + ", found " + Arrays.toString(pads));
        }
        long[] full = new long[2 * rank];
        for (int i = 0; i < axes.length; i++) {
            int a = Axes.normalize(axes[i], rank);
            full[a] = pads[i];
            full[a + rank] = pads[i + axes.length];
        }
        return full;
    }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        TensorType x = ctx.inputType(0);
        Optional<long[]> p = pads.isPresent() ? Optional.of(Axes.array(pads.get())) : Axes.values(ctx.constantInput(1));
        if (!x.hasRank()) return List.of(x);
        if (ctx.hasInput(3)) {
            Optional<long[]> axes = Axes.values(ctx.constantInput(3));
            p = axes.isEmpty() ? Optional.empty() : p.map(v -> forAllAxes(v, axes.get(), x.rank()));
        }
        if (p.isEmpty()) return List.of(TensorType.of(x.dtype(), Dims.unknown(x.rank())));
        int r = x.rank();
        if (p.get().length != 2 * r) {
            throw new ShapeException("expected " + 2 * r + " pads for " + x + ", found " + Arrays.toString(p.get()));
        }
        List<Dim> out = new ArrayList<>();
        for (int i = 0; i < r; i++) {
            Dim d = x.dim(i);
            long extra = p.get()[i] + p.get()[i + r];
            out.add(extra == 0 ? d : d.isFixed() ? Dim.of(d.size() + extra) : Dim.unknown());
        }
        return List.of(TensorType.of(x.dtype(), out));
    }
}
