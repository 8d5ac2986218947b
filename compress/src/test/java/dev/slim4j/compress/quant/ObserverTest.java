package dev.slim4j.compress.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Observers against results known in closed form for known distributions. */
class ObserverTest {
    private static final QuantSpec SIGNED = QuantSpec.uint8Activations().withSigned(true).withSymmetry(Symmetry.SYMMETRIC);

    @Test void minMaxIsExactAcrossBatches() {
        Observer o = CalibrationMethod.minMax().newObserver(QuantSpec.uint8Activations());
        assertThrows(IllegalStateException.class, o::range);
        o.observe(new float[] {1, -2, Float.NaN});
        o.observe(new float[] {3, 0});
        assertEquals(new Range(-2, 3), o.range());
    }

    @Test void movingAverageFollowsTheBatches() {
        Observer o = new CalibrationMethod.MovingAverageMinMax(0.5).newObserver(QuantSpec.uint8Activations());
        o.observe(new float[] {0, 1});
        o.observe(new float[] {-1, 2});
        assertEquals(new Range(-0.5f, 1.5f), o.range());
    }

    @Test void histogramGrowsWithoutLosingCounts() {
        Histogram h = new Histogram(16);
        h.add(new float[] {0.1f, -0.1f, 0.5f});
        h.add(new float[] {3.9f, -7f});
        assertEquals(5, h.total());
        long sum = 0;
        for (long c : h.counts()) sum += c;
        assertEquals(5, sum);
        assertTrue(h.radius() > 7f && h.radius() < 16f, "radius " + h.radius());
        assertEquals(-7f, h.min());
        assertEquals(16, h.bins());
    }

    @Test void percentileOfAUniform() {
        Observer sym = CalibrationMethod.percentile(99.9).newObserver(SIGNED);
        Observer asym = CalibrationMethod.percentile(99.9).newObserver(QuantSpec.uint8Activations());
        Random r = new Random(1);
        for (int b = 0; b < 20; b++) {
            float[] x = new float[10_000];
            for (int i = 0; i < x.length; i++) x[i] = 2 * r.nextFloat() - 1;
            sym.observe(x);
            asym.observe(x);
        }
        assertEquals(0.999, sym.range().max(), 2e-3);
        assertEquals(-0.999, sym.range().min(), 2e-3);
        // (100 - 99.9) / 2 percent off each tail of U(-1, 1): quantiles 0.0005 and 0.9995 -> edges -0.999 and 0.999
        assertEquals(0.999, asym.range().max(), 2e-3);
        assertEquals(-0.999, asym.range().min(), 2e-3);
    }

    @Test void entropyClipsHeavyTailsButNotAUniform() {
        Observer laplace = CalibrationMethod.entropy().newObserver(SIGNED);
        Observer uniform = CalibrationMethod.entropy().newObserver(SIGNED);
        float[] x = laplace(200_000, 2);
        laplace.observe(x);
        float max = maxAbs(x);
        Range r = laplace.range();
        assertTrue(r.max() < 0.75 * max && r.max() > 0.25 * max, "threshold " + r.max() + " of max " + max);
        Random rnd = new Random(3);
        float[] u = new float[200_000];
        for (int i = 0; i < u.length; i++) u[i] = 2 * rnd.nextFloat() - 1;
        uniform.observe(u);
        assertTrue(uniform.range().max() > 0.95f, "uniform threshold " + uniform.range().max());
    }

    @Test void asymmetricEntropyDoesNotFoldAMassAtTheMinimumOntoThePositiveSide() {
        // like normalized images: most pixels are background at the minimum, the rest spread above it
        Random rnd = new Random(6);
        float[] x = new float[100_000];
        for (int i = 0; i < x.length; i++) x[i] = rnd.nextFloat() < 0.6f ? -0.8f : -0.8f + 2.8f * rnd.nextFloat();
        Observer o = CalibrationMethod.entropy().newObserver(QuantSpec.uint8Activations());
        o.observe(x);
        assertEquals(-0.8f, o.range().min());
        assertTrue(o.range().max() > 1.8f, "upper end " + o.range().max());
        Observer sym = CalibrationMethod.entropy().newObserver(SIGNED);
        sym.observe(x);
        assertEquals(-0.8f, sym.range().min());
        assertTrue(sym.range().max() > 1.8f, "symmetric threshold " + sym.range().max());
    }

