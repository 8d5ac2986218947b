package dev.slim4j.kernels;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Random;

/** Test data in [-1, 1) and a tolerance-checked comparison of two arrays. */
final class RandomFloats {
    static final int[] SIZES = {1, 3, 7, 8, 13, 15, 16, 17, 31, 33, 100, 207};
    static final List<Activation> ACTIVATIONS = List.of(Activation.none(), Activation.relu(), Activation.relu6(),
            Activation.clip(-0.25f, 0.5f), Activation.leakyRelu(0.1f), Activation.hardSigmoid(0.2f, 0.5f),
            Activation.hardSwish(), Activation.sigmoid(), Activation.tanh());

    private RandomFloats() {}

    static float[] values(Random random, int length) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = random.nextFloat() * 2f - 1f;
        }
        return values;
    }

    /** Fails naming the first element where {@code |actual - expected| > tolerance}. */
    static void assertClose(float[] expected, float[] actual, double tolerance, String what) {
        if (expected.length != actual.length) {
            fail(what + ": expected length " + expected.length + ", found " + actual.length);
        }
        for (int i = 0; i < expected.length; i++) {
            boolean same = Float.compare(expected[i], actual[i]) == 0;
            if (!same && !(Math.abs(actual[i] - expected[i]) <= tolerance)) {
                fail(what + " element " + i + ": expected " + expected[i] + ", found " + actual[i]
                        + " (tolerance " + tolerance + ")");
            }
        }
    }

    /** Rounding bound for sums of {@code terms} products of values in [-1, 1]. */
    static double sumTolerance(int terms) {
        return 4 * (terms + 4) * 0x1p-24 * (terms + 1) + 1e-6;
    }
}
