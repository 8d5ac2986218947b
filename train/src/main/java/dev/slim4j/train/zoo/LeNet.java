package dev.slim4j.train.zoo;

import dev.slim4j.ir.Model;
import java.util.List;

/**
 * LeNet-style convolutional nets: per entry of {@code convs} a 5x5 convolution (the first padded by
 * {@code firstPad}), optionally BatchNorm, optionally ReLU, then 2x2 max pooling; then the flattened
 * features go through the hidden {@code fcs} (ReLU) to the classifier. With BatchNorm the convolutions
 * have no bias.
 */
public record LeNet(String name, List<Integer> convs, int firstPad, boolean convRelu, List<Integer> fcs,
                    boolean batchNorm, int classes) implements Architecture {
    static final int KERNEL = 5;

    public LeNet {
        convs = List.copyOf(convs);
        fcs = List.copyOf(fcs);
        Layers.requirePositive("conv widths", convs);
        Layers.requirePositive("fc widths", fcs);
        Layers.requirePositive("classes", classes);
        if (firstPad < 0) throw new IllegalArgumentException("firstPad must be >= 0, found " + firstPad);
        if (side(convs.size(), firstPad) < 1) {
            throw new IllegalArgumentException(convs.size() + " conv+pool stages leave no pixels of a 28x28 image");
        }
    }

    /** The classic LeNet-5 form with ReLU and max pooling: conv 6 (pad 2), conv 16, fc 120, fc 84. */
    public static LeNet lenet5() { return new LeNet("lenet5", List.of(6, 16), 2, true, List.of(120, 84), false, 10); }

    /** {@link #lenet5()} with BatchNorm after each convolution. */
    public static LeNet lenet5bn() { return lenet5().withName("lenet5-bn").withBatchNorm(true); }

    /** Caffe's LeNet as used by Deep Compression: conv 20, conv 50 (no activation), fc 500, fc 10. */
    public static LeNet lenet5caffe() { return new LeNet("lenet5-caffe", List.of(20, 50), 0, false, List.of(500), false, 10); }

    public LeNet withName(String n) { return new LeNet(n, convs, firstPad, convRelu, fcs, batchNorm, classes); }

    public LeNet withConvs(List<Integer> c) { return new LeNet(name, c, firstPad, convRelu, fcs, batchNorm, classes); }

    public LeNet withFcs(List<Integer> f) { return new LeNet(name, convs, firstPad, convRelu, f, batchNorm, classes); }

    public LeNet withBatchNorm(boolean bn) { return new LeNet(name, convs, firstPad, convRelu, fcs, bn, classes); }

    public LeNet withClasses(int c) { return new LeNet(name, convs, firstPad, convRelu, fcs, batchNorm, c); }

    @Override public Model build(long seed) {
        Layers l = new Layers(name, seed);
        String x = l.images();
        int in = 1;
        for (int i = 0; i < convs.size(); i++) {
            int out = convs.get(i);
            x = l.conv(x, in, out, KERNEL, 1, i == 0 ? firstPad : 0, 1, !batchNorm);
            if (batchNorm) x = l.batchNorm(x, out);
            if (convRelu) x = l.relu(x);
            x = l.builder().maxPool(x, 2, 2, 0);
            in = out;
        }
        int side = side(convs.size(), firstPad);
        x = l.builder().flatten(x, 1);
        in = in * side * side;
        for (int width : fcs) {
            x = l.relu(l.linear(x, in, width, true));
            in = width;
        }
        return l.finish(l.classifier(x, in, classes));
    }

    /** The feature map side after {@code stages} conv (5x5) + pool (2x2) stages on 28x28. */
    private static int side(int stages, int firstPad) {
        int s = 28;
        for (int i = 0; i < stages; i++) {
            s = (s + 2 * (i == 0 ? firstPad : 0) - KERNEL + 1) / 2;
            if (s < 1) return 0;
        }
        return s;
    }
}
