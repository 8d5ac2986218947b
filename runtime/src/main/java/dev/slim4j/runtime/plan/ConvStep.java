package dev.slim4j.runtime.plan;

import dev.slim4j.kernels.Activation;
import dev.slim4j.kernels.ConvGeometry;
import dev.slim4j.kernels.Epilogue;
import dev.slim4j.kernels.Gemm;
import dev.slim4j.kernels.Parallelism;
import java.util.Arrays;

/**
 * Convolution as im2col (skipped for pointwise) + GEMM per image and group, with bias, residual and activation
 * in the GEMM epilogue. With several images and threads, images are split between workers (each with its own
 * scratch and a serial GEMM); otherwise the GEMM itself runs in parallel. Scratch lives in the arena.
 */
final class ConvStep implements Step {
    private final ConvGeometry g;
    private final Gemm gemm;
    private final float[] w;
    private final float[] bias;
    private final Activation activation;
    private final Operand x;
    private final Operand y;
    private final Operand residual;
    private final ArenaBuffer scratch;
    private final Workers workers;
    private final boolean perImage;
    private final Epilogue[] groupEpilogues;

    ConvStep(ConvGeometry g, Gemm gemm, float[] w, float[] bias, Activation activation, Operand x, Operand y,
             Operand residual, ArenaBuffer scratch, Workers workers) {
        this.g = g;
        this.gemm = gemm;
        this.w = w;
        this.bias = bias;
        this.activation = activation;
        this.x = x;
        this.y = y;
        this.residual = residual;
        this.scratch = scratch;
        this.workers = workers;
        this.perImage = perImage(g, workers.threads());
        this.groupEpilogues = new Epilogue[g.groups()];
        for (int group = 0; group < g.groups(); group++) {
            Epilogue e = bias == null ? Epilogue.none() : Epilogue.rowBias(bias, group * g.groupOutChannels());
            groupEpilogues[group] = e.withActivation(activation);
        }
    }

    /** Whether images are split between workers (enough images for every thread). */
    static boolean perImage(ConvGeometry g, int threads) {
        return threads > 1 && g.batch() >= threads;
    }

    /** Scratch floats: one unfolded patch matrix per worker that may unfold at the same time. */
    static long scratchFloats(ConvGeometry g, int threads) {
        if (g.pointwise()) return 0;
        long columns = (long) g.patchSize() * g.outHeight() * g.outWidth();
        return columns * (perImage(g, threads) ? threads : 1);
    }

    @Override public void run(Frame f) {
        float[] xa = x.array(f);
        int xo = x.offset(f);
        float[] ya = y.array(f);
        int yo = y.offset(f);
        float[] ra = residual == null ? null : residual.array(f);
        int ro = residual == null ? 0 : residual.offset(f);
        if (perImage) {
            workers.forRanges(g.batch(), (part, from, to) -> images(f, part, from, to, xa, xo, ya, yo, ra, ro,
                    Parallelism.serial()));
        } else {
            images(f, 0, 0, g.batch(), xa, xo, ya, yo, ra, ro, workers.parallelism());
        }
    }

    private void images(Frame f, int part, int from, int to, float[] xa, int xo, float[] ya, int yo, float[] ra,
                        int ro, Parallelism par) {
        int spatial = g.outHeight() * g.outWidth();
        int k = g.patchSize();
        int mg = g.groupOutChannels();
        int scratchOff = scratch == null ? 0 : scratch.offset + part * k * spatial;
        for (int n = from; n < to; n++) {
            for (int group = 0; group < g.groups(); group++) {
                int xGroup = xo + (n * g.channels() + group * g.groupChannels()) * g.height() * g.width();
                int yRel = (n * g.outChannels() + group * mg) * spatial;
                Epilogue e = groupEpilogues[group];
                if (ra != null) e = e.withResidual(ra, ro + yRel, spatial);
                float[] b = xa;
                int bOff = xGroup;
                if (!g.pointwise()) {
                    unfold(xa, xGroup, f.arena, scratchOff);
                    b = f.arena;
                    bOff = scratchOff;
                }
                gemm.sgemm(false, false, mg, spatial, k, 1f, w, group * mg * k, k, b, bOff, spatial,
                        0f, ya, yo + yRel, spatial, e, par);
            }
        }
    }

    /** im2col of one group of one image: row {@code (c*kH + kh)*kW + kw}, column {@code oh*outW + ow}. */
    private void unfold(float[] xa, int xGroup, float[] cols, int colOff) {
        int outH = g.outHeight();
        int outW = g.outWidth();
        int row = 0;
        for (int c = 0; c < g.groupChannels(); c++) {
            int plane = xGroup + c * g.height() * g.width();
            for (int kh = 0; kh < g.kernelH(); kh++) {
                for (int kw = 0; kw < g.kernelW(); kw++) {
                    int dst = colOff + row * outH * outW;
                    for (int oh = 0; oh < outH; oh++) {
                        int ih = oh * g.strideH() - g.padTop() + kh * g.dilationH();
                        unfoldRow(xa, plane, ih, kw, cols, dst + oh * outW, outW);
                    }
                    row++;
                }
            }
        }
    }

    private void unfoldRow(float[] xa, int plane, int ih, int kw, float[] cols, int dst, int outW) {
        if (ih < 0 || ih >= g.height()) {
            Arrays.fill(cols, dst, dst + outW, 0f);
            return;
        }
        int src = plane + ih * g.width();
        int shift = kw * g.dilationW() - g.padLeft();
        int sw = g.strideW();
        int lo = Math.max(0, ceilDiv(-shift, sw));
        int hi = Math.min(outW, ceilDiv(g.width() - shift, sw));
        if (hi <= lo) {
            Arrays.fill(cols, dst, dst + outW, 0f);
            return;
        }
        Arrays.fill(cols, dst, dst + lo, 0f);
        if (sw == 1) {
            System.arraycopy(xa, src + lo + shift, cols, dst + lo, hi - lo);
        } else {
            for (int ow = lo; ow < hi; ow++) cols[dst + ow] = xa[src + ow * sw + shift];
        }
        Arrays.fill(cols, dst + hi, dst + outW, 0f);
    }

    private static int ceilDiv(int a, int b) {
        return Math.ceilDiv(a, b);
    }
}
