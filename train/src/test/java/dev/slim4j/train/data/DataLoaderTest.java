package dev.slim4j.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataLoaderTest {
    /** n images of 2x3 pixels; image i has every pixel equal to i * 10 and label i % 3. */
    static ImageDataset tiny(int n) {
        byte[] pixels = new byte[n * 6];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            Arrays.fill(pixels, i * 6, i * 6 + 6, (byte) (i * 10));
            labels[i] = (byte) (i % 3);
        }
        return ImageDataset.fromIdx("tiny", new IdxArray(0x803, new int[] {n, 2, 3}, pixels),
                new IdxArray(0x801, new int[] {n}, labels), 3);
    }

    private static LoaderConfig plain(int batch) {
        return LoaderConfig.defaults().withBatchSize(batch).withShuffle(false).withNormalization(Normalization.none());
    }

    @Test void batchesAreNchwFloatWithInt64Labels() {
        DataLoader loader = new DataLoader(tiny(10), plain(4));
        assertEquals(3, loader.batchCount());
        Batch b = loader.epoch(0).batch(0);
        assertEquals(DType.FLOAT32, b.images().dtype());
        assertEquals(Shape.of(4, 1, 2, 3), b.images().shape());
        assertEquals(DType.INT64, b.labels().dtype());
        assertArrayEquals(new long[] {0, 1, 2, 0}, b.labels().longs());
        assertEquals(30 / 255f, b.images().getFloat(3 * 6 + 5), 1e-7);
        Batch last = loader.epoch(0).batch(2);
        assertEquals(2, last.size());
        assertEquals(Shape.of(2, 1, 2, 3), last.images().shape());
    }

    @Test void dropLastDropsThePartialBatch() {
        DataLoader loader = new DataLoader(tiny(10), plain(4).withDropLast(true));
        assertEquals(2, loader.batchCount());
        int seen = 0;
        for (Batch b : loader.epoch(0)) seen += b.size();
        assertEquals(8, seen);
        assertThrows(IndexOutOfBoundsException.class, () -> loader.epoch(0).batch(2));
    }

    @Test void normalizationIsAppliedAfterScaling() {
        Normalization norm = new Normalization(0.5, 0.25);
        DataLoader loader = new DataLoader(tiny(4), plain(4).withNormalization(norm));
        float[] x = loader.epoch(0).batch(0).images().floats();
        assertEquals((20 / 255.0 - 0.5) / 0.25, x[2 * 6], 1e-6);
    }

    @Test void eachShuffledEpochIsAPermutation() {
        DataLoader loader = new DataLoader(tiny(50), plain(7).withShuffle(true).withSeed(42));
        for (int epoch = 0; epoch < 3; epoch++) {
            int[] order = loader.order(epoch);
            int[] sorted = order.clone();
            Arrays.sort(sorted);
            for (int i = 0; i < 50; i++) assertEquals(i, sorted[i]);
            long[] labels = new long[50];
            int k = 0;
            for (Batch b : loader.epoch(epoch)) for (long l : b.labels().longs()) labels[k++] = l;
            for (int i = 0; i < 50; i++) assertEquals(order[i] % 3, labels[i]);
        }
    }

    @Test void shufflingIsDeterministicForASeed() {
        LoaderConfig config = plain(8).withShuffle(true).withSeed(7);
        int[] a = new DataLoader(tiny(100), config).order(3);
        int[] b = new DataLoader(tiny(100), config).order(3);
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, new DataLoader(tiny(100), config).order(4)), "epochs must differ");
        assertFalse(Arrays.equals(a, new DataLoader(tiny(100), config.withSeed(8)).order(3)), "seeds must differ");
        int[] identity = new DataLoader(tiny(100), plain(8)).order(3);
        for (int i = 0; i < 100; i++) assertEquals(i, identity[i]);
    }

    @Test void augmentedBatchesAreReproducible() {
        LoaderConfig config = plain(5).withShuffle(true).withSeed(3)
                .withAugmentation(Augmentation.defaults().withPadding(1).withHorizontalFlip(true));
        DataLoader loader = new DataLoader(tiny(20), config);
        List<Batch> first = List.of(loader.epoch(1).batch(0), loader.epoch(1).batch(3));
        DataLoader again = new DataLoader(tiny(20), config);
        assertEquals(first.get(1), again.epoch(1).batch(3));
        assertEquals(first.get(0), again.epoch(1).batch(0));
    }

    @Test void rejectsMismatchedLabelsAndBadLabels() {
        IdxArray images = new IdxArray(0x803, new int[] {2, 1, 1}, new byte[2]);
        assertThrows(IdxFormatException.class, () -> ImageDataset.fromIdx("x", images,
                new IdxArray(0x801, new int[] {3}, new byte[3]), 2));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> ImageDataset.fromIdx("x", images,
                new IdxArray(0x801, new int[] {2}, new byte[] {0, 5}), 2));
        assertEquals("x: label 1 is 5, expected 0..1", e.getMessage());
    }
}
