package dev.slim4j.compress.sparsity;

import dev.slim4j.tensor.Shape;
import java.util.Objects;

/**
 * One prunable weight: the node using it, its op type, the initializer's name and shape, the size of a pruning
 * group (1 for elements, kh*kw for the kernels of a convolution) and the matrix the runtime multiplies
 * ({@code rows} outputs by {@code cols} inputs), which sets the CSR size.
 */
public record PruningTarget(String node, String opType, String weight, Shape shape, int groupSize, int rows,
                            int cols) {
    public PruningTarget {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(opType, "opType");
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(shape, "shape");
        if (groupSize < 1 || shape.size() % groupSize != 0) {
            throw new IllegalArgumentException("group size " + groupSize + " does not divide " + shape);
        }
    }

    public int elements() { return shape.intSize(); }

    public int groups() { return elements() / groupSize; }
}
