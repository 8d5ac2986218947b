package dev.slim4j.runtime.reference;

import static dev.slim4j.runtime.reference.NnFixtures.assertTensor;
import static dev.slim4j.runtime.reference.NnFixtures.attrs;
import static dev.slim4j.runtime.reference.NnFixtures.dims;
import static dev.slim4j.runtime.reference.NnFixtures.run;
import static dev.slim4j.runtime.reference.NnFixtures.t;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.op.Ops;
import dev.slim4j.ir.op.UnsupportedOpException;
import dev.slim4j.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** BatchNormalization, InstanceNormalization, LRN and LpNormalization on hand-computed cases. */
class NormalizationReferenceTest {
    @Test void batchNormInferenceUsesRunningStatistics() {
        // y = scale * (x - mean) / sqrt(var + eps) + B: 2 * 1 / 2 + 1 = 2 and 3 * 1 / 3 + 0 = 1
        Tensor x = t(dims(1, 2, 1, 1), 1, 2);
        Tensor y = run("BatchNormalization", attrs("epsilon", 1f), x, t(dims(2), 2, 3), t(dims(2), 1, 0),
                t(dims(2), 0, 1), t(dims(2), 3, 8));
        assertTensor(dims(1, 2, 1, 1), new double[] {2, 1}, y);
    }

    @Test void batchNormTrainingUsesBatchStatisticsAndBlendsRunningOnes() {
        // batch [1, 3]: mean 2, population variance 1; running = 0.9 * running + 0.1 * batch
        Tensor x = t(dims(2, 1, 1, 1), 1, 3);
        Tensor one = t(dims(1), 1);
        List<Tensor> out = run("BatchNormalization", attrs("training_mode", 1L, "epsilon", 0f), 3, x, one,
                t(dims(1), 0), t(dims(1), 0), one);
        assertTensor(dims(2, 1, 1, 1), new double[] {-1, 1}, out.get(0));
        assertTensor(dims(1), new double[] {0.2}, out.get(1));
        assertTensor(dims(1), new double[] {1}, out.get(2));
    }

    @Test void opset6TrainingBatchNormIsUnsupported() {
        var op = Ops.create("", "BatchNormalization", 6, attrs("is_test", 0L));
        Tensor c = t(dims(1), 1);
        assertThrows(UnsupportedOpException.class,
                () -> ReferenceOps.evaluate(op, List.of(t(dims(1, 1, 1), 1), c, c, c, c), 1));
    }

    @Test void instanceNormNormalizesEachPlane() {
        // plane [1, 3]: mean 2, var 1 -> [-1, 1]; scale 2, bias 5 -> [3, 7]
        Tensor y = run("InstanceNormalization", attrs("epsilon", 0f), t(dims(1, 1, 2), 1, 3), t(dims(1), 2),
                t(dims(1), 5));
        assertTensor(dims(1, 1, 2), new double[] {3, 7}, y);
    }

    @Test void lrnSumsSquaresOverNeighbouringChannels() {
        // size 3, alpha 3 (alpha / size = 1), beta 1, bias 1: squares 1+4, 1+4+9, 4+9
        Tensor x = t(dims(1, 3, 1, 1), 1, 2, 3);
        assertTensor(dims(1, 3, 1, 1), new double[] {1.0 / 6, 2.0 / 15, 3.0 / 14},
                run("LRN", attrs("size", 3L, "alpha", 3f, "beta", 1f, "bias", 1f), x));
        // size 2 looks one channel ahead only: 1+4, 4+9, 9
        assertTensor(dims(1, 3, 1, 1), new double[] {1.0 / 3.5, 2.0 / 7.5, 3.0 / 5.5},
                run("LRN", attrs("size", 2L, "alpha", 1f, "beta", 1f, "bias", 1f), x));
    }

    @Test void lpNormalizationAlongAnAxis() {
        Tensor x = t(dims(2, 2), 3, 4, -1, 1);
        assertTensor(dims(2, 2), new double[] {0.6, 0.8, -Math.sqrt(0.5), Math.sqrt(0.5)},
                run("LpNormalization", Attributes.EMPTY, x));
        assertTensor(dims(2, 2), new double[] {0.75, 0.8, -0.25, 0.2},
                run("LpNormalization", attrs("axis", 0L, "p", 1L), x));
    }
}
