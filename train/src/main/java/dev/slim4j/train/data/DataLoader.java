package dev.slim4j.train.data;

import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Makes batches of a {@link Dataset} on demand. Shuffling and augmentation are deterministic
 * functions of (seed, epoch) and (seed, epoch, example), so a run can be repeated exactly and any
 * batch can be rebuilt on its own.
 */
public final class DataLoader {
    private static final long ORDER_STREAM = 0x5EED_0001L;
    private static final long AUGMENT_STREAM = 0x5EED_0002L;

    private final Dataset dataset;
    private final LoaderConfig config;

    public DataLoader(Dataset dataset, LoaderConfig config) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.config = Objects.requireNonNull(config, "config");
        if (dataset.exampleShape().rank() != 3) {
            throw new IllegalArgumentException("expected CHW examples (rank 3), found shape "
                    + dataset.exampleShape());
        }
    }

    public Dataset dataset() { return dataset; }

    public LoaderConfig config() { return config; }

    /** Batches per epoch: partial last batch included unless {@code dropLast}. */
    public int batchCount() {
        int n = dataset.size();
        int b = config.batchSize();
        return config.dropLast() ? n / b : (n + b - 1) / b;
    }

    /** One epoch: its example order is fixed here, its batches are made when asked for. */
    public Epoch epoch(int epoch) {
        return new Epoch(this, epoch, order(epoch));
    }

    /** The order of the examples in an epoch: 0..size-1, shuffled (Fisher-Yates) when configured. */
    public int[] order(int epoch) {
        int[] order = new int[dataset.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        if (!config.shuffle()) return order;
        SplittableRandom random = new SplittableRandom(mix(mix(config.seed(), ORDER_STREAM), epoch));
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** Builds the batch of the given examples (dataset indices) as seen in {@code epoch}. */
    Batch batch(int epoch, int[] indices, int from, int to) {
        Shape example = dataset.exampleShape();
        int c = example.dim(0), h = example.dim(1), w = example.dim(2);
        int n = to - from;
        int stride = c * h * w;
        float[] images = new float[Math.multiplyExact(n, stride)];
        long[] labels = new long[n];
        for (int k = 0; k < n; k++) {
            int index = indices[from + k];
            Example ex = dataset.get(index);
            float[] src = ex.image().floats();
            if (config.augmentation().isIdentity()) {
                System.arraycopy(src, 0, images, k * stride, stride);
            } else {
                config.augmentation().apply(src, c, h, w, images, k * stride, augmentRandom(epoch, index));
            }
            labels[k] = ex.label();
        }
        Normalization norm = config.normalization();
        for (int i = 0; i < images.length; i++) images[i] = norm.apply(images[i]);
        return new Batch(Tensor.ofFloats(Shape.of(n, c, h, w), images), Tensor.ofLongs(Shape.of(n), labels));
    }

    private SplittableRandom augmentRandom(int epoch, int index) {
        return new SplittableRandom(mix(mix(mix(config.seed(), AUGMENT_STREAM), epoch), index));
    }

    /** Combines two values into a well-mixed 64-bit seed (the SplitMix64 finalizer). */
    static long mix(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
