package dev.slim4j.cli.bench;

import dev.slim4j.ir.Dim;
import dev.slim4j.ir.TensorType;
import dev.slim4j.ir.Value;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded random feeds for a model's inputs: every symbolic or unknown dim becomes the batch size;
 * floating-point values are uniform in [-1, 1), integers uniform in [0, 10), booleans fair coins.
 *
 * @param feeds       one tensor per input, in the model's input order
 * @param hasBatchDim whether any input dim was symbolic (so the batch size took effect)
 */
record BenchInputs(Map<String, Tensor> feeds, boolean hasBatchDim) {
    static BenchInputs random(List<Value> inputs, int batch, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Tensor> feeds = new LinkedHashMap<>();
        boolean symbolic = false;
        for (Value v : inputs) {
            TensorType type = v.type();
            if (!type.hasRank()) {
                throw new IllegalArgumentException("input '" + v.name() + "' has unknown rank; bench needs ranked inputs");
            }
            if (!type.dtype().isStorable()) {
                throw new IllegalArgumentException("input '" + v.name() + "' is " + type.dtype() + ", which slim4j cannot hold");
            }
            List<Integer> dims = new ArrayList<>();
            for (int i = 0; i < type.rank(); i++) {
                Dim d = type.dim(i);
                symbolic |= !d.isFixed();
                dims.add(d.isFixed() ? Math.toIntExact(d.size()) : batch);
            }
            Tensor t = Tensor.allocate(type.dtype(), Shape.of(dims));
            for (long i = 0; i < t.size(); i++) fill(t, i, random);
            feeds.put(v.name(), t);
        }
        return new BenchInputs(Collections.unmodifiableMap(feeds), symbolic);
    }

    private static void fill(Tensor t, long i, SplittableRandom random) {
        DType d = t.dtype();
        if (d.isFloatingPoint()) t.setDouble(i, random.nextDouble(-1, 1));
        else if (d == DType.BOOL) t.setLong(i, random.nextBoolean() ? 1 : 0);
        else t.setLong(i, random.nextLong(10));
    }
}
