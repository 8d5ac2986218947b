package dev.slim4j.compress.quant;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.op.Cast;
import dev.slim4j.ir.op.DequantizeLinear;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Tensor;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Bytes a model stores: all initializers, and the weights (input 1) of Conv, Gemm, MatMul and their
 * integer forms ConvInteger and MatMulInteger alone,
 * counted through a DequantizeLinear or Cast in front of them with the scales and zero points they read.
 * {@code packedBytes} counts all initializers too, but each INT8 / UINT8 weight tensor at the fewest bits
 * per element that hold its stored integers ({@link #bitsHolding}), rounded up to whole bytes per tensor:
 * the size of a bit-packed container. ONNX before opset 21 has no type narrower than a byte, so the
 * ONNX file keeps a 4-bit weight in INT8 and only {@code packedBytes} shows what low-bit weights save.
 */
public record ModelSize(long initializerBytes, long weightBytes, long packedBytes) {
    /** Ops whose input 1 is a weight. */
    private static final Set<String> WEIGHTED = Set.of("Conv", "Gemm", "MatMul", "ConvInteger", "MatMulInteger");

    public static ModelSize of(Model m) {
        Graph g = m.graph();
        long all = 0;
        for (Tensor t : g.initializers().values()) all += bytes(t);
        Set<String> weights = new LinkedHashSet<>();
        Set<String> integerWeights = new LinkedHashSet<>();
        for (Node n : g.nodes()) {
            String type = n.op().opType();
            if (!WEIGHTED.contains(type) || n.input(1).isEmpty()) continue;
            String w = n.input(1);
            if (g.initializers().containsKey(w)) {
                weights.add(w);
                if (isByte(g.initializers().get(w))) integerWeights.add(w);
                continue;
            }
            g.producer(w).filter(p -> p.op() instanceof DequantizeLinear || p.op() instanceof Cast).ifPresent(p -> {
                p.inputs().stream().filter(g.initializers()::containsKey).forEach(weights::add);
                if (p.op() instanceof DequantizeLinear && g.initializers().containsKey(p.input(0)) && isByte(g.initializers().get(p.input(0)))) {
                    integerWeights.add(p.input(0));
                }
            });
        }
        long weightBytes = 0;
        for (String w : weights) weightBytes += bytes(g.initializers().get(w));
        long packed = all;
        for (String w : integerWeights) {
            Tensor t = g.initializers().get(w);
            packed += packedBytes(t.size(), bitsHolding(t)) - bytes(t);
        }
        return new ModelSize(all, weightBytes, packed);
    }

    /**
     * The fewest bits (1 to 8) that represent every value of an INT8 or UINT8 tensor: two's complement
     * for INT8 ({@code [-2^(b-1), 2^(b-1) - 1]}), plain binary for UINT8 ({@code [0, 2^b - 1]}).
     */
    public static int bitsHolding(Tensor t) {
        if (!isByte(t)) throw new IllegalArgumentException("expected an INT8 or UINT8 tensor, found " + t.dtype());
        boolean signed = t.dtype() == DType.INT8;
        int bits = 1;
        for (long i = 0; i < t.size(); i++) {
            long v = t.getLong(i);
            while (signed ? v < -(1L << (bits - 1)) || v > (1L << (bits - 1)) - 1 : v > (1L << bits) - 1) bits++;
        }
        return bits;
    }

    /** {@code elements} values of {@code bits} bits each, packed without gaps, in whole bytes. */
    public static long packedBytes(long elements, int bits) { return (elements * bits + 7) / 8; }

    private static boolean isByte(Tensor t) { return t.dtype() == DType.INT8 || t.dtype() == DType.UINT8; }

    private static long bytes(Tensor t) { return t.size() * t.dtype().byteSize(); }
}
