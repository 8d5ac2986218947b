package dev.slim4j.train.zoo;

import dev.slim4j.ir.Model;
import java.util.List;

/**
 * A small VGG with BatchNorm: {@code features} lists 3x3 convolutions by width (padding 1, no bias,
 * BatchNorm, ReLU), {@link #POOL} marking a 2x2 max pool; the flattened features go through the
 * hidden {@code classifier} layers (BatchNorm, ReLU) to the logits.
 */
public record Vgg(String name, List<Integer> features, List<Integer> classifier, int classes) implements Architecture {
    /** The marker of a max-pool stage in {@link #features}. */
    public static final int POOL = 0;

    public Vgg {
        features = List.copyOf(features);
        classifier = List.copyOf(classifier);
        Layers.requirePositive("classifier widths", classifier);
        Layers.requirePositive("classes", classes);
        if (features.stream().anyMatch(f -> f < 0) || features.stream().noneMatch(f -> f > 0)) {
            throw new IllegalArgumentException("features must hold conv widths (> 0) and pools (0), found " + features);
        }
        if (28 >> features.stream().filter(f -> f == POOL).count() < 1) {
            throw new IllegalArgumentException("too many pools for a 28x28 image: " + features);
        }
    }

    /** 32-32-pool-64-64-pool-128-128-pool (28 -> 3), then 256 and the classifier. */
    public static Vgg small() {
        return new Vgg("vgg-small", List.of(32, 32, POOL, 64, 64, POOL, 128, 128, POOL), List.of(256), 10);
    }

    public Vgg withFeatures(List<Integer> f) { return new Vgg(name, f, classifier, classes); }

    public Vgg withClassifier(List<Integer> c) { return new Vgg(name, features, c, classes); }

    public Vgg withClasses(int c) { return new Vgg(name, features, classifier, c); }

    @Override public Model build(long seed) {
        Layers l = new Layers(name, seed);
        String x = l.images();
        int in = 1;
        int side = 28;
        for (int f : features) {
            if (f == POOL) {
                x = l.builder().maxPool(x, 2, 2, 0);
                side /= 2;
            } else {
                x = l.relu(l.batchNorm(l.conv(x, in, f, 3, 1, 1, 1, false), f));
                in = f;
            }
        }
        x = l.builder().flatten(x, 1);
        in = in * side * side;
        for (int width : classifier) {
            x = l.relu(l.batchNorm(l.linear(x, in, width, false), width));
            in = width;
        }
        return l.finish(l.classifier(x, in, classes));
    }
}
