package dev.slim4j.train.zoo;

import dev.slim4j.ir.Model;
import java.util.List;

/**
 * The CIFAR-style ResNet of He et al. (2016) for 28x28 images: a 3x3 stem to {@code widths[0]}, then
 * per width a stage of {@code blocksPerStage} basic blocks (two 3x3 conv + BatchNorm, ReLU, identity
 * shortcut), every stage after the first starting with stride 2 and a 1x1 conv + BatchNorm shortcut;
 * global average pooling and the classifier. Depth = 2 * blocks * stages + 2 (20 for 3 blocks of 16/32/64).
 */
public record ResNet(String name, List<Integer> widths, int blocksPerStage, int classes) implements Architecture {
    public ResNet {
        widths = List.copyOf(widths);
        Layers.requirePositive("widths", widths);
        Layers.requirePositive("blocksPerStage", blocksPerStage);
        Layers.requirePositive("classes", classes);
        if (widths.isEmpty() || widths.size() > 4) {
            throw new IllegalArgumentException("expected 1 to 4 stage widths, found " + widths);
        }
    }

    /** ResNet-20: widths 16/32/64, 3 blocks per stage. */
    public static ResNet resnet20() { return new ResNet("resnet20", List.of(16, 32, 64), 3, 10); }

    /** The number of weight layers: 2 per block plus the stem and the classifier. */
    public int depth() { return 2 * blocksPerStage * widths.size() + 2; }

    /** The same widths with {@code depth} weight layers (depth = 6n + 2 for three stages: 20, 32, 44, 56...). */
    public ResNet withDepth(int depth) {
        int perBlock = 2 * widths.size();
        if (depth < perBlock + 2 || (depth - 2) % perBlock != 0) {
            throw new IllegalArgumentException("depth of a " + widths.size() + "-stage ResNet must be "
                    + perBlock + "n + 2 with n >= 1, found " + depth);
        }
        return new ResNet(name, widths, (depth - 2) / perBlock, classes);
    }

    public ResNet withWidths(List<Integer> w) { return new ResNet(name, w, blocksPerStage, classes); }

    public ResNet withClasses(int c) { return new ResNet(name, widths, blocksPerStage, c); }

    @Override public Model build(long seed) {
        Layers l = new Layers(name, seed);
        int in = widths.getFirst();
        String x = l.relu(l.batchNorm(l.conv(l.images(), 1, in, 3, 1, 1, 1, false), in));
        for (int s = 0; s < widths.size(); s++) {
            int out = widths.get(s);
            for (int b = 0; b < blocksPerStage; b++) {
                x = block(l, x, in, out, s > 0 && b == 0 ? 2 : 1);
                in = out;
            }
        }
        x = l.builder().flatten(l.builder().globalAveragePool(x), 1);
        return l.finish(l.classifier(x, in, classes));
    }

    private static String block(Layers l, String x, int in, int out, int stride) {
        String y = l.relu(l.batchNorm(l.conv(x, in, out, 3, stride, 1, 1, false), out));
        y = l.batchNorm(l.conv(y, out, out, 3, 1, 1, 1, false), out);
        String shortcut = stride == 1 && in == out ? x : l.batchNorm(l.conv(x, in, out, 1, stride, 0, 1, false), out);
        return l.relu(l.builder().add(y, shortcut));
    }
}
