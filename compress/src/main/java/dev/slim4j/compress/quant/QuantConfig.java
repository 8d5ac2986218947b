package dev.slim4j.compress.quant;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What to quantize and how: the mode, the activation and weight schemes, the calibration method,
 * which op types are quantized ({@link #QUANTIZABLE} or a subset) and which nodes are left in float
 * (by node name or by op type), and per-node integer weight bit widths that override the weight
 * spec's (mixed precision). Contradictions fail here, before any work starts.
 */
public record QuantConfig(Mode mode, QuantSpec activations, WeightFormat weights, CalibrationMethod method,
                          Set<String> opTypes, Set<String> excludedNodes, Set<String> excludedOpTypes,
                          Map<String, Integer> weightBits) {
    /** The op types whose inputs (and weights) can be quantized. */
    public static final List<String> QUANTIZABLE = List.of("Conv", "Gemm", "MatMul");

    public QuantConfig {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(activations, "activations");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(method, "method");
        opTypes = Set.copyOf(opTypes);
        excludedNodes = Set.copyOf(excludedNodes);
        excludedOpTypes = Set.copyOf(excludedOpTypes);
        weightBits = Map.copyOf(weightBits);
        for (String t : opTypes) {
            if (!QUANTIZABLE.contains(t)) {
                throw new IllegalArgumentException("cannot quantize op type '" + t + "', expected some of " + QUANTIZABLE);
            }
        }
        check(mode, activations, weights);
        checkBits(mode, weights, weightBits);
    }

    private static void check(Mode mode, QuantSpec activations, WeightFormat weights) {
        if (!(activations.granularity() instanceof Granularity.PerTensor)) {
            throw new IllegalArgumentException("activations are quantized per tensor, found " + activations.describe());
        }
        if (weights instanceof HalfPrecision h && mode != Mode.WEIGHT_ONLY) {
            throw new IllegalArgumentException(h.type() + " weights need mode WEIGHT_ONLY, found " + mode);
        }
        if (mode == Mode.DYNAMIC) {
            if (!activations.equals(QuantSpec.uint8Activations())) {
                throw new IllegalArgumentException("dynamic quantization uses DynamicQuantizeLinear's uint8 asymmetric "
                        + "per-tensor activations, found " + activations.describe());
            }
            if (weights instanceof QuantSpec w && w.bits() != 8) {
                throw new IllegalArgumentException("dynamic quantization takes 8-bit weights (MatMulInteger), found " + w.describe());
            }
            if (weights instanceof QuantSpec w && w.granularity() instanceof Granularity.PerChannel) {
                throw new IllegalArgumentException("dynamic quantization takes weights per tensor or per output channel, found "
                        + w.describe());
            }
        }
    }

    private static void checkBits(Mode mode, WeightFormat weights, Map<String, Integer> weightBits) {
        if (weightBits.isEmpty()) return;
        if (mode == Mode.DYNAMIC) throw new IllegalArgumentException("dynamic quantization takes 8-bit weights, found per-node bits " + weightBits);
        if (!(weights instanceof QuantSpec w)) {
            throw new IllegalArgumentException("per-node weight bits need integer weights, found " + weights);
        }
        weightBits.forEach((node, b) -> w.withBits(b));
    }

    /** Static QDQ: UINT8 asymmetric activations, INT8 symmetric per-output-channel weights, min-max calibration, Conv/Gemm/MatMul. */
    public static QuantConfig defaults() {
        return new QuantConfig(Mode.STATIC, QuantSpec.uint8Activations(), QuantSpec.int8Weights(),
                CalibrationMethod.minMax(), Set.copyOf(QUANTIZABLE), Set.of(), Set.of(), Map.of());
    }

    public QuantConfig withMode(Mode m) {
        return new QuantConfig(m, activations, weights, method, opTypes, excludedNodes, excludedOpTypes, weightBits);
    }

    public QuantConfig withActivations(QuantSpec a) {
        return new QuantConfig(mode, a, weights, method, opTypes, excludedNodes, excludedOpTypes, weightBits);
    }

    public QuantConfig withWeights(WeightFormat w) {
        return new QuantConfig(mode, activations, w, method, opTypes, excludedNodes, excludedOpTypes, weightBits);
    }

    public QuantConfig withMethod(CalibrationMethod m) {
        return new QuantConfig(mode, activations, weights, m, opTypes, excludedNodes, excludedOpTypes, weightBits);
    }

    public QuantConfig withOpTypes(Set<String> t) {
        return new QuantConfig(mode, activations, weights, method, t, excludedNodes, excludedOpTypes, weightBits);
    }

    /** Adds node names or op types to leave in float: a name matching a node name excludes that node, an op type all its nodes. */
    public QuantConfig withExcluded(Set<String> nodeNames, Set<String> opTypeNames) {
        Set<String> nodes = new LinkedHashSet<>(excludedNodes);
        nodes.addAll(nodeNames);
        Set<String> ops = new LinkedHashSet<>(excludedOpTypes);
        ops.addAll(opTypeNames);
        return new QuantConfig(mode, activations, weights, method, opTypes, nodes, ops, weightBits);
    }

    /** Sets the integer weight bits of the named nodes (2 to 8; the others keep the weight spec's), replacing earlier ones. */
    public QuantConfig withWeightBits(Map<String, Integer> bits) {
        return new QuantConfig(mode, activations, weights, method, opTypes, excludedNodes, excludedOpTypes, bits);
    }

    /** The weight format of node {@code nodeName}: the weight spec with its per-node bits, if any. */
    public WeightFormat weightsFor(String nodeName) {
        Integer b = weightBits.get(nodeName);
        return b == null ? weights : ((QuantSpec) weights).withBits(b);
    }

    /** True when a node of this name and op type stays in float. */
    public boolean excludes(String nodeName, String opType) {
        return excludedNodes.contains(nodeName) || excludedOpTypes.contains(opType);
    }
}