    @Test void entropyIsNotCapturedByTheZerosOfAReLU() {
        // ReLU of a Gaussian: half the values are exactly 0, the rest a half-normal with max about 4.5
        Random rnd = new Random(8);
        float[] x = new float[200_000];
        for (int i = 0; i < x.length; i++) x[i] = (float) Math.max(0, rnd.nextGaussian());
        Observer o = CalibrationMethod.entropy().newObserver(QuantSpec.uint8Activations());
        o.observe(x);
        float max = maxAbs(x);
        assertTrue(o.range().max() > 0.4 * max && o.range().max() <= max, "threshold " + o.range().max() + " of max " + max);
    }

    @Test void entropyIsNotCapturedBySpikesInsideTheRange() {
        // the first ReLU6 of a convnet on Fashion-MNIST: half zeros, a quarter the background's constant of
        // one of 16 channels (up to 1.4), a quarter spread; the smallest window (a quarter of this range)
        // would clip the brightest channel's whole background
        Random rnd = new Random(9);
        float[] x = new float[400_000];
        for (int i = 0; i < x.length; i++) {
            double u = rnd.nextDouble();
            x[i] = u < 0.5 ? 0 : u < 0.75 ? 0.08f + 1.32f * rnd.nextInt(16) / 15 : (float) Math.min(6, Math.abs(0.6 * rnd.nextGaussian()));
        }
        Observer o = CalibrationMethod.entropy().newObserver(QuantSpec.uint8Activations());
        o.observe(x);
        assertTrue(o.range().max() >= 1.4f, "upper end " + o.range().max() + " of max " + maxAbs(x));
        Observer sym = CalibrationMethod.entropy().newObserver(SIGNED);
        sym.observe(x);
        assertTrue(sym.range().max() >= 1.4f, "symmetric threshold " + sym.range().max() + " of max " + maxAbs(x));
    }

    @Test void spikesAreCappedAndASparseTailIsKept() {
        long[] counts = {5, 6, 100, 7, 5, 0, 0, 2, 0, 0, 1, 0};
        long[] capped = EntropyRange.withoutSpikes(counts);
        assertEquals(7, capped[2]);
        assertEquals(2, capped[7]);
        assertEquals(1, capped[10]);
        assertEquals(6, capped[1]);
    }

    @Test void mseKeepsAUniformWhole() {
        Observer o = CalibrationMethod.mse().newObserver(SIGNED);
        Random rnd = new Random(4);
        float[] u = new float[100_000];
        for (int i = 0; i < u.length; i++) u[i] = 2 * rnd.nextFloat() - 1;
        o.observe(u);
        assertTrue(o.range().max() > 0.97f, "threshold " + o.range().max());
    }

    @Test void mseMatchesABruteForceSearchOnALaplaceAtFourBits() {
        QuantSpec four = SIGNED.withBits(4);
        float[] x = laplace(100_000, 5);
        Observer o = CalibrationMethod.mse().newObserver(four);
        o.observe(x);
        double chosen = measuredError(four, o.range(), x);
        double best = Double.POSITIVE_INFINITY;
        double bestT = 0;
        float max = maxAbs(x);
        for (int k = 1; k <= 400; k++) {
            float t = max * k / 400;
            double e = measuredError(four, new Range(-t, t), x);
            if (e < best) {
                best = e;
                bestT = t;
            }
        }
        assertTrue(chosen <= best * 1.02, "chosen " + o.range() + " error " + chosen + ", best t " + bestT + " error " + best);
        // Laplace with b = 1 at 4 bits: the optimum clip is far below the maximum (about 5b, Banner et al. 2019)
        assertTrue(o.range().max() > 3 && o.range().max() < 7, "threshold " + o.range().max());
    }

    private static double measuredError(QuantSpec spec, Range r, float[] x) {
        var p = spec.params(r);
        double sum = 0;
        for (float v : x) {
            double d = v - dev.slim4j.tensor.quant.QuantMath.fakeQuantize(v, p.scale(), p.zeroPoint(), spec.range());
            sum += d * d;
        }
        return sum / x.length;
    }

    /** Laplace(0, 1) samples by inverse transform. */
    private static float[] laplace(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble() - 0.5;
            x[i] = (float) (-Math.signum(u) * Math.log(1 - 2 * Math.abs(u)));
        }
        return x;
    }

    private static float maxAbs(float[] x) {
        float m = 0;
        for (float v : x) m = Math.max(m, Math.abs(v));
        return m;
    }
}
