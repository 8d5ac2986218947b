package dev.slim4j.train.zoo;

import dev.slim4j.ir.Model;
import java.util.List;

/**
 * A multilayer perceptron on the flattened image: 784 -> hidden... -> classes, ReLU between layers,
 * with BatchNorm after every hidden layer when {@code batchNorm} (then the hidden layers have no bias).
 */
public record Mlp(String name, List<Integer> hidden, boolean batchNorm, int classes) implements Architecture {
    public Mlp {
        hidden = List.copyOf(hidden);
        Layers.requirePositive("hidden widths", hidden);
        Layers.requirePositive("classes", classes);
    }

    /** LeNet-300-100 (LeCun et al., 1998): 784-300-100-10. */
    public static Mlp lenet300() { return new Mlp("lenet300", List.of(300, 100), false, 10); }

    /** Network Slimming's MNIST net (Liu et al., 2017): 784-500-300-10 with BatchNorm. */
    public static Mlp mlp500bn() { return new Mlp("mlp500-bn", List.of(500, 300), true, 10); }

    public Mlp withHidden(List<Integer> widths) { return new Mlp(name, widths, batchNorm, classes); }

    public Mlp withBatchNorm(boolean bn) { return new Mlp(name, hidden, bn, classes); }

    public Mlp withClasses(int c) { return new Mlp(name, hidden, batchNorm, c); }

    @Override public Model build(long seed) {
        Layers l = new Layers(name, seed);
        String x = l.builder().flatten(l.images(), 1);
        int in = 28 * 28;
        for (int width : hidden) {
            x = l.linear(x, in, width, !batchNorm);
            if (batchNorm) x = l.batchNorm(x, width);
            x = l.relu(x);
            in = width;
        }
        return l.finish(l.classifier(x, in, classes));
    }
}
