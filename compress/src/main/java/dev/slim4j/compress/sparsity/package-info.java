/**
 * Unstructured magnitude pruning (element or conv-kernel granularity, per-layer or global threshold) with masks
 * kept during training, and the sparsity report with CSR storage sizes. Structured (channel) pruning is
 * {@code compress.prune}; this package must not import it, nor the runtime's plan internals or the kernels.
 *
 * <p>The API, in the few calls a command needs:
 * <pre>{@code
 * SparsityConfig c = SparsityConfig.defaults().withSparsity(0.9)            // 90% of the selected weights
 *         .withScope(ThresholdScope.GLOBAL)                                 // or PER_LAYER (default)
 *         .withGranularity(Granularity.ELEMENT)                             // or KERNEL (kh x kw of a Conv)
 *         .withOpTypes(Set.of("Gemm", "MatMul", "Conv")).withExclude(Set.of("fc3"));
 * SparseResult pruned = MagnitudePruning.apply(model, c);                   // one-shot, new model + masks + report
 * SparseResult tuned = SparseFineTuning.fineTune(pruned, train, test, trainerConfig);   // masks kept
 * SparseResult agp = SparseFineTuning.gradual(model, c,                     // AGP during training
 *         new PruningSchedule.Agp(0, 0, steps - 1, 100), train, test, trainerConfig);
 * SparseResult it = SparseFineTuning.iterative(model, c, new PruningSchedule.Iterative(3), train, test, perRound);
 * System.out.println(tuned.report().table());                              // zeros, sparsity, dense vs CSR bytes
 * }</pre>
 *
 * <p>{@link dev.slim4j.compress.sparsity.MaskingListener} is the trainer hook: before each optimizer step it zeroes
 * the pruned weights' gradients and optimizer buffers, after it their values, so they stay exactly zero. Pruned
 * models are ordinary ONNX (dense initializers with exact zeros); the runtime's plan runs a Gemm / MatMul
 * whose constant weight is sparse enough on its CSR kernel ({@code SessionOptions.sparse}). To make the file
 * smaller too, write it with {@code OnnxWriter.write(model, file,
 * WriteOptions.defaults().withSparseInitializers(0.3))}: initializers with at most 30% non-zeros become ONNX
 * {@code sparse_initializer}s, which ONNX Runtime loads (3.3x smaller for LeNet-300-100 at 90%).
 */
package dev.slim4j.compress.sparsity;
