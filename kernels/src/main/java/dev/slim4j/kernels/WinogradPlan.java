package dev.slim4j.kernels;

import java.util.Arrays;

/**
 * The tiling of one {@link WinogradConv} call: output tiles of m x m, {@code tilesH x tilesW} per image, tile
 * index {@code t = (n*tilesH + tr)*tilesW + tc} across the batch; and the per-plane input and output passes.
 */
final class WinogradPlan {
    private final ConvGeometry g;
    private final WinogradTransform transform;
    private final int m;
    private final int alpha;
    private final int tilesH;
    private final int tilesW;
    private final int tiles;
    private final int pw;

    WinogradPlan(ConvGeometry g, WinogradTransform transform) {
        this.g = g;
        this.transform = transform;
        this.m = transform.m;
        this.alpha = transform.alpha;
        this.tilesH = Math.ceilDiv(g.outHeight(), m);
        this.tilesW = Math.ceilDiv(g.outWidth(), m);
        this.tiles = g.batch() * tilesH * tilesW;
        this.pw = tilesW + 1;
    }

    /** Tiles of the whole batch: the GEMM width. */
    int tiles() {
        return tiles;
    }

    /** Input transform of planes {@code [from, to)} (plane = n*channels + c) into {@code v}. */
    void inputPlanes(float[] x, int xOff, int from, int to, float[] v) {
        int rowFloats = m * pw;
        float[] padded = new float[(tilesH * m + 2) * rowFloats];
        float[] scratch = new float[alpha * rowFloats];
        int inC = g.channels();
        for (int plane = from; plane < to; plane++) {
            int n = plane / inC;
            int c = plane % inC;
            pad(x, xOff + plane * g.height() * g.width(), padded);
            for (int tr = 0; tr < tilesH; tr++) {
                int vOff = c * tiles + (n * tilesH + tr) * tilesW;
                transform.input(padded, tr * m * rowFloats, pw, tilesW, scratch, v, vOff, inC * tiles);
            }
        }
    }

    /** Copies one input plane into the zero-padded, phase-major layout: (row r, column m*u + q) at [r][q][u]. */
    private void pad(float[] x, int planeOff, float[] padded) {
        Arrays.fill(padded, 0f);
        int rowFloats = m * pw;
        for (int ih = 0; ih < g.height(); ih++) {
            int dst = (ih + g.padTop()) * rowFloats;
            int src = planeOff + ih * g.width();
            for (int iw = 0; iw < g.width(); iw++) {
                int col = iw + g.padLeft();
                padded[dst + (col % m) * pw + col / m] = x[src + iw];
            }
        }
    }

    /** Output transform of planes {@code [from, to)} (plane = n*outChannels + oc) from {@code mm} into y. */
    void outputPlanes(float[] mm, int from, int to, float[] bias, int biasOff, float[] y, int yOff,
                      Activation activation, float[] residual, int residualOff) {
        float[] scratch = new float[m * alpha * pw];
        float[] out = new float[m * m * pw];
        int outC = g.outChannels();
        int outH = g.outHeight();
        int outW = g.outWidth();
        for (int plane = from; plane < to; plane++) {
            int n = plane / outC;
            int oc = plane % outC;
            float b = bias == null ? 0f : bias[biasOff + oc];
            for (int tr = 0; tr < tilesH; tr++) {
                int mOff = oc * tiles + (n * tilesH + tr) * tilesW;
                transform.output(mm, mOff, outC * tiles, tilesW, scratch, out, pw);
                for (int i = 0; i < m && tr * m + i < outH; i++) {
                    int at = (plane * outH + tr * m + i) * outW;
                    for (int ow = 0; ow < outW; ow++) {
                        float value = out[(i * m + ow % m) * pw + ow / m] + b;
                        if (residual != null) {
                            value += residual[residualOff + at + ow];
                        }
                        y[yOff + at + ow] = activation.apply(value);
                    }
                }
            }
        }
    }
}
