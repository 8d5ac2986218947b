package dev.slim4j.runtime.reference;

import static dev.slim4j.runtime.reference.NnFixtures.assertTensor;
import static dev.slim4j.runtime.reference.NnFixtures.attrs;
import static dev.slim4j.runtime.reference.NnFixtures.dims;
import static dev.slim4j.runtime.reference.NnFixtures.iota;
import static dev.slim4j.runtime.reference.NnFixtures.ints;
import static dev.slim4j.runtime.reference.NnFixtures.run;
import static dev.slim4j.runtime.reference.NnFixtures.t;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slim4j.ir.Attributes;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pooling on hand-computed cases: windows, padding, ceil mode, indices in both storage orders. */
class PoolReferenceTest {
    @Test void maxPoolWithIndicesRowAndColumnMajor() {
        // x = 0..15 as 4x4: 2x2 windows with stride 2 peak at their bottom-right corner
        Attributes a = attrs("kernel_shape", ints(2, 2), "strides", ints(2, 2));
        List<Tensor> out = run("MaxPool", a, 2, iota(1, 1, 4, 4));
        assertTensor(dims(1, 1, 2, 2), new double[] {5, 7, 13, 15}, out.get(0));
        assertEquals(DType.INT64, out.get(1).dtype());
        assertArrayEquals(new long[] {5, 7, 13, 15}, out.get(1).longs());
        // column-major: index = w * H + h, so (1,1) -> 5, (1,3) -> 13, (3,1) -> 7, (3,3) -> 15
        List<Tensor> col = run("MaxPool", a.with("storage_order", dev.slim4j.ir.AttributeValue.of(1L)), 2,
                iota(1, 1, 4, 4));
        assertArrayEquals(new long[] {5, 13, 7, 15}, col.get(1).longs());
    }

    @Test void maxPoolIndicesCountEarlierPlanes() {
        List<Tensor> out = run("MaxPool", attrs("kernel_shape", ints(2)), 2, t(dims(1, 2, 2), 1, 0, 0, 1));
        assertArrayEquals(new long[] {0, 3}, out.get(1).longs());
    }

    @Test void maxPoolIgnoresPaddingEvenForNegativeValues() {
        Tensor x = t(dims(1, 1, 3), -1, -2, -3);
        assertTensor(dims(1, 1, 3), new double[] {-1, -1, -2},
                run("MaxPool", attrs("kernel_shape", ints(3), "pads", ints(1, 1)), x));
    }

    @Test void maxPoolDilationAndCeilMode() {
        Tensor x = t(dims(1, 1, 5), 1, 5, 2, 4, 3);
        // dilation 2, kernel 2 reads x[i], x[i+2]
        assertTensor(dims(1, 1, 3), new double[] {2, 5, 3},
                run("MaxPool", attrs("kernel_shape", ints(2), "dilations", ints(2)), x));
        assertTensor(dims(1, 1, 2), new double[] {5, 4},
                run("MaxPool", attrs("kernel_shape", ints(2), "strides", ints(2)), x));
        assertTensor(dims(1, 1, 3), new double[] {5, 4, 3},
                run("MaxPool", attrs("kernel_shape", ints(2), "strides", ints(2), "ceil_mode", 1L), x));
    }

    @Test void averagePoolExcludesOrIncludesPadding() {
        Tensor x = t(dims(1, 1, 3), 1, 2, 3);
        Attributes a = attrs("kernel_shape", ints(3), "pads", ints(1, 1));
        assertTensor(dims(1, 1, 3), new double[] {1.5, 2, 2.5}, run("AveragePool", a, x));
        assertTensor(dims(1, 1, 3), new double[] {1, 2, 5.0 / 3},
                run("AveragePool", a.with("count_include_pad", dev.slim4j.ir.AttributeValue.of(1L)), x));
    }

    @Test void averagePoolCeilOverhangIsNeverCounted() {
        // windows [1 2 3] [3 4 5] [5 6 | beyond]: the overhang is neither data nor padding
        Tensor x = t(dims(1, 1, 6), 1, 2, 3, 4, 5, 6);
        Attributes a = attrs("kernel_shape", ints(3), "strides", ints(2), "ceil_mode", 1L, "count_include_pad", 1L);
        assertTensor(dims(1, 1, 3), new double[] {2, 4, 5.5}, run("AveragePool", a, x));
    }

    @Test void averagePoolSameUpperAnd2d() {
        Tensor x = t(dims(1, 1, 2, 2), 1, 2, 3, 4);
        assertTensor(dims(1, 1, 2, 2), new double[] {2.5, 3, 3.5, 4},
                run("AveragePool", attrs("kernel_shape", ints(2, 2), "auto_pad", "SAME_UPPER"), x));
        assertTensor(dims(1, 1, 2, 2), new double[] {1, 1.5, 2, 2.5},
                run("AveragePool", attrs("kernel_shape", ints(2, 2), "auto_pad", "SAME_LOWER"), x));
    }

    @Test void globalPoolsReduceEverySpatialAxis() {
        Tensor x = t(dims(1, 2, 2, 2), 1, 2, 3, 4, -1, -5, -2, -3);
        assertTensor(dims(1, 2, 1, 1), new double[] {2.5, -2.75}, run("GlobalAveragePool", Attributes.EMPTY, x));
        assertTensor(dims(1, 2, 1, 1), new double[] {4, -1}, run("GlobalMaxPool", Attributes.EMPTY, x));
    }
}
