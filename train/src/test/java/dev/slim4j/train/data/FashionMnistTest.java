package dev.slim4j.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slim4j.tensor.Shape;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks against the published facts of Fashion-MNIST, read independently of {@link IdxReader}. */
class FashionMnistTest {
    private static final Path DIR = FashionMnist.DEFAULT_DIRECTORY;
    private static ImageDataset train;

    private static synchronized ImageDataset trainSet() {
        assumeTrue(Files.isDirectory(DIR), "Debian package dataset-fashion-mnist not installed");
        if (train == null) train = FashionMnist.train();
        return train;
    }

    /** The raw pixel bytes after the 16-byte header, read with the JDK only. */
    private static byte[] rawPixels(String file) throws IOException {
        try (InputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(DIR.resolve(file))))) {
            byte[] all = in.readAllBytes();
            return Arrays.copyOfRange(all, 16, all.length);
        }
    }

    @Test void trainingSetHasSixtyThousandBalancedExamples() {
        ImageDataset train = trainSet();
        assertEquals(60000, train.size());
        assertEquals(10, train.classCount());
        assertEquals(Shape.of(1, 28, 28), train.exampleShape());
        int[] counts = new int[10];
        Arrays.fill(counts, 6000);
        assertArrayEquals(counts, train.classCounts());
        int[] first = {9, 0, 0, 3, 0, 2, 7, 2, 5, 5, 0, 9};
        for (int i = 0; i < first.length; i++) assertEquals(first[i], train.label(i), "label " + i);
    }

    @Test void testSetHasTenThousandBalancedExamples() {
        trainSet();
        ImageDataset test = FashionMnist.test();
        assertEquals(10000, test.size());
        int[] counts = new int[10];
        Arrays.fill(counts, 1000);
        assertArrayEquals(counts, test.classCounts());
        int[] first = {9, 2, 1, 1, 6, 1, 4, 6, 5, 7, 4, 5};
        for (int i = 0; i < first.length; i++) assertEquals(first[i], test.label(i), "label " + i);
    }

    @Test void examplesAreThePixelBytesScaledToUnitRange() throws IOException {
        ImageDataset train = trainSet();
        byte[] raw = rawPixels("train-images-idx3-ubyte.gz");
        for (int index : new int[] {0, 1, 59999}) {
            float[] image = train.get(index).image().floats();
            for (int i = 0; i < 784; i++) {
                assertEquals((raw[index * 784 + i] & 0xFF) / 255.0, image[i], 1e-7, "example " + index + " pixel " + i);
            }
        }
    }

    @Test void defaultNormalizationMatchesTheTrainingSetStatistics() throws IOException {
        trainSet();
        byte[] raw = rawPixels("train-images-idx3-ubyte.gz");
        double sum = 0, sumSq = 0;
        for (byte b : raw) {
            double x = (b & 0xFF) / 255.0;
            sum += x;
            sumSq += x * x;
        }
        double mean = sum / raw.length;
        double std = Math.sqrt(sumSq / raw.length - mean * mean);
        assertEquals(0.2860, mean, 5e-5);
        assertEquals(0.3530, std, 5e-5);
        assertEquals(mean, Normalization.defaults().mean(), 5e-5);
        assertEquals(std, Normalization.defaults().std(), 5e-5);
    }

    @Test void normalizedTrainingBatchesHaveZeroMeanAndUnitStd() {
        DataLoader loader = new DataLoader(trainSet(), LoaderConfig.defaults().withBatchSize(10000).withShuffle(false));
        double sum = 0, sumSq = 0;
        long n = 0;
        for (Batch b : loader.epoch(0)) {
            for (float x : b.images().floats()) {
                sum += x;
                sumSq += (double) x * x;
            }
            n += b.images().size();
        }
        assertEquals(0, sum / n, 2e-4);
        assertEquals(1, Math.sqrt(sumSq / n - (sum / n) * (sum / n)), 2e-4);
    }

    @Test void missingFilesNameTheDebianPackage(@TempDir Path empty) {
        String m = assertThrows(DatasetNotFoundException.class, () -> FashionMnist.train(empty)).getMessage();
        assertTrue(m.contains("dataset-fashion-mnist") && m.contains(empty.toString()), m);
    }
}
