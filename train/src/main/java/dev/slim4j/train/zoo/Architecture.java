package dev.slim4j.train.zoo;

import dev.slim4j.ir.Model;

/** A zoo model family with its widths and depths; {@link #build} makes the graph with seeded random weights. */
public sealed interface Architecture permits Mlp, LeNet, Vgg, ResNet, MobileNetV2 {
    /** Name of the graph input: [N, 1, 28, 28] FLOAT32 images. */
    String INPUT = "images";
    /** Name of the graph output: [N, classes] FLOAT32 logits. */
    String OUTPUT = "logits";

    /** The zoo name of this configuration (for example {@code resnet20}); a varied one keeps its family name. */
    String name();

    /** Number of classes the logits score. */
    int classes();

    /** The model with weights drawn from {@code seed} (He-normal, zero biases, BatchNorm scale 1, shift 0). */
    Model build(long seed);
}
