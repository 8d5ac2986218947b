package dev.slim4j.ir.op;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.AttributeValue;
import dev.slim4j.ir.Dim;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.ShapeException;
import dev.slim4j.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Type inference of the NN family against ONNX's output-size formulas, worked by hand. */
class NnTypesTest {
    /** A context over fixed input types. */
    private record Context(List<TensorType> inputs, int outputCount) implements InferenceContext {
        @Override public int inputCount() { return inputs.size(); }
        @Override public boolean hasInput(int i) { return i < inputs.size() && inputs.get(i) != null; }
        @Override public TensorType inputType(int i) { return inputs.get(i); }
        @Override public Optional<Tensor> constantInput(int i) { return Optional.empty(); }
        @Override public long opset() { return 17; }
    }

    private static final Dim N = Dim.symbol("N");

    private static TensorType f32(Object... dims) {
        return TensorType.of(DType.FLOAT32, Arrays.stream(dims)
                .map(d -> d instanceof Dim dim ? dim : Dim.of(((Number) d).longValue())).toList());
    }

    private static List<TensorType> infer(String opType, Attributes a, int outputs, TensorType... in) {
        return Ops.create("", opType, 17, a).inferTypes(new Context(Arrays.asList(in), outputs));
    }

    private static Attributes attrs(Object... kv) {
        Attributes.Builder b = Attributes.builder();
        for (int i = 0; i < kv.length; i += 2) {
            String name = (String) kv[i];
            switch (kv[i + 1]) {
                case long[] v -> b.put(name, AttributeValue.ints(v));
                case String s -> b.put(name, s);
                case Float f -> b.put(name, f.floatValue());
                case Number n -> b.put(name, n.longValue());
                default -> throw new IllegalArgumentException(name);
            }
        }
        return b.build();
    }

    @Test void convKeepsSymbolicBatchAndAppliesPadsAndStrides() {
        // (32 + 1 + 1 - 3) / 2 + 1 = 16
        List<TensorType> t = infer("Conv", attrs("pads", new long[] {1, 1, 1, 1}, "strides", new long[] {2, 2}), 1,
                f32(N, 3, 32, 32), f32(8, 3, 3, 3));
        assertEquals(f32(N, 8, 16, 16), t.get(0));
    }

    @Test void convSameUpperIsCeilOfInputOverStride() {
        List<TensorType> t = infer("Conv", attrs("auto_pad", "SAME_UPPER", "strides", new long[] {2, 3}), 1,
                f32(1, 4, 7, 7), f32(2, 4, 3, 3));
        assertEquals(f32(1, 2, 4, 3), t.get(0));
    }

    @Test void convWithDilationAndGroups() {
        // dilated kernel (3 - 1) * 2 + 1 = 5 over 9 -> 5; 1-D
        List<TensorType> t = infer("Conv", attrs("dilations", new long[] {2}, "group", 2L), 1,
                f32(2, 4, 9), f32(6, 2, 3));
        assertEquals(f32(2, 6, 5), t.get(0));
    }

