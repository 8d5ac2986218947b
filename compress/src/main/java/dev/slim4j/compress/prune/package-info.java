/**
 * Structured (channel) pruning on the ONNX graph, in the manner of DepGraph: per-op channel rules,
 * a dependency graph, groups, importance criteria, slicers. The result is a new, physically
 * smaller model; the input model is never changed (it stays usable, as a teacher for instance).
 *
 * <h2>API</h2>
 * <pre>{@code
 * DependencyGraph graph = DependencyGraph.of(model);          // analyse (model untouched)
 * System.out.println(graph.table());                           // groups: id, channels, prunable or why not, tensors
 * PruningPlan plan = ChannelRanking.plan(graph, PruningConfig.defaults()
 *         .withImportance(Importance.l2()).withRatio(0.3).withScope(Scope.GLOBAL));
 * Model smaller = ChannelPruner.apply(graph, plan);            // or ChannelPruner.apply(model, plan)
 * FlopsTarget.Result r = FlopsTarget.solve(graph, config, 0.6); // keep 60% of the MACs
 * Model shallower = BlockRemoval.remove(model, BlockRemoval.blocks(model).subList(0, 2));
 * }</pre>
 * <ul>
 *   <li>{@link dev.slim4j.compress.prune.DependencyGraph#of}: folds known shapes and unties shared
 *       parameters ({@link dev.slim4j.compress.prune.DependencyGraph#model()} is what is analysed
 *       and cut), then groups coupled channels into {@link dev.slim4j.compress.prune.PruningGroup}s,
 *       each a list of {@link dev.slim4j.compress.prune.Channel}s (the coupled entries
 *       {@link dev.slim4j.compress.prune.ChannelIndex} of {@link dev.slim4j.compress.prune.ChannelRef}
 *       tensor axes, with their {@link dev.slim4j.compress.prune.TensorRole}). Group ids are
 *       deterministic for a given model.</li>
 *   <li>Rules: Conv and ConvTranspose (group 1 and depthwise; other groupings are refused), BatchNorm
 *       and InstanceNorm, Gemm and MatMul with initializer weights, elementwise ops (all inputs
 *       coupled, per-channel constants sliced, size-1 broadcasts left alone), Concat/Split/Slice
 *       (index offsets), Flatten and flattening Reshapes (a channel owns a block of features),
 *       the Reshape-Transpose-Reshape channel shuffle, pass-through ops (activations, pooling,
 *       Dropout, Identity, Cast, Pad/Transpose/Squeeze/Unsqueeze/Reduce that leave axes 0 and 1
 *       alone). Anything else blocks the channels it touches; graph inputs and outputs are blocked.</li>
 *   <li>{@link dev.slim4j.compress.prune.Importance}: L1, L2 (group norms), NormScale (Network
 *       Slimming's |gamma|), GeometricMedian (FPGM), Taylor (|w * dL/dw| from a gradient map keyed
 *       by initializer name), Random (seeded). {@code score(graph, group)} gives one value per channel.</li>
 *   <li>{@link dev.slim4j.compress.prune.PruningPlan}: kept channel indices per group id; built by
 *       hand ({@code withKept}, {@code withRemoved}) or by {@link dev.slim4j.compress.prune.ChannelRanking}
 *       (per group or global, normalized) or {@link dev.slim4j.compress.prune.FlopsTarget}.</li>
 *   <li>{@link dev.slim4j.compress.prune.ChannelPruner#apply}: slices initializers, fixes depthwise
 *       group counts, Slice/Split bounds and Reshape targets, re-infers types and verifies; a plan
 *       keeping zero channels of a group, or cutting an unprunable group, throws
 *       {@link dev.slim4j.compress.prune.PruningException}.</li>
 *   <li>{@link dev.slim4j.compress.prune.BlockRemoval}: whole residual blocks ({@code blocks(model)} lists
 *       the {@link dev.slim4j.compress.prune.ResidualBlock}s with an identity shortcut and matching
 *       shapes; {@code remove(model, blocks)} replaces them by the identity).</li>
 * </ul>
 * Depends on tensor, ir and runtime (the reference evaluator folds shape arithmetic); must not
 * import kernels, the runtime's plan, train or the CLI.
 */
package dev.slim4j.compress.prune;
