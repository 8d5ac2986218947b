package dev.slim4j.cli.run;

import dev.slim4j.ir.Dim;
import dev.slim4j.ir.TensorType;
import dev.slim4j.ir.Value;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random values for a model's inputs: symbolic or unknown dims become 1; floating-point types are
 * uniform in [-1, 1), integers uniform in [0, 10), booleans fair coins. Seeded, so runs repeat.
 */
final class RandomInputs {
    private final SplittableRandom random;

    RandomInputs(long seed) { this.random = new SplittableRandom(seed); }

    Tensor forInput(Value v) {
        TensorType type = v.type();
        if (!type.hasRank()) {
            throw new IllegalArgumentException("input '" + v.name() + "' has unknown rank, so no random value can be made; "
                    + "give it with --input " + v.name() + "=FILE");
        }
        if (!type.dtype().isStorable()) {
            throw new IllegalArgumentException("input '" + v.name() + "' is " + type.dtype() + ", which slim4j cannot hold");
        }
        List<Integer> dims = new ArrayList<>();
        for (int i = 0; i < type.rank(); i++) {
            Dim d = type.dim(i);
            dims.add(d.isFixed() ? Math.toIntExact(d.size()) : 1);
        }
        Tensor t = Tensor.allocate(type.dtype(), Shape.of(dims));
        for (long i = 0; i < t.size(); i++) fill(t, i);
        return t;
    }

    private void fill(Tensor t, long i) {
        DType d = t.dtype();
        if (d.isFloatingPoint()) t.setDouble(i, random.nextDouble(-1, 1));
        else if (d == DType.BOOL) t.setLong(i, random.nextBoolean() ? 1 : 0);
        else t.setLong(i, random.nextLong(10));
    }
}
