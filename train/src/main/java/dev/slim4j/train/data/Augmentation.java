package dev.slim4j.train.data;

import java.util.SplittableRandom;

/**
 * Random augmentation of CHW images in [0, 1], before normalization: a crop of the original size
 * out of the image padded with {@code padding} zeros on each side (a shift by up to {@code padding}
 * pixels each way), then, if {@code horizontalFlip}, a mirror image with probability 1/2.
 */
public record Augmentation(int padding, boolean horizontalFlip) {
    public Augmentation {
        if (padding < 0) throw new IllegalArgumentException("padding must be >= 0, found " + padding);
    }

    /** No augmentation. */
    public static Augmentation defaults() { return new Augmentation(0, false); }

    public Augmentation withPadding(int p) { return new Augmentation(p, horizontalFlip); }

    public Augmentation withHorizontalFlip(boolean flip) { return new Augmentation(padding, flip); }

    public boolean isIdentity() { return padding == 0 && !horizontalFlip; }

    /**
     * Writes the augmented image {@code src} (channels x height x width) into {@code dst} at
     * {@code offset}, drawing the shift and the flip from {@code random}.
     */
    public void apply(float[] src, int channels, int height, int width, float[] dst, int offset,
                      SplittableRandom random) {
        int dy = padding == 0 ? 0 : random.nextInt(-padding, padding + 1);
        int dx = padding == 0 ? 0 : random.nextInt(-padding, padding + 1);
        boolean flip = horizontalFlip && random.nextBoolean();
        for (int c = 0; c < channels; c++) {
            int plane = c * height * width;
            for (int y = 0; y < height; y++) {
                int sy = y + dy;
                for (int x = 0; x < width; x++) {
                    int sx = (flip ? width - 1 - x : x) + dx;
                    boolean inside = sy >= 0 && sy < height && sx >= 0 && sx < width;
                    dst[offset + plane + y * width + x] = inside ? src[plane + sy * width + sx] : 0f;
                }
            }
        }
    }
}
