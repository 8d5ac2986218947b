package dev.slim4j.kernels;

import java.util.Objects;

/**
 * Filters packed for {@link DirectConv} and one geometry ({@link DirectConv#prepare}), to be computed once:
 * output channels in blocks of {@link DirectConv#ROWS}, and within a block tap k's weights for the block's
 * channels side by side, {@code data[(block * patchSize + k) * ROWS + r]} (zero for channels past
 * {@code outChannels}); with them the input layout of that geometry.
 */
public final class DirectConvFilter {
    private final ConvGeometry geometry;
    private final DirectConvLayout layout;
    private final float[] data;

    DirectConvFilter(ConvGeometry geometry, DirectConvLayout layout, float[] data) {
        this.geometry = Objects.requireNonNull(geometry, "geometry");
        this.layout = Objects.requireNonNull(layout, "layout");
        long expected = (long) Math.ceilDiv(geometry.outChannels(), DirectConv.ROWS) * DirectConv.ROWS
                * geometry.patchSize();
        if (data.length != expected) {
            throw new IllegalArgumentException("expected packed filters of " + expected + " floats, found float["
                    + data.length + "]");
        }
        this.data = data;
    }

    public ConvGeometry geometry() {
        return geometry;
    }

    DirectConvLayout layout() {
        return layout;
    }

    float[] data() {
        return data;
    }

    int blocks() {
        return Math.ceilDiv(geometry.outChannels(), DirectConv.ROWS);
    }
}
