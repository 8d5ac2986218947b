package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.Dim;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.ShapeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Permutes the axes: output axis i is input axis perm[i]; without {@code perm} the axes are reversed. */
public record Transpose(Optional<List<Long>> perm) implements ShapeOp {
    public Transpose {
        perm = perm.map(List::copyOf);
    }

    @Override public String opType() { return "Transpose"; }

    @Override public Attributes attributes() { return Attributes.builder().putInts("perm", perm.orElse(null)).build(); }

    /** The permutation for input rank {@code rank}, checked to be one. */
    public int[] permutation(int rank) {
        if (perm.isEmpty()) {
            int[] p = new int[rank];
            for (int i = 0; i < rank; i++) p[i] = rank - 1 - i;
            return p;
        }
        if (perm.get().size() != rank) {
            throw new ShapeException("expected Transpose perm of length " + rank + ", found " + perm.get());
        }
        int[] p = new int[rank];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < rank; i++) {
            long a = perm.get().get(i);
            if (a < 0 || a >= rank || seen[(int) a]) {
                throw new ShapeException("expected Transpose perm to be a permutation of 0.." + (rank - 1) + ", found " + perm.get());
            }
            seen[(int) a] = true;
            p[i] = (int) a;
        }
        return p;
    }

    public Shape outputShape(Shape in) {
        int[] p = permutation(in.rank());
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) out[i] = in.dim(p[i]);
        return Shape.of(out);
    }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        TensorType x = ctx.inputType(0);
        if (!x.hasRank()) return List.of(perm.isPresent() ? TensorType.of(x.dtype(), Dims.unknown(perm.get().size())) : x);
        int[] p = permutation(x.rank());
        List<Dim> out = new ArrayList<>();
        for (int a : p) out.add(x.dim(a));
        return List.of(TensorType.of(x.dtype(), out));
    }
}
