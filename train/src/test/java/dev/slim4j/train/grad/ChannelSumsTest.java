package dev.slim4j.train.grad;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one-pass shifted sums against a two-pass reference (mean first, then centered sums) on odd sizes. */
class ChannelSumsTest {
    @Test void matchTwoPassSumsOnOddSizesAndAnOffsetMean() {
        Random random = new Random(11);
        for (int[] shape : new int[][] {{1, 1, 1}, {3, 2, 7}, {2, 5, 13}, {4, 3, 33}, {1, 2, 1}}) {
            int n = shape[0], c = shape[1], size = shape[2];
            float[] x = new float[n * c * size];
            double[] dy = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = 100f + (float) random.nextGaussian();
                dy[i] = random.nextGaussian();
            }
            for (int ch = 0; ch < c; ch++) {
                double count = (double) n * size;
                double mean = 0;
                for (int b = 0; b < n; b++) for (int i = 0; i < size; i++) mean += x[(b * c + ch) * size + i];
                mean /= count;
                double var = 0, sumDy = 0, sumDyX = 0;
                for (int b = 0; b < n; b++) {
                    for (int i = 0; i < size; i++) {
                        int at = (b * c + ch) * size + i;
                        var += (x[at] - mean) * (x[at] - mean);
                        sumDy += dy[at];
                        sumDyX += dy[at] * (x[at] - mean);
                    }
                }
                var /= count;
                double[] m = ChannelSums.moments(x, n, c, size, ch);
                double[] g = ChannelSums.gradientSums(x, dy, n, c, size, ch);
                assertEquals(mean, m[0], 1e-12);
                assertEquals(var, m[1], 1e-10);
                assertEquals(mean, g[0], 1e-12);
                assertEquals(var, g[1], 1e-10);
                assertEquals(sumDy, g[2], 1e-10);
                assertEquals(sumDyX, g[3], 1e-9);
            }
        }
    }
}
