package dev.slim4j.train.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.SplittableRandom;
import java.util.function.Function;

/** Central finite differences in double precision, the independent check of every analytic gradient. */
final class FiniteDifference {
    private static final double H = 1e-6;

    private FiniteDifference() {}

    static Tensor random(long seed, double scale, int... dims) {
        SplittableRandom r = new SplittableRandom(seed);
        Shape shape = Shape.of(dims);
        double[] v = new double[shape.intSize()];
        for (int i = 0; i < v.length; i++) v[i] = scale * (2 * r.nextDouble() - 1);
        return Tensor.ofDoubles(shape, v);
    }

    /** Checks loss.apply(x).gradient() against (f(x + h e_i) - f(x - h e_i)) / 2h for every element i. */
    static void check(Function<Tensor, LossValue> loss, Tensor x) {
        Tensor analytic = loss.apply(x).gradient();
        assertEquals(x.shape(), analytic.shape());
        assertEquals(x.dtype(), analytic.dtype());
        for (int i = 0; i < x.size(); i++) {
            Tensor plus = x.copy();
            plus.setDouble(i, x.getDouble(i) + H);
            Tensor minus = x.copy();
            minus.setDouble(i, x.getDouble(i) - H);
            double numeric = (loss.apply(plus).value() - loss.apply(minus).value()) / (2 * H);
            assertEquals(numeric, analytic.getDouble(i), 1e-7 + 1e-6 * Math.abs(numeric), "element " + i);
        }
    }
}
