package dev.slim4j.ir.op;

import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An inference context over given input types and, optionally, constant input values. */
record TypesOnly(List<TensorType> types, Map<Integer, Tensor> constants, long opset) implements InferenceContext {
    static TypesOnly of(TensorType... types) { return new TypesOnly(Arrays.asList(types), Map.of(), 17); }

    @Override public int inputCount() { return types.size(); }

    @Override public int outputCount() { return 1; }

    @Override public boolean hasInput(int i) { return i < types.size() && types.get(i) != null; }

    @Override public TensorType inputType(int i) { return types.get(i); }

    @Override public Optional<Tensor> constantInput(int i) { return Optional.ofNullable(constants.get(i)); }
}
