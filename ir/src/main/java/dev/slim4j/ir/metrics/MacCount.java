package dev.slim4j.ir.metrics;

import dev.slim4j.ir.Node;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Multiply-accumulates of one node; one multiply-accumulate counts as 1 MAC. Only products count:
 * <ul>
 *   <li>Conv, ConvInteger, QLinearConv: N*Cout*Hout*Wout*(Cin/group)*kH*kW (any spatial rank), that is
 *       output elements times the weight's elements per output channel;</li>
 *   <li>ConvTranspose: N*Cin*Hin*Win*(Cout/group)*kH*kW (each input element meets one weight slice);</li>
 *   <li>Gemm, MatMul, MatMulInteger, QLinearMatMul: M*N*K per matrix of a batch (output elements times K).</li>
 * </ul>
 * Every other op (bias adds, BatchNorm, activations, pooling, elementwise, data movement) is 0 MACs.
 * Empty when the op does count but the shapes it needs are unknown.
 */
final class MacCount {
    /** Op types with a MAC formula. */
    static final Set<String> COUNTED = Set.of("Conv", "ConvInteger", "QLinearConv", "ConvTranspose",
            "Gemm", "MatMul", "MatMulInteger", "QLinearMatMul");

    private MacCount() {}

    static OptionalLong of(Node node, ShapePropagation shapes) {
        if (!node.op().domain().isEmpty() || !COUNTED.contains(node.op().opType())) return OptionalLong.of(0);
        return switch (node.op().opType()) {
            case "Conv", "ConvInteger" -> conv(node, 1, shapes);
            case "QLinearConv" -> conv(node, 3, shapes);
            case "ConvTranspose" -> convTranspose(node, shapes);
            case "Gemm" -> gemm(node, shapes);
            case "MatMul", "MatMulInteger" -> matmul(node, 0, shapes);
            case "QLinearMatMul" -> matmul(node, 0, shapes);
            default -> OptionalLong.of(0);
        };
    }

    /** Output elements times weight elements per output channel (Cin/group * kernel). */
    private static OptionalLong conv(Node node, int weightInput, ShapePropagation shapes) {
        Optional<long[]> out = shapes.shape(node.output(0));
        Optional<long[]> w = shapes.shape(node.input(weightInput));
        if (out.isEmpty() || w.isEmpty() || w.get().length < 2) return OptionalLong.empty();
        return OptionalLong.of(product(out.get(), 0) * product(w.get(), 1));
    }

    /** Input elements times weight elements per input channel (Cout/group * kernel). */
    private static OptionalLong convTranspose(Node node, ShapePropagation shapes) {
        Optional<long[]> x = shapes.shape(node.input(0));
        Optional<long[]> w = shapes.shape(node.input(1));
        if (x.isEmpty() || w.isEmpty() || w.get().length < 2) return OptionalLong.empty();
        return OptionalLong.of(product(x.get(), 0) * product(w.get(), 1));
    }

    private static OptionalLong gemm(Node node, ShapePropagation shapes) {
        Optional<long[]> out = shapes.shape(node.output(0));
        Optional<long[]> a = shapes.shape(node.input(0));
        if (out.isEmpty() || a.isEmpty() || a.get().length != 2) return OptionalLong.empty();
        boolean transA = node.op().attributes().getInt("transA", 0) != 0;
        long k = transA ? a.get()[0] : a.get()[1];
        return OptionalLong.of(product(out.get(), 0) * k);
    }

    private static OptionalLong matmul(Node node, int aInput, ShapePropagation shapes) {
        Optional<long[]> out = shapes.shape(node.output(0));
        Optional<long[]> a = shapes.shape(node.input(aInput));
        if (out.isEmpty() || a.isEmpty() || a.get().length == 0) return OptionalLong.empty();
        long k = a.get()[a.get().length - 1];
        return OptionalLong.of(product(out.get(), 0) * k);
    }

    static long product(long[] dims, int from) {
        long p = 1;
        for (int i = from; i < dims.length; i++) p = Math.multiplyExact(p, dims[i]);
        return p;
    }
}
