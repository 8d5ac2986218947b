package dev.slim4j.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slim4j.tensor.DType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TypeInferenceTest {
    private static final TensorType N3 = TensorType.of(DType.FLOAT32, List.of(Dim.symbol("N"), Dim.of(3)));
    private static final TensorType U3 = TensorType.of(DType.FLOAT32, List.of(Dim.unknown(), Dim.of(3)));

    @Test void refineFillsUnknownDimsFromTheAnnotation() {
        assertEquals(Optional.of(N3), TypeInference.refine(Optional.of(U3), Optional.of(N3)));
        assertEquals(Optional.of(N3), TypeInference.refine(Optional.of(TensorType.unranked(DType.FLOAT32)), Optional.of(N3)));
        assertEquals(Optional.of(U3), TypeInference.refine(Optional.of(U3), Optional.empty()));
        assertEquals(Optional.of(N3), TypeInference.refine(Optional.empty(), Optional.of(N3)));
        TensorType fixed = TensorType.of(DType.FLOAT32, 5, 3);
        assertEquals(Optional.of(fixed), TypeInference.refine(Optional.of(fixed), Optional.of(N3)));
    }

    @Test void conflictOnlyWhenBothSidesKnow() {
        assertEquals(Optional.empty(), TypeInference.conflict(N3, TensorType.of(DType.FLOAT32, 7, 3)));
        assertEquals(Optional.empty(), TypeInference.conflict(U3, TensorType.unranked(DType.FLOAT32)));
        assertEquals(Optional.of("dim 1 is 3 vs 4"), TypeInference.conflict(N3, TensorType.of(DType.FLOAT32, 7, 4)));
        assertEquals(Optional.of("rank 2 vs 1"), TypeInference.conflict(N3, TensorType.of(DType.FLOAT32, 3)));
        assertEquals(Optional.of("element type FLOAT32 vs INT64"), TypeInference.conflict(N3, N3.withDtype(DType.INT64)));
    }

    @Test void constantInputsComeFromConstantNodesAndUnshadowedInitializers() {
        Graph g = GraphParser.parse("""
                graph g (x: float32[2,3,4], d: int64[2]) -> (y: float32[6,4], z: float32[?,?])
                  init d: int64[2] = [4, 6]
                  s = Constant() {value_ints=[6, -1]}
                  y = Reshape(x, s)
                  z = Reshape(x, d)
                """);
        Graph annotated = TypeInference.annotate(g, TypeInference.defaultOpsets());
        assertEquals(TensorType.of(DType.INT64, 2), annotated.valueInfo().get("s"));
        assertEquals(TensorType.of(DType.FLOAT32, 6, 4), annotated.outputs().getFirst().type());
        assertEquals(TensorType.of(DType.FLOAT32, List.of(Dim.unknown(), Dim.unknown())), annotated.outputs().get(1).type());
    }
}
