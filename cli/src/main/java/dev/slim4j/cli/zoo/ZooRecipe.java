package dev.slim4j.cli.zoo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How {@code zoo build} trains one model: epochs, batch, SGD learning rate (momentum 0.9, cosine
 * schedule), weight decay and augmentation, seed 0. The quick form trains one epoch on the first 2,000
 * training images and measures the first 1,000 test images: a stand-in for CI, not an accurate model.
 */
record ZooRecipe(String model, int epochs, int batch, double lr, double weightDecay, boolean augment) {
    static final int QUICK_TRAIN = 2000;

    static ZooRecipe of(String model) {
        return switch (model) {
            case "lenet300", "mlp500-bn" -> new ZooRecipe(model, 20, 64, 0.05, 1e-4, false);
            case "lenet5", "lenet5-bn" -> new ZooRecipe(model, 15, 64, 0.05, 5e-4, false);
            // without BatchNorm, 20 and 50 filters and a 500-wide layer diverge at 0.05 (NaN in the first epoch)
            case "lenet5-caffe" -> new ZooRecipe(model, 15, 64, 0.01, 5e-4, false);
            case "vgg-small" -> new ZooRecipe(model, 20, 128, 0.05, 5e-4, true);
            default -> new ZooRecipe(model, 30, 128, 0.1, 5e-4, true);
        };
    }

    ZooRecipe withEpochs(int e) { return new ZooRecipe(model, e, batch, lr, weightDecay, augment); }

    /** The {@code train} command line of this recipe. */
    List<String> trainArguments(String out, boolean quick, long threads) {
        List<String> a = new ArrayList<>(List.of("--model", model, "--epochs", Integer.toString(quick ? 1 : epochs),
                "--batch", Integer.toString(batch), "--lr", Double.toString(lr), "--weight-decay",
                String.format(Locale.ROOT, "%s", weightDecay), "--seed", "0", "--threads", Long.toString(threads),
                "--out", out));
        if (augment && !quick) a.add("--augment");
        if (quick) a.addAll(List.of("--limit", Integer.toString(QUICK_TRAIN)));
        return a;
    }
}
