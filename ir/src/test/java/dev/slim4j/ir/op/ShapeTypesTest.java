package dev.slim4j.ir.op;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.ir.AttributeValue;
import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.Dim;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.ShapeException;
import dev.slim4j.tensor.Tensor;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Type inference of the data-movement family, worked by hand, and the attribute round trip per opset form. */
class ShapeTypesTest {
    /** A context over input types, some inputs with known constant values. */
    private record Context(List<TensorType> inputs, Map<Integer, Tensor> constants, int outputCount, long opset)
            implements InferenceContext {
        @Override public int inputCount() { return inputs.size(); }
        @Override public boolean hasInput(int i) { return i < inputs.size() && inputs.get(i) != null; }
        @Override public TensorType inputType(int i) { return inputs.get(i); }
        @Override public Optional<Tensor> constantInput(int i) { return Optional.ofNullable(constants.get(i)); }
    }

    private static final Dim N = Dim.symbol("N");

    private static TensorType f32(Object... dims) {
        return TensorType.of(DType.FLOAT32, Arrays.stream(dims)
                .map(d -> d instanceof Dim dim ? dim : Dim.of(((Number) d).longValue())).toList());
    }

    /** Infers with inputs that are either a type or a constant tensor (whose type is taken from it). */
    private static List<TensorType> infer(long opset, String op, Attributes a, int outputs, Object... in) {
        List<TensorType> types = new java.util.ArrayList<>();
        Map<Integer, Tensor> constants = new HashMap<>();
        for (int i = 0; i < in.length; i++) {
            if (in[i] instanceof Tensor t) {
                constants.put(i, t);
                types.add(TensorType.of(t.dtype(), t.shape()));
            } else {
                types.add((TensorType) in[i]);
            }
        }
        return Ops.create("", op, opset, a).inferTypes(new Context(types, constants, outputs, opset));
    }

    private static TensorType infer1(String op, Object... in) { return infer(17, op, Attributes.EMPTY, 1, in).get(0); }

    private static Attributes ints(String name, long... v) { return Attributes.builder().put(name, AttributeValue.ints(v)).build(); }

    private static Attributes axis(long v) { return Attributes.builder().put("axis", v).build(); }

    @Test void reshapeKeepsSymbolsCopiedByZero() {
        assertEquals(f32(N, Dim.unknown()), infer1("Reshape", f32(N, 3, 4), Tensor.vector(0, -1)));
        assertEquals(f32(2, 12), infer1("Reshape", f32(2, 3, 4), Tensor.vector(0, -1)));
        // shape not constant: only the rank is known, from the shape input's length
        assertEquals(f32(Dim.unknown(), Dim.unknown()), infer1("Reshape", f32(2, 3), TensorType.of(DType.INT64, 2)));
        assertThrows(ShapeException.class, () -> infer1("Reshape", f32(2, 3), Tensor.vector(4, -1)));
    }

    @Test void flattenAndTranspose() {
        assertEquals(f32(N, 12), infer(17, "Flatten", axis(1), 1, f32(N, 3, 4)).get(0));
        assertEquals(f32(Dim.unknown(), 4), infer(17, "Flatten", axis(-1), 1, f32(N, 3, 4)).get(0));
        assertEquals(f32(4, 3, N), infer1("Transpose", f32(N, 3, 4)));
        assertEquals(f32(3, N, 4), infer(17, "Transpose", ints("perm", 1, 0, 2), 1, f32(N, 3, 4)).get(0));
        assertThrows(ShapeException.class, () -> infer(17, "Transpose", ints("perm", 0, 0), 1, f32(2, 3)));
    }

    @Test void squeezeAndUnsqueezeInBothForms() {
        assertEquals(f32(N, 3), infer(11, "Squeeze", ints("axes", -1), 1, f32(N, 3, 1)).get(0));
        assertEquals(f32(N, 3), infer(13, "Squeeze", Attributes.EMPTY, 1, f32(N, 3, 1), Tensor.vector(2)).get(0));
        assertEquals(f32(3), infer1("Squeeze", f32(1, 3, 1)));
        assertTrue(!infer1("Squeeze", f32(N, 3, 1)).hasRank());
        assertThrows(ShapeException.class, () -> infer(11, "Squeeze", ints("axes", 1), 1, f32(N, 3, 1)));
        assertEquals(f32(1, N, 3, 1), infer(11, "Unsqueeze", ints("axes", 0, -1), 1, f32(N, 3)).get(0));
        assertEquals(f32(N, 1, 3), infer(13, "Unsqueeze", Attributes.EMPTY, 1, f32(N, 3), Tensor.vector(1)).get(0));
    }

    @Test void concatSumsTheAxis() {
        assertEquals(f32(N, 5), infer(17, "Concat", axis(-1), 1, f32(N, 2), f32(N, 3)).get(0));
        assertEquals(f32(N, Dim.unknown()), infer(17, "Concat", axis(1), 1, f32(N, 2), f32(N, Dim.symbol("K"))).get(0));
        assertThrows(ShapeException.class, () -> infer(17, "Concat", axis(1), 1, f32(2, 2), f32(3, 3)));
    }

