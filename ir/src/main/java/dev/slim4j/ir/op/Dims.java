package dev.slim4j.ir.op;

import dev.slim4j.ir.Dim;
import dev.slim4j.tensor.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Arithmetic on static dims (fixed, symbolic or unknown) for type inference of the data-movement ops. */
public final class Dims {
    private Dims() {}

    /**
     * The product of {@code dims}: fixed when every factor is fixed, a lone symbol when every other
     * factor is 1, unknown otherwise (a fixed 0 wins).
     */
    public static Dim product(List<Dim> dims) {
        long n = 1;
        Dim open = null;
        int openCount = 0;
        for (Dim d : dims) {
            if (d instanceof Dim.Fixed f) {
                if (f.size() == 0) return Dim.of(0);
                n = Math.multiplyExact(n, f.size());
            } else {
                open = d;
                openCount++;
            }
        }
        if (openCount == 0) return Dim.of(n);
        return openCount == 1 && n == 1 ? open : Dim.unknown();
    }

    /** Fixed dims of a concrete shape. */
    public static List<Dim> of(Shape s) {
        List<Dim> out = new ArrayList<>(s.rank());
        for (int i = 0; i < s.rank(); i++) out.add(Dim.of(s.dim(i)));
        return out;
    }

    /** Fixed dims from 64-bit sizes. */
    public static List<Dim> of(long[] sizes) {
        List<Dim> out = new ArrayList<>(sizes.length);
        for (long d : sizes) out.add(Dim.of(d));
        return out;
    }

    /** {@code count} unknown dims. */
    public static List<Dim> unknown(int count) {
        List<Dim> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) out.add(Dim.unknown());
        return out;
    }

    /** A concrete shape when every dim is fixed. */
    public static Optional<Shape> shape(List<Dim> dims) {
        for (Dim d : dims) {
            if (!d.isFixed()) return Optional.empty();
        }
        return Optional.of(Shape.of(dims.stream().map(Dim::size).toList()));
    }
}
