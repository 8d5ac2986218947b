package dev.slim4j.compress.sparsity;

/**
 * One pruned layer: how many of its weight's elements are zero, and the bytes of its dense float32 form against a
 * CSR form with 32-bit indices (values, column indices, rows + 1 row starts) of its {@code rows x cols} matrix.
 */
public record LayerSparsity(String node, String opType, String weight, long elements, long zeros, long denseBytes,
                            long csrBytes) {
    public double sparsity() { return elements == 0 ? 0 : (double) zeros / elements; }

    /** Dense bytes over CSR bytes (above 1: CSR is smaller). */
    public double compression() { return (double) denseBytes / csrBytes; }
}
