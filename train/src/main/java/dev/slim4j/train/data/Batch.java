package dev.slim4j.train.data;

import dev.slim4j.tensor.Tensor;

/** A batch: FLOAT32 images in NCHW layout and INT64 labels of shape [N]. */
public record Batch(Tensor images, Tensor labels) {
    /** Number of examples, N. */
    public int size() { return labels.shape().dim(0); }
}
