package dev.slim4j.train.zoo;

import dev.slim4j.ir.Model;
import java.util.List;

/**
 * MobileNetV2 (Sandler et al., 2018) sized for 28x28 images: a 3x3 stem (BatchNorm, ReLU6), then per
 * {@link Stage} {@code repeats} inverted residual blocks (1x1 expansion by {@code expansion} unless it is 1,
 * 3x3 depthwise with the stage stride on its first block, linear 1x1 projection, each with BatchNorm;
 * ReLU6 after the first two; a residual Add when the block keeps shape), a 1x1 conv to {@code lastChannels}
 * (BatchNorm, ReLU6), global average pooling and the classifier. No convolution has a bias.
 */
public record MobileNetV2(String name, int stem, List<Stage> stages, int lastChannels, int classes)
        implements Architecture {
    /** One group of inverted residual blocks: expansion factor t, output channels c, repeats n, first stride s. */
    public record Stage(int expansion, int channels, int repeats, int stride) {
        public Stage {
            if (expansion < 1 || channels < 1 || repeats < 1 || stride < 1 || stride > 2) {
                throw new IllegalArgumentException("expected expansion, channels, repeats >= 1 and stride 1 or 2, found t="
                        + expansion + " c=" + channels + " n=" + repeats + " s=" + stride);
            }
        }
    }

    public MobileNetV2 {
        stages = List.copyOf(stages);
        Layers.requirePositive("stem", stem);
        Layers.requirePositive("lastChannels", lastChannels);
        Layers.requirePositive("classes", classes);
        if (stages.isEmpty()) throw new IllegalArgumentException("expected at least one stage");
    }

    /** Stem 16; (t, c, n, s) = (1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 2, 1); last 1x1 to 256. */
    public static MobileNetV2 small() {
        return new MobileNetV2("mobilenetv2", 16, List.of(new Stage(1, 16, 1, 1), new Stage(6, 24, 2, 2),
                new Stage(6, 32, 3, 2), new Stage(6, 64, 2, 1)), 256, 10);
    }

    public MobileNetV2 withStem(int s) { return new MobileNetV2(name, s, stages, lastChannels, classes); }

    public MobileNetV2 withStages(List<Stage> s) { return new MobileNetV2(name, stem, s, lastChannels, classes); }

    public MobileNetV2 withLastChannels(int c) { return new MobileNetV2(name, stem, stages, c, classes); }

    public MobileNetV2 withClasses(int c) { return new MobileNetV2(name, stem, stages, lastChannels, c); }

    @Override public Model build(long seed) {
        Layers l = new Layers(name, seed);
        String x = l.relu6(l.batchNorm(l.conv(l.images(), 1, stem, 3, 1, 1, 1, false), stem));
        int in = stem;
        for (Stage s : stages) {
            for (int r = 0; r < s.repeats(); r++) {
                x = invertedResidual(l, x, in, s.channels(), s.expansion(), r == 0 ? s.stride() : 1);
                in = s.channels();
            }
        }
        x = l.relu6(l.batchNorm(l.conv(x, in, lastChannels, 1, 1, 0, 1, false), lastChannels));
        x = l.builder().flatten(l.builder().globalAveragePool(x), 1);
        return l.finish(l.classifier(x, lastChannels, classes));
    }

    private static String invertedResidual(Layers l, String x, int in, int out, int t, int stride) {
        int hidden = in * t;
        String y = x;
        if (t != 1) y = l.relu6(l.batchNorm(l.conv(y, in, hidden, 1, 1, 0, 1, false), hidden));
        y = l.relu6(l.batchNorm(l.conv(y, hidden, hidden, 3, stride, 1, hidden, false), hidden));
        y = l.batchNorm(l.conv(y, hidden, out, 1, 1, 0, 1, false), out);
        return stride == 1 && in == out ? l.builder().add(y, x) : y;
    }
}
