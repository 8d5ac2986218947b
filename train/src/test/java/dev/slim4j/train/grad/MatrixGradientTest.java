package dev.slim4j.train.grad;

import dev.slim4j.ir.op.Gemm;
import dev.slim4j.ir.op.MatMul;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MatrixGradientTest {
    private static void gemm(long transA, long transB, int[] c) {
        int m = 3;
        int k = 5;
        int nCols = 4;
        Net n = new Net(transA * 2 + transB);
        String a = n.input("a", transA != 0 ? new int[] {k, m} : new int[] {m, k});
        String b = n.param("b", transB != 0 ? new int[] {nCols, k} : new int[] {k, nCols});
        Gemm op = new Gemm(0.7f, 1.3f, transA, transB, Optional.empty());
        String y = c == null ? n.node(op, a, b) : n.node(op, a, b, n.param("c", c));
        n.output(y).check();
    }

    @Test void gemmAllTransposeFlagsAndBiasShapes() {
        for (long ta = 0; ta < 2; ta++) {
            for (long tb = 0; tb < 2; tb++) {
                gemm(ta, tb, new int[] {3, 4});
                gemm(ta, tb, new int[] {4});
                gemm(ta, tb, new int[] {3, 1});
                gemm(ta, tb, new int[] {1, 4});
                gemm(ta, tb, new int[] {});
                gemm(ta, tb, null);
            }
        }
    }

    private static void matMul(int[] a, int[] b) {
        Net n = new Net();
        n.output(n.node(new MatMul(), n.input("a", a), n.param("b", b))).check();
    }

    @Test void matMulMatrices() { matMul(new int[] {3, 4}, new int[] {4, 5}); }

    @Test void matMulVectors() {
        matMul(new int[] {4}, new int[] {4, 3});
        matMul(new int[] {3, 4}, new int[] {4});
        matMul(new int[] {5}, new int[] {5});
        matMul(new int[] {3}, new int[] {2, 3, 4});
        matMul(new int[] {2, 3, 4}, new int[] {4});
    }

    @Test void matMulBroadcastBatches() {
        matMul(new int[] {2, 3, 4, 5}, new int[] {5, 3});
        matMul(new int[] {3, 5}, new int[] {2, 5, 3});
        matMul(new int[] {2, 1, 3, 4}, new int[] {1, 3, 4, 2});
    }
}
