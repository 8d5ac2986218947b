package dev.slim4j.ir.op;

import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.Tensor;
import java.util.Optional;

/** What type inference may look at for one node. */
public interface InferenceContext {
    /** Number of inputs the node lists (including omitted optional ones). */
    int inputCount();

    /** Number of outputs the node lists. */
    int outputCount();

    /** True when input {@code i} is given (not omitted and not past the end). */
    boolean hasInput(int i);

    /** The type of input {@code i}; fails naming the node when the input is omitted or untyped. */
    TensorType inputType(int i);

    /** The value of input {@code i} when it is known before running (an initializer or constant). */
    Optional<Tensor> constantInput(int i);

    /** The opset version the node's domain is imported at. */
    long opset();
}