    @Test void splitGivesOneTypePerOutput() {
        assertEquals(List.of(f32(N, 2), f32(N, 2)), infer(17, "Split", axis(1), 2, f32(N, 4)));
        assertEquals(List.of(f32(N, 1), f32(N, 3)),
                infer(11, "Split", Attributes.builder().put("axis", 1L).put("split", AttributeValue.ints(1, 3)).build(), 2,
                        f32(N, 4)));
        assertEquals(List.of(f32(N, 3), f32(N, 1)), infer(13, "Split", axis(1), 2, f32(N, 4), Tensor.vector(3, 1)));
        assertThrows(ShapeException.class, () -> infer(17, "Split", axis(1), 3, f32(N, 4)));
    }

    @Test void sliceWithConstantBounds() {
        TensorType t = infer1("Slice", f32(N, 10), Tensor.vector(-1), Tensor.vector(Long.MIN_VALUE), Tensor.vector(1),
                Tensor.vector(-3));
        assertEquals(f32(N, 4), t);
        assertEquals(f32(Dim.unknown(), Dim.unknown()),
                infer1("Slice", f32(N, 10), TensorType.of(DType.INT64, 1), Tensor.vector(3)));
    }

    @Test void gatherShapeOfAndSize() {
        assertEquals(f32(N, 2, 5), infer(17, "Gather", axis(1), 1, f32(N, 4, 5), TensorType.of(DType.INT64, 2)).get(0));
        assertEquals(f32(N, 5), infer(17, "Gather", axis(1), 1, f32(N, 4, 5), TensorType.of(DType.INT64)).get(0));
        assertEquals(TensorType.of(DType.INT64, 3), infer1("Shape", f32(N, 4, 5)));
        Attributes startEnd = Attributes.builder().put("start", 1L).put("end", -1L).build();
        assertEquals(TensorType.of(DType.INT64, 1), infer(15, "Shape", startEnd, 1, f32(N, 4, 5)).get(0));
        assertEquals(TensorType.of(DType.INT64), infer1("Size", f32(N, 4)));
    }

    @Test void creatorsPadExpandTileRange() {
        assertEquals(f32(2, 3), infer1("ConstantOfShape", Tensor.vector(2, 3)));
        assertEquals(TensorType.of(DType.INT64, 2),
                infer(17, "Constant", ints("value_ints", 4, 5), 1).get(0));
        assertEquals(f32(N, 7), infer1("Pad", f32(N, 4), Tensor.vector(0, 1, 0, 2)));
        assertEquals(f32(2, N, 6), infer1("Expand", f32(N, 1), Tensor.vector(2, 1, 6)));
        assertEquals(f32(N, 8), infer1("Tile", f32(N, 4), Tensor.vector(1, 2)));
        assertEquals(TensorType.of(DType.INT64, 2), infer1("Range", Tensor.scalarLong(10), Tensor.scalarLong(4),
                Tensor.scalarLong(-3)));
        List<TensorType> drop = infer(13, "Dropout", Attributes.EMPTY, 2, f32(N, 4));
        assertEquals(List.of(f32(N, 4), TensorType.of(DType.BOOL, List.of(N, Dim.of(4)))), drop);
        assertEquals(f32(N, 2, 6, 8), infer(17, "DepthToSpace",
                Attributes.builder().put("blocksize", 2L).build(), 1, f32(N, 8, 3, 4)).get(0));
        assertEquals(f32(N, 32, 3, 4), infer(17, "SpaceToDepth",
                Attributes.builder().put("blocksize", 2L).build(), 1, f32(N, 8, 6, 8)).get(0));
    }

    @Test void attributesRoundTripInTheFormTheyCameIn() {
        Object[][] cases = {
            {11L, "Squeeze", ints("axes", 0, -1)}, {13L, "Squeeze", Attributes.EMPTY},
            {11L, "Unsqueeze", ints("axes", 1)}, {13L, "Unsqueeze", Attributes.EMPTY},
            {11L, "Split", Attributes.builder().put("axis", 1L).put("split", AttributeValue.ints(1, 2)).build()},
            {10L, "Pad", Attributes.builder().put("mode", "edge").put("pads", AttributeValue.ints(1, 1)).build()},
            {11L, "Dropout", Attributes.builder().put("ratio", 0.25f).build()},
            {15L, "Shape", Attributes.builder().put("start", 1L).build()},
            {9L, "Slice", Attributes.builder().put("starts", AttributeValue.ints(1)).put("ends", AttributeValue.ints(3)).build()},
            {17L, "Transpose", ints("perm", 1, 0)}, {17L, "Transpose", Attributes.EMPTY},
            {14L, "Reshape", Attributes.builder().put("allowzero", 1L).build()},
            {17L, "Constant", Attributes.builder().put("value_float", 1.5f).build()},
            {17L, "DepthToSpace", Attributes.builder().put("blocksize", 2L).put("mode", "CRD").build()},
        };
        for (Object[] c : cases) {
            Op op = Ops.create("", (String) c[1], (Long) c[0], (Attributes) c[2]);
            assertEquals(((Attributes) c[2]).values(), op.attributes().values(), c[1] + " at opset " + c[0]);
            assertEquals(op, Ops.create("", (String) c[1], (Long) c[0], op.attributes()));
        }
        assertEquals(new Squeeze(Optional.of(List.of(0L, -1L))), Ops.create("", "Squeeze", 11, ints("axes", 0, -1)));
        assertEquals(new Split(0, Optional.empty()), Ops.create("", "Split", 13, Attributes.EMPTY));
    }
}
