package dev.slim4j.ir;

import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The static type of a value: element type and, when known, the dims (each fixed, symbolic or
 * unknown). {@code dims} empty means the rank itself is unknown; a scalar is an empty list inside
 * the Optional.
 */
public record TensorType(DType dtype, Optional<List<Dim>> dims) {
    public TensorType {
        dims = dims.map(List::copyOf);
    }

    public static TensorType of(DType dtype, long... dims) {
        List<Dim> d = new ArrayList<>();
        for (long x : dims) d.add(Dim.of(x));
        return new TensorType(dtype, Optional.of(d));
    }

    public static TensorType of(DType dtype, List<Dim> dims) { return new TensorType(dtype, Optional.of(dims)); }

    public static TensorType of(DType dtype, Shape shape) { return of(dtype, shape.toLongArray()); }

    public static TensorType unranked(DType dtype) { return new TensorType(dtype, Optional.empty()); }

    public boolean hasRank() { return dims.isPresent(); }

    public int rank() {
        return dims.orElseThrow(() -> new IllegalStateException("rank of " + this + " is unknown")).size();
    }

    public Dim dim(int axis) { return dims.orElseThrow().get(axis); }

    /** True when the rank and every dimension are known numbers. */
    public boolean isStatic() { return dims.isPresent() && dims.get().stream().allMatch(Dim::isFixed); }

    /** The concrete shape of a static type. */
    public Shape shape() {
        if (!isStatic()) throw new IllegalStateException("type " + this + " has no static shape");
        return Shape.of(dims.get().stream().map(Dim::size).toList());
    }

    public TensorType withDtype(DType t) { return new TensorType(t, dims); }

    @Override public String toString() {
        return dtype.name().toLowerCase() + dims.map(Object::toString).orElse("[*]");
    }
}
