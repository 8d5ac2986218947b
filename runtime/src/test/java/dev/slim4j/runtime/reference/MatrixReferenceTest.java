package dev.slim4j.runtime.reference;

import static dev.slim4j.runtime.reference.NnFixtures.assertTensor;
import static dev.slim4j.runtime.reference.NnFixtures.attrs;
import static dev.slim4j.runtime.reference.NnFixtures.dims;
import static dev.slim4j.runtime.reference.NnFixtures.iota;
import static dev.slim4j.runtime.reference.NnFixtures.run;
import static dev.slim4j.runtime.reference.NnFixtures.t;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slim4j.ir.Attributes;
import dev.slim4j.tensor.ShapeException;
import dev.slim4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** MatMul (NumPy rules) and Gemm (transposes, alpha, beta, bias broadcasting) on hand-computed cases. */
class MatrixReferenceTest {
    private static final Tensor A = t(dims(2, 3), 1, 2, 3, 4, 5, 6);
    private static final Tensor B = t(dims(3, 2), 1, 0, 0, 1, 1, 1);

    @Test void matMul2d() {
        // [1 2 3; 4 5 6] x [1 0; 0 1; 1 1] = [4 5; 10 11]
        assertTensor(dims(2, 2), new double[] {4, 5, 10, 11}, run("MatMul", Attributes.EMPTY, A, B));
    }

    @Test void matMulVectorsDropTheirUnitAxis() {
        Tensor v = t(dims(3), 1, 1, 1);
        assertTensor(dims(2), new double[] {6, 15}, run("MatMul", Attributes.EMPTY, A, v));
        assertTensor(dims(2), new double[] {2, 2}, run("MatMul", Attributes.EMPTY, v, B));
        assertTensor(dims(), new double[] {3}, run("MatMul", Attributes.EMPTY, v, v));
    }

    @Test void matMulBroadcastsBatchDims() {
        // a [2, 1, 1, 2] times b [3, 2, 1]: result [2, 3, 1, 1] = a[i] . b[j]
        Tensor a = t(dims(2, 1, 1, 2), 1, 2, 10, 20);
        Tensor b = t(dims(3, 2, 1), 1, 0, 0, 1, 1, 1);
        assertTensor(dims(2, 3, 1, 1), new double[] {1, 2, 3, 10, 20, 30}, run("MatMul", Attributes.EMPTY, a, b));
        assertThrows(ShapeException.class, () -> run("MatMul", Attributes.EMPTY, iota(2, 2, 3), iota(3, 3, 2)));
    }

    @Test void gemmWithTransposesAlphaBetaAndBroadcastBias() {
        Tensor c = t(dims(2), 100, 200);
        // A^T [3x2] x B^T [2x3]? no: transA on A^T-shaped input gives A back
        Tensor at = t(dims(3, 2), 1, 4, 2, 5, 3, 6);
        Tensor bt = t(dims(2, 3), 1, 0, 1, 0, 1, 1);
        Attributes a = attrs("transA", 1L, "transB", 1L, "alpha", 2f, "beta", 0.5f);
        assertTensor(dims(2, 2), new double[] {58, 110, 70, 122}, run("Gemm", a, at, bt, c));
        assertTensor(dims(2, 2), new double[] {4, 5, 10, 11}, run("Gemm", Attributes.EMPTY, A, B));
        assertTensor(dims(2, 2), new double[] {5, 6, 11, 12}, run("Gemm", Attributes.EMPTY, A, B, t(dims(), 1)));
        assertTensor(dims(2, 2), new double[] {5, 6, 12, 13},
                run("Gemm", Attributes.EMPTY, A, B, t(dims(2, 1), 1, 2)));
        assertThrows(ShapeException.class, () -> run("Gemm", Attributes.EMPTY, A, A));
    }
}
