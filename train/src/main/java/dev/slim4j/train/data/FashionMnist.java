package dev.slim4j.train.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017): 28x28 grey images of clothing in 10 classes,
 * 60,000 for training and 10,000 for testing. By default read from the folder of the Debian package
 * {@code dataset-fashion-mnist}.
 */
public final class FashionMnist {
    /** Where the Debian package {@code dataset-fashion-mnist} installs the files. */
    public static final Path DEFAULT_DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    /** Mean of the training images' pixels scaled to [0, 1]. */
    public static final double TRAIN_MEAN = 0.2860;
    /** Standard deviation of the training images' pixels scaled to [0, 1]. */
    public static final double TRAIN_STD = 0.3530;

    private FashionMnist() {}

    public static ImageDataset train() { return train(DEFAULT_DIRECTORY); }

    public static ImageDataset test() { return test(DEFAULT_DIRECTORY); }

    public static ImageDataset train(Path directory) { return load(directory, "train"); }

    public static ImageDataset test(Path directory) { return load(directory, "t10k"); }

    private static ImageDataset load(Path directory, String prefix) {
        Path images = locate(directory, prefix + "-images-idx3-ubyte");
        Path labels = locate(directory, prefix + "-labels-idx1-ubyte");
        return ImageDataset.fromIdx("fashion-mnist/" + prefix, IdxReader.readImages(images),
                IdxReader.readLabels(labels), CLASS_NAMES.size());
    }

    /** The gzip file, or else the uncompressed one, or a clear error saying how to install them. */
    private static Path locate(Path directory, String baseName) {
        Path gz = directory.resolve(baseName + ".gz");
        if (Files.isRegularFile(gz)) return gz;
        Path plain = directory.resolve(baseName);
        if (Files.isRegularFile(plain)) return plain;
        throw new DatasetNotFoundException("Fashion-MNIST file " + gz + " (or " + plain + ") not found; "
                + "install the Debian package dataset-fashion-mnist (apt-get install dataset-fashion-mnist) "
                + "or pass the folder holding the four *-ubyte.gz files");
    }
}
