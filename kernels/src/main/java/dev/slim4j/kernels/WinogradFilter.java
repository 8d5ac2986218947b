package dev.slim4j.kernels;

import java.util.List;
import java.util.Objects;

/**
 * Filters already in the Winograd domain ({@link WinogradConv#prepare}), to be computed once and cached:
 * {@code data[(xi * outChannels + oc) * channels + c]} is point {@code xi} of {@code G g G^T} for filter
 * (oc, c); {@code points}, when present, the same points prepared as GEMM left operands. Treat the array as
 * read-only.
 */
public record WinogradFilter(WinogradVariant variant, int outChannels, int channels, float[] data,
                             List<PreparedLeft> points) {

    /** Filters without prepared GEMM operands (each product then packs its point). */
    public WinogradFilter(WinogradVariant variant, int outChannels, int channels, float[] data) {
        this(variant, outChannels, channels, data, List.of());
    }

    public WinogradFilter {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(data, "data");
        long expected = (long) variant.transformPoints() * outChannels * channels;
        if (outChannels < 1 || channels < 1 || data.length != expected) {
            throw new IllegalArgumentException("expected " + variant + " filters of " + outChannels + " x "
                    + channels + " (" + expected + " floats), found float[" + data.length + "]");
        }
        points = List.copyOf(points);
        if (!points.isEmpty() && points.size() != variant.transformPoints()) {
            throw new IllegalArgumentException("expected " + variant.transformPoints() + " prepared points, found "
                    + points.size());
        }
    }
}
