package dev.slim4j.compress.sparsity;

/** What one pruning decision removes: a single weight, or a whole 2-D kernel (kh x kw) of a convolution. */
public enum Granularity {
    /** Each weight on its own (unstructured). */
    ELEMENT,
    /**
     * Each kh x kw kernel of a convolution (one input channel of one filter), scored by its root mean square;
     * layers without spatial kernels (Gemm, MatMul, 1x1 convolutions) are pruned element by element.
     */
    KERNEL
}
