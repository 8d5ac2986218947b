package dev.slim4j.kernels;

/**
 * The tiling of one {@link WinogradConv} call: output tiles of m x m, {@code tilesH x tilesW} per image, tile
 * index {@code t = (n*tilesH + tr)*tilesW + tc} across the batch; and the per-plane input and output passes.
 * An input plane is copied into a zero-padded phase layout ({@link PaddedPlane} with stride m), from which the
 * alpha x alpha elements of every tile are gathered by whole rows of tiles; scratch is per thread and reused.
 */
final class WinogradPlan {
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[2][0]);

    private final ConvGeometry g;
    private final WinogradTransform transform;
    private final int m;
    private final int alpha;
    private final int tilesH;
    private final int tilesW;
    private final int perImage;
    private final int tiles;

    WinogradPlan(ConvGeometry g, WinogradTransform transform) {
        this.g = g;
        this.transform = transform;
        this.m = transform.m;
        this.alpha = transform.alpha;
        this.tilesH = Math.ceilDiv(g.outHeight(), m);
        this.tilesW = Math.ceilDiv(g.outWidth(), m);
        this.perImage = tilesH * tilesW;
        this.tiles = g.batch() * perImage;
    }

    /** Tiles of the whole batch: the GEMM width. */
    int tiles() {
        return tiles;
    }

    /** Tiles of one image. */
    int tilesPerImage() {
        return perImage;
    }

    /**
     * Input transform of channels {@code [from, to)} into {@code v}: the tiles of one channel in every image are
     * gathered side by side and transformed together (vectors over {@code batch * tilesPerImage} tiles).
     */
    void inputChannels(float[] x, int xOff, int from, int to, float[] v, int vOff) {
        PaddedPlane padded = PaddedPlane.forThread(tilesH * m + 2, tilesW * m + 2, m);
        float[][] scratch = scratch(alpha * alpha * tiles);
        float[] d = scratch[0];
        int inC = g.channels();
        int planeSize = g.height() * g.width();
        for (int c = from; c < to; c++) {
            for (int n = 0; n < g.batch(); n++) {
                padded.load(x, xOff + (n * inC + c) * planeSize, g.height(), g.width(), g.padTop(), g.padLeft(),
                        0f);
                gather(padded, d, n * perImage);
            }
            transform.input(d, tiles, scratch[1], v, vOff + c * tiles, inC * tiles);
        }
    }

    /** {@code d[(i*alpha + j)*tiles + at + t]} = padded element (m*tr + i, m*tc + j) of tile t = tr*tilesW + tc. */
    private void gather(PaddedPlane padded, float[] d, int at) {
        float[] data = padded.data();
        for (int i = 0; i < alpha; i++) {
            for (int j = 0; j < alpha; j++) {
                int dst = (i * alpha + j) * tiles + at;
                for (int tr = 0; tr < tilesH; tr++) {
                    System.arraycopy(data, padded.index(tr * m + i, j % m) + j / m, d, dst + tr * tilesW, tilesW);
                }
            }
        }
    }

    /** Output transform of output channels {@code [from, to)} from {@code mm} into y, all images at once. */
    void outputChannels(float[] mm, int mmOff, int from, int to, float[] bias, int biasOff, float[] y, int yOff,
                        Activation activation, float[] residual, int residualOff) {
        float[][] scratch = scratch(alpha * alpha * tiles);
        float[] out = scratch[0];
        int outC = g.outChannels();
        for (int oc = from; oc < to; oc++) {
            float b = bias == null ? 0f : bias[biasOff + oc];
            transform.output(mm, mmOff + oc * tiles, outC * tiles, tiles, scratch[1], out);
            for (int n = 0; n < g.batch(); n++) {
                scatter(out, n, n * outC + oc, b, y, yOff, activation, residual, residualOff);
            }
        }
    }

    /** Writes image n's tiles of {@code out} as output plane {@code plane}, with bias, residual and activation. */
    private void scatter(float[] out, int n, int plane, float b, float[] y, int yOff, Activation activation,
                         float[] residual, int residualOff) {
        int outH = g.outHeight();
        int outW = g.outWidth();
        for (int oh = 0; oh < outH; oh++) {
            int tr = oh / m;
            int i = oh % m;
            int at = yOff + (plane * outH + oh) * outW;
            int rAt = residualOff + (plane * outH + oh) * outW;
            for (int j = 0; j < m; j++) {
                int src = (i * m + j) * tiles + n * perImage + tr * tilesW;
                for (int tc = 0, ow = j; ow < outW; tc++, ow += m) {
                    float value = out[src + tc] + b;
                    if (residual != null) {
                        value += residual[rAt + ow];
                    }
                    y[at + ow] = value;
                }
            }
            ActivationVector.applyRange(activation, y, at, at + outW);
        }
    }

    /** This thread's two scratch arrays, each of at least {@code floats}. */
    private static float[][] scratch(int floats) {
        float[][] s = SCRATCH.get();
        if (s[0].length < floats) {
            s[0] = new float[floats];
            s[1] = new float[floats];
        }
        return s;
    }
}
