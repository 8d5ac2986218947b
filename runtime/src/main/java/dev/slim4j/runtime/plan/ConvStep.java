package dev.slim4j.runtime.plan;

import dev.slim4j.kernels.Activation;
import dev.slim4j.kernels.ConvGeometry;
import dev.slim4j.kernels.Epilogue;
import dev.slim4j.kernels.Gemm;
import dev.slim4j.kernels.Im2col;
import dev.slim4j.kernels.Parallelism;

/**
 * Convolution as im2col ({@link Im2col}, a cache-sized band of output rows at a time; skipped for pointwise) +
 * GEMM per image, group and band, with bias, residual and activation in the GEMM epilogue. With several images and threads, images are split between workers (each with its own
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

    /** Scratch floats: one unfolded band ({@link Im2col#bandFloats}) per worker that may unfold at the same time. */
    static long scratchFloats(ConvGeometry g, int threads) {
        if (g.pointwise()) return 0;
        return (long) Im2col.bandFloats(g) * (perImage(g, threads) ? threads : 1);
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
        int band = Im2col.bandRows(g);
        int scratchOff = scratch == null ? 0 : scratch.offset + part * Im2col.bandFloats(g);
        for (int n = from; n < to; n++) {
            for (int group = 0; group < g.groups(); group++) {
                int xGroup = xo + (n * g.channels() + group * g.groupChannels()) * g.height() * g.width();
                int yRel = (n * g.outChannels() + group * mg) * spatial;
                Epilogue e = groupEpilogues[group];
                if (g.pointwise()) {
                    Epilogue pe = ra == null ? e : e.withResidual(ra, ro + yRel, spatial);
                    gemm.sgemm(false, false, mg, spatial, k, 1f, w, group * mg * k, k, xa, xGroup, spatial,
                            0f, ya, yo + yRel, spatial, pe, par);
                    continue;
                }
                for (int oh0 = 0; oh0 < g.outHeight(); oh0 += band) {
                    int oh1 = Math.min(g.outHeight(), oh0 + band);
                    int cols = (oh1 - oh0) * g.outWidth();
                    int shift = oh0 * g.outWidth();
                    Epilogue be = ra == null ? e : e.withResidual(ra, ro + yRel + shift, spatial);
                    Im2col.unfold(g, xa, xGroup, oh0, oh1, f.arena, scratchOff);
                    gemm.sgemm(false, false, mg, cols, k, 1f, w, group * mg * k, k, f.arena, scratchOff, cols,
                            0f, ya, yo + yRel + shift, spatial, be, par);
                }
            }
        }
    }
}
