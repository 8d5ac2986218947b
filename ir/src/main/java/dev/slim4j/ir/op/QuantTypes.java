package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.Dim;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.ShapeException;
import java.util.ArrayList;
import java.util.List;

/** Type checks and output shapes shared by the quantization family's records. */
final class QuantTypes {
    static final List<DType> INT8_TYPES = List.of(DType.INT8, DType.UINT8);

    private QuantTypes() {}

    /** Fails unless input {@code i} (named {@code role}) has one of {@code allowed} element types. */
    static TensorType requireType(String op, InferenceContext ctx, int i, String role, List<DType> allowed) {
        TensorType t = ctx.inputType(i);
        if (!allowed.contains(t.dtype())) {
            throw new ShapeException(op + ": expected " + role + " of type " + allowed + ", found " + t.dtype());
        }
        return t;
    }

    /** Fails unless the optional input {@code i}, when given, has the element type of input {@code like}. */
    static void requireSameType(String op, InferenceContext ctx, int i, String role, int like, String likeRole) {
        if (!ctx.hasInput(i)) return;
        DType expected = ctx.inputType(like).dtype();
        DType found = ctx.inputType(i).dtype();
        if (found != expected) {
            throw new ShapeException(op + ": expected " + role + " of the type of " + likeRole + " (" + expected
                    + "), found " + found);
        }
    }

    /** Fails unless a parameter (scale or zero point) is a scalar or holds a single element. */
    static void requireScalar(String op, InferenceContext ctx, int i, String role) {
        if (!ctx.hasInput(i)) return;
        TensorType t = ctx.inputType(i);
        if (t.hasRank() && (t.rank() > 1 || t.rank() == 1 && t.dim(0).isFixed() && t.dim(0).size() != 1)) {
            throw new ShapeException(op + ": expected " + role + " to be a scalar (per tensor), found " + t);
        }
    }

    /**
     * Fails unless a parameter is a scalar, or a 1-D tensor of as many elements as axis {@code axis} of
     * {@code x} (checked where both are known; the axis is ignored for a scalar parameter).
     */
    static void requirePerAxis(String op, InferenceContext ctx, int i, String role, TensorType x, long axis) {
        if (!ctx.hasInput(i)) return;
        TensorType t = ctx.inputType(i);
        if (!t.hasRank() || t.rank() == 0) return;
        if (t.rank() != 1) {
            throw new ShapeException(op + ": expected " + role + " to be a scalar or 1-D, found " + t);
        }
        Dim d = t.dim(0);
        if (!d.isFixed() || d.size() == 1 || !x.hasRank()) return;
        Dim length = x.dim(Shape.normalizeAxis(axis, x.rank()));
        if (length.isFixed() && d.size() != length.size()) {
            throw new ShapeException(op + ": expected " + role + " of 1 or " + length.size() + " elements (axis "
                    + axis + " of " + x + "), found " + t);
        }
    }

    /** Output of an N-D convolution of X [N, C, D...] with W [M, C/group, k...]: [N, M, out...]. */
    static TensorType convOutput(String op, DType out, TensorType x, TensorType w, SlidingWindow window, long group) {
        if (!x.hasRank()) return TensorType.unranked(out);
        int spatial = WindowAttributes.spatialRank(op, x);
        WindowAttributes.checkSameRank(op, x, w);
        if (w.hasRank() && x.dim(1).isFixed() && w.dim(1).isFixed() && x.dim(1).size() != w.dim(1).size() * group) {
            throw new ShapeException(op + ": expected X channels = W.shape[1] * group = " + w.dim(1).size() * group
                    + ", found " + x.dim(1).size());
        }
        List<Dim> dims = new ArrayList<>();
        dims.add(x.dim(0));
        dims.add(w.hasRank() ? w.dim(0) : Dim.unknown());
        long[] kernel = WindowAttributes.kernel(window.kernelShape(), w, spatial);
        dims.addAll(window.outputDims(x.dims().orElseThrow().subList(2, x.rank()), kernel));
        return TensorType.of(out, dims);
    }

    /** Output of a NumPy-style matrix product [..., M, K] x [..., K, N] -> [..., M, N]. */
    static TensorType matMulOutput(String op, DType out, TensorType a, TensorType b) {
        if (!a.hasRank() || !b.hasRank()) return TensorType.unranked(out);
        if (a.rank() == 0 || b.rank() == 0) {
            throw new ShapeException(op + ": expected operands of rank >= 1, found " + a + " and " + b);
        }
        List<Dim> ad = a.dims().orElseThrow();
        List<Dim> bd = b.dims().orElseThrow();
        Dim k1 = ad.getLast();
        Dim k2 = bd.size() == 1 ? bd.getFirst() : bd.get(bd.size() - 2);
        if (k1.isFixed() && k2.isFixed() && k1.size() != k2.size()) {
            throw new ShapeException(op + ": expected inner dims to agree, found " + a + " x " + b);
        }
        List<Dim> dims = new ArrayList<>(Broadcast.dims(batch(ad), batch(bd)));
        if (ad.size() > 1) dims.add(ad.get(ad.size() - 2));
        if (bd.size() > 1) dims.add(bd.getLast());
        return TensorType.of(out, dims);
    }

    /** Fails when a factory meets an attribute of a later opset that slim4j does not implement. */
    static void rejectAttributes(String op, Attributes a, long opset, String... names) {
        for (String name : names) {
            if (a.has(name)) {
                throw new UnsupportedOpException(op, "", opset, "attribute '" + name + "' is not supported");
            }
        }
    }

    private static List<Dim> batch(List<Dim> d) { return d.size() <= 2 ? List.of() : d.subList(0, d.size() - 2); }
}
