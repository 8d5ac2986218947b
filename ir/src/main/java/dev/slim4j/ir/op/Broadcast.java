package dev.slim4j.ir.op;

import dev.slim4j.ir.Dim;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.ShapeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * NumPy multidirectional broadcasting (ONNX "Broadcasting.md"): shapes are right-aligned, and each
 * pair of dims must be equal or one of them 1. Works on concrete {@link Shape}s and on static
 * {@link TensorType}s with symbolic or unknown dims.
 */
public final class Broadcast {
    private Broadcast() {}

    /** The broadcast shape of two concrete shapes; throws {@link ShapeException} when they do not fit. */
    public static Shape shape(Shape a, Shape b) {
        int rank = Math.max(a.rank(), b.rank());
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = dimFromRight(a, rank - 1 - i);
            int db = dimFromRight(b, rank - 1 - i);
            if (da != db && da != 1 && db != 1) {
                throw new ShapeException("cannot broadcast " + a + " with " + b + ": expected dims equal or 1 at axis "
                        + i + " of the result, found " + da + " and " + db);
            }
            out[i] = da == 1 ? db : da;
        }
        return Shape.of(out);
    }

    /** The broadcast shape of any number of concrete shapes (a scalar for none). */
    public static Shape shape(List<Shape> shapes) {
        Shape out = Shape.scalar();
        for (Shape s : shapes) out = shape(out, s);
        return out;
    }

    /** The broadcast dims of two ranked dim lists; symbols and unknowns are kept where they could win. */
    public static List<Dim> dims(List<Dim> a, List<Dim> b) {
        int rank = Math.max(a.size(), b.size());
        List<Dim> out = new ArrayList<>(rank);
        for (int i = 0; i < rank; i++) {
            int fromRight = rank - 1 - i;
            Dim da = fromRight < a.size() ? a.get(a.size() - 1 - fromRight) : Dim.of(1);
            Dim db = fromRight < b.size() ? b.get(b.size() - 1 - fromRight) : Dim.of(1);
            out.add(merge(da, db, a, b, i));
        }
        return out;
    }

    /**
     * The type of an elementwise result with element type {@code dtype}: the broadcast of every input's
     * dims, or unranked when some input's rank is unknown.
     */
    public static TensorType type(DType dtype, List<TensorType> inputs) {
        List<Dim> dims = List.of();
        for (TensorType t : inputs) {
            if (!t.hasRank()) return TensorType.unranked(dtype);
            dims = dims(dims, t.dims().orElseThrow());
        }
        return TensorType.of(dtype, dims);
    }

    /**
     * Element strides for reading a tensor of shape {@code input} at the indices of the broadcast shape
     * {@code output}: one stride per output axis, 0 where the input is broadcast along that axis.
     */
    public static long[] strides(Shape input, Shape output) {
        int offset = output.rank() - input.rank();
        if (offset < 0) throw new ShapeException("cannot broadcast " + input + " to lower rank " + output);
        long[] own = input.strides();
        long[] out = new long[output.rank()];
        for (int i = 0; i < input.rank(); i++) {
            int d = input.dim(i);
            if (d != 1 && d != output.dim(offset + i)) {
                throw new ShapeException("cannot broadcast " + input + " to " + output + ": expected dim "
                        + output.dim(offset + i) + " or 1 at input axis " + i + ", found " + d);
            }
            out[offset + i] = d == 1 ? 0 : own[i];
        }
        return out;
    }

    /** The broadcast shape when every input type is static; empty otherwise. */
    public static Optional<Shape> staticShape(List<TensorType> inputs) {
        List<Shape> shapes = new ArrayList<>();
        for (TensorType t : inputs) {
            if (!t.isStatic()) return Optional.empty();
            shapes.add(t.shape());
        }
        return Optional.of(shape(shapes));
    }

    private static int dimFromRight(Shape s, int fromRight) {
        return fromRight < s.rank() ? s.dim(s.rank() - 1 - fromRight) : 1;
    }

    private static Dim merge(Dim da, Dim db, List<Dim> a, List<Dim> b, int axis) {
        if (da.equals(db)) return da;
        if (isOne(da)) return db;
        if (isOne(db)) return da;
        if (da instanceof Dim.Fixed && db instanceof Dim.Fixed) {
            throw new ShapeException("cannot broadcast " + a + " with " + b + ": expected dims equal or 1 at axis "
                    + axis + " of the result, found " + da + " and " + db);
        }
        // A fixed size > 1 against a symbol or unknown: the symbol must be that size (or 1).
        if (da instanceof Dim.Fixed) return da;
        if (db instanceof Dim.Fixed) return db;
        return Dim.unknown();
    }

    private static boolean isOne(Dim d) { return d instanceof Dim.Fixed f && f.size() == 1; }
}
