package dev.slim4j.compress.sparsity;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link MagnitudePruning} removes: the target {@code sparsity} (fraction of the selected weights set to zero,
 * in [0, 1)), the {@link Granularity}, the {@link ThresholdScope}, which layers (nodes whose op type is in
 * {@code opTypes}; when {@code include} is not empty only nodes or weights named there; never those named in
 * {@code exclude}), and per-layer sparsities that override the target for the named nodes or weights (always drawn
 * per layer, also under a global scope).
 */
public record SparsityConfig(double sparsity, Granularity granularity, ThresholdScope scope, Set<String> opTypes,
                             Set<String> include, Set<String> exclude, Map<String, Double> layerSparsity) {
    public SparsityConfig {
        checkSparsity("sparsity", sparsity);
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(scope, "scope");
        opTypes = Set.copyOf(opTypes);
        include = Set.copyOf(include);
        exclude = Set.copyOf(exclude);
        layerSparsity = Map.copyOf(layerSparsity);
        layerSparsity.forEach((name, s) -> checkSparsity("sparsity of layer '" + name + "'", s));
        if (opTypes.isEmpty()) throw new IllegalArgumentException("expected at least one op type to prune");
    }

    /** 50% of the weights of every Gemm, MatMul and Conv, element-wise, per layer. */
    public static SparsityConfig defaults() {
        return new SparsityConfig(0.5, Granularity.ELEMENT, ThresholdScope.PER_LAYER, Set.of("Gemm", "MatMul", "Conv"),
                Set.of(), Set.of(), Map.of());
    }

    public SparsityConfig withSparsity(double s) {
        return new SparsityConfig(s, granularity, scope, opTypes, include, exclude, layerSparsity);
    }

    public SparsityConfig withGranularity(Granularity g) {
        return new SparsityConfig(sparsity, g, scope, opTypes, include, exclude, layerSparsity);
    }

    public SparsityConfig withScope(ThresholdScope s) {
        return new SparsityConfig(sparsity, granularity, s, opTypes, include, exclude, layerSparsity);
    }

    public SparsityConfig withOpTypes(Set<String> o) {
        return new SparsityConfig(sparsity, granularity, scope, o, include, exclude, layerSparsity);
    }

    public SparsityConfig withInclude(Set<String> i) {
        return new SparsityConfig(sparsity, granularity, scope, opTypes, i, exclude, layerSparsity);
    }

    public SparsityConfig withExclude(Set<String> e) {
        return new SparsityConfig(sparsity, granularity, scope, opTypes, include, e, layerSparsity);
    }

    public SparsityConfig withLayerSparsity(Map<String, Double> l) {
        return new SparsityConfig(sparsity, granularity, scope, opTypes, include, exclude, l);
    }

    /** The sparsity override of a target (by node or weight name), or null. */
    Double overrideFor(PruningTarget t) {
        Double byNode = layerSparsity.get(t.node());
        return byNode != null ? byNode : layerSparsity.get(t.weight());
    }

    private static void checkSparsity(String what, double s) {
        if (!(s >= 0 && s < 1)) throw new IllegalArgumentException(what + " must lie in [0, 1), found " + s);
    }
}
