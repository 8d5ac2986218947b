package dev.slim4j.train.data;

import dev.slim4j.tensor.Tensor;

/** One labelled example: a FLOAT32 image in CHW layout with values in [0, 1], and its class index. */
public record Example(Tensor image, int label) {}