    @Test void convChannelMismatchIsAShapeError() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> infer("Conv", Attributes.EMPTY, 1, f32(1, 3, 5, 5), f32(4, 2, 3, 3)));
        assertTrue(e.getMessage().contains("expected X channels"), e.getMessage());
    }

    @Test void convWithUnknownSpatialDimKeepsRank() {
        List<TensorType> t = infer("Conv", Attributes.EMPTY, 1, f32(N, 3, Dim.symbol("H"), 5), f32(4, 3, 3, 3));
        assertEquals(f32(N, 4, Dim.unknown(), 3), t.get(0));
    }

    @Test void convTransposeOutputSizes() {
        // 2 * (3 - 1) + 1 + 3 - 1 - 1 = 6 ; output_shape wins when given
        assertEquals(f32(1, 2, 6), infer("ConvTranspose", attrs("strides", new long[] {2}, "pads",
                new long[] {1, 1}, "output_padding", new long[] {1}), 1, f32(1, 2, 3), f32(2, 2, 3)).get(0));
        assertEquals(f32(1, 2, 10, 8), infer("ConvTranspose", attrs("strides", new long[] {3, 2}, "output_shape",
                new long[] {10, 8}), 1, f32(1, 1, 3, 3), f32(1, 2, 3, 3)).get(0));
        assertEquals(f32(N, 3, 6), infer("ConvTranspose", attrs("auto_pad", "SAME_LOWER", "strides",
                new long[] {2}, "group", 3L), 1, f32(N, 3, 3), f32(3, 1, 4)).get(0));
    }

    @Test void maxPoolCeilModeAndIndicesType() {
        // ceil((5 - 3) / 2) + 1 = 2 floor, 6: ceil(3 / 2) + 1 = 3 with ceil_mode
        List<TensorType> t = infer("MaxPool", attrs("kernel_shape", new long[] {3, 3}, "strides", new long[] {2, 2},
                "ceil_mode", 1L), 2, f32(N, 3, 5, 6));
        assertEquals(f32(N, 3, 2, 3), t.get(0));
        assertEquals(DType.INT64, t.get(1).dtype());
        assertEquals(t.get(0).dims(), t.get(1).dims());
    }

    @Test void averagePoolValidAndGlobalPools() {
        assertEquals(f32(1, 2, 2), infer("AveragePool", attrs("kernel_shape", new long[] {3}, "strides",
                new long[] {2}, "auto_pad", "VALID"), 1, f32(1, 2, 6)).get(0));
        assertEquals(f32(N, 2, 1, 1, 1), infer("GlobalMaxPool", Attributes.EMPTY, 1, f32(N, 2, 4, 5, 6)).get(0));
        assertEquals(f32(N, 2, 1, 1), infer("GlobalAveragePool", Attributes.EMPTY, 1, f32(N, 2, 4, 5)).get(0));
    }

    @Test void matMulBroadcastsBatchDimsAndDropsVectorAxes() {
        assertEquals(f32(N, 3, 4, 6), infer("MatMul", Attributes.EMPTY, 1, f32(N, 1, 4, 5), f32(3, 5, 6)).get(0));
        assertEquals(f32(2, 6), infer("MatMul", Attributes.EMPTY, 1, f32(5), f32(2, 5, 6)).get(0));
        assertEquals(f32(2, 4), infer("MatMul", Attributes.EMPTY, 1, f32(2, 4, 5), f32(5)).get(0));
        assertEquals(f32(), infer("MatMul", Attributes.EMPTY, 1, f32(5), f32(5)).get(0));
        assertThrows(ShapeException.class, () -> infer("MatMul", Attributes.EMPTY, 1, f32(2, 4, 5), f32(3, 5, 6)));
        assertThrows(ShapeException.class, () -> infer("MatMul", Attributes.EMPTY, 1, f32(4, 5), f32(4, 6)));
    }

    @Test void gemmTransposesAndChecksBias() {
        assertEquals(f32(N, 7), infer("Gemm", attrs("transB", 1L), 1, f32(N, 5), f32(7, 5), f32(7)).get(0));
        assertEquals(f32(3, 2), infer("Gemm", attrs("transA", 1L), 1, f32(4, 3), f32(4, 2)).get(0));
        assertThrows(ShapeException.class, () -> infer("Gemm", Attributes.EMPTY, 1, f32(3, 4), f32(4, 2), f32(3)));
    }

    @Test void batchNormTrainingOutputsAreChannelVectors() {
        TensorType c = f32(3);
        List<TensorType> t = infer("BatchNormalization", attrs("training_mode", 1L), 3, f32(N, 3, 4), c, c, c, c);
        assertEquals(List.of(f32(N, 3, 4), c, c), t);
        assertThrows(ShapeException.class,
                () -> infer("BatchNormalization", Attributes.EMPTY, 1, f32(N, 3, 4), f32(4), c, c, c));
    }

    @Test void attributesRoundTripThroughTheFactories() {
        List<Attributes> conv = List.of(Attributes.EMPTY, attrs("auto_pad", "SAME_LOWER", "group", 2L),
                attrs("pads", new long[] {1, 0, 1, 0}, "strides", new long[] {2, 2}, "dilations", new long[] {1, 2},
                        "kernel_shape", new long[] {3, 3}));
        for (Attributes a : conv) {
            for (String op : List.of("Conv", "ConvTranspose")) {
                Op first = Ops.create("", op, 17, a);
                assertEquals(first, Ops.create("", op, 17, first.attributes()));
            }
        }
        Op gemm6 = Ops.create("", "Gemm", 6, attrs("alpha", 0.5f, "broadcast", 1L));
        assertEquals(gemm6, Ops.create("", "Gemm", 6, gemm6.attributes()));
        assertEquals(Optional.of(1L), ((Gemm) gemm6).broadcast());
        Op pool = Ops.create("", "MaxPool", 12, attrs("kernel_shape", new long[] {2}, "storage_order", 1L,
                "ceil_mode", 1L));
        assertEquals(pool, Ops.create("", "MaxPool", 12, pool.attributes()));
        Op bn = Ops.create("", "BatchNormalization", 6, attrs("is_test", 1L, "epsilon", 1e-3f));
        assertEquals(bn, Ops.create("", "BatchNormalization", 6, bn.attributes()));
        Op lrn = Ops.create("", "LRN", 13, attrs("size", 3L, "alpha", 2e-4f));
        assertEquals(lrn, Ops.create("", "LRN", 13, lrn.attributes()));
    }
}
