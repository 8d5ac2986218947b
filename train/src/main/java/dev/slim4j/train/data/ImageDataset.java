package dev.slim4j.train.data;

import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.Arrays;
import java.util.Objects;

/**
 * Images of unsigned bytes with byte labels, held once in memory as they came from the files;
 * each {@link #get} converts one example to floats in [0, 1].
 */
public final class ImageDataset implements Dataset {
    private final String name;
    private final byte[] pixels;
    private final byte[] labels;
    private final Shape exampleShape;
    private final int exampleSize;
    private final int classCount;

    private ImageDataset(String name, byte[] pixels, byte[] labels, Shape exampleShape, int classCount) {
        this.name = name;
        this.pixels = pixels;
        this.labels = labels;
        this.exampleShape = exampleShape;
        this.exampleSize = exampleShape.intSize();
        this.classCount = classCount;
    }

    /**
     * A data set of single-channel images from an IDX array of rank 3 (count, height, width) and
     * labels of rank 1 (count); every label must lie in 0..classCount-1.
     */
    public static ImageDataset fromIdx(String name, IdxArray images, IdxArray labels, int classCount) {
        Objects.requireNonNull(name, "name");
        images.requireRank(3, "images of " + name);
        labels.requireRank(1, "labels of " + name);
        if (images.dim(0) != labels.dim(0)) {
            throw new IdxFormatException(name + ": expected as many labels as images (" + images.dim(0)
                    + "), found " + labels.dim(0));
        }
        if (classCount < 1) throw new IllegalArgumentException("classCount must be positive, found " + classCount);
        checkLabels(name, labels.data(), classCount);
        Shape shape = Shape.of(1, images.dim(1), images.dim(2));
        return new ImageDataset(name, images.data(), labels.data(), shape, classCount);
    }

    private static void checkLabels(String name, byte[] labels, int classCount) {
        for (int i = 0; i < labels.length; i++) {
            int l = labels[i] & 0xFF;
            if (l >= classCount) {
                throw new IdxFormatException(name + ": label " + i + " is " + l + ", expected 0.."
                        + (classCount - 1));
            }
        }
    }

    public String name() { return name; }

    @Override public int size() { return labels.length; }

    @Override public int classCount() { return classCount; }

    @Override public Shape exampleShape() { return exampleShape; }

    @Override public Example get(int index) {
        Objects.checkIndex(index, labels.length);
        float[] image = new float[exampleSize];
        int base = index * exampleSize;
        for (int i = 0; i < exampleSize; i++) image[i] = (pixels[base + i] & 0xFF) / 255f;
        return new Example(Tensor.ofFloats(exampleShape, image), labels[index] & 0xFF);
    }

    @Override public int label(int index) {
        Objects.checkIndex(index, labels.length);
        return labels[index] & 0xFF;
    }

    /** Number of examples of each class. */
    public int[] classCounts() {
        int[] counts = new int[classCount];
        for (byte l : labels) counts[l & 0xFF]++;
        return counts;
    }

    @Override public String toString() {
        return name + "[" + size() + " x " + Arrays.toString(exampleShape.toArray()) + ", " + classCount + " classes]";
    }
}
