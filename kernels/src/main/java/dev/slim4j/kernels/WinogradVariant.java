package dev.slim4j.kernels;

/**
 * Winograd minimal-filtering algorithms F(m x m, 3 x 3) for 3x3 stride-1 convolutions: each output tile of
 * {@code m x m} comes from an input tile of {@code alpha x alpha} ({@code alpha = m + 2}) through
 * {@code alpha^2} element-wise products per (input channel, output channel) pair instead of {@code 9 m^2}.
 * F(2x2) interpolates at 0, 1, -1 and infinity; F(4x4) at 0, 1, -1, 2, -2 and infinity.
 */
public enum WinogradVariant {
    F2X2_3X3(2),
    F4X4_3X3(4);

    private final int outputTile;

    WinogradVariant(int outputTile) {
        this.outputTile = outputTile;
    }

    /** m: output tile side. */
    public int outputTile() {
        return outputTile;
    }

    /** alpha = m + 2: input tile side. */
    public int inputTile() {
        return outputTile + 2;
    }

    /** alpha^2: products per output tile and channel pair (the number of batched GEMMs). */
    public int transformPoints() {
        return inputTile() * inputTile();
    }

    /** 9 m^2: products per output tile and channel pair of direct convolution. */
    public int directMultiplications() {
        return 9 * outputTile * outputTile;
    }
}
