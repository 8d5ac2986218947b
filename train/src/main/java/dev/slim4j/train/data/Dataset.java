package dev.slim4j.train.data;

import dev.slim4j.tensor.Shape;

/** A fixed, indexed collection of labelled images for classification. */
public interface Dataset {
    /** Number of examples. */
    int size();

    /** Number of classes; labels lie in 0..classCount()-1. */
    int classCount();

    /** Shape of one example's image, CHW. */
    Shape exampleShape();

    /** Example {@code index} (0..size()-1), its image scaled to [0, 1]. */
    Example get(int index);

    /** The label of example {@code index}, without building its image. */
    default int label(int index) {
        return get(index).label();
    }

    /** The first {@code count} examples (all of them when there are fewer), as a view. */
    default Dataset limit(int count) {
        if (count < 1) throw new IllegalArgumentException("a data set limit must be >= 1, found " + count);
        return count >= size() ? this : new DatasetPrefix(this, count);
    }
}
