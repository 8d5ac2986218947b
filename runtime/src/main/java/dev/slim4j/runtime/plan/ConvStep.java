package dev.slim4j.runtime.plan;

import dev.slim4j.kernels.Activation;
import dev.slim4j.kernels.ConvGeometry;
import dev.slim4j.kernels.Epilogue;
import dev.slim4j.kernels.Gemm;
import dev.slim4j.kernels.Im2col;
import dev.slim4j.kernels.Parallelism;
import dev.slim4j.kernels.PreparedLeft;

/**
 * Convolution as im2col ({@link Im2col}, a cache-sized band of output rows at a time; skipped for pointwise) +
 * GEMM per image, group and band (filters packed once), with bias, residual and activation in the GEMM epilogue. With several images and threads, images are split between workers (each with its own
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
    /** Several small images side by side in one GEMM (then copied out to NCHW), else one GEMM per image. */
    private final boolean blocked;
    private final Epilogue[] groupEpilogues;
    /** Each group's filters packed once as the GEMM's left operand (weights are constant). */
    private final PreparedLeft[] groupWeights;

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
        this.blocked = blocked(g, residual != null);
        this.groupEpilogues = new Epilogue[g.groups()];
        this.groupWeights = new PreparedLeft[g.groups()];
        for (int group = 0; group < g.groups(); group++) {
            Epilogue e = bias == null ? Epilogue.none() : Epilogue.rowBias(bias, group * g.groupOutChannels());
            groupEpilogues[group] = e.withActivation(activation);
            groupWeights[group] = gemm.prepareLeft(false, g.groupOutChannels(), g.patchSize(), 1f, w,
                    group * g.groupOutChannels() * g.patchSize(), g.patchSize());
        }
    }

    /** Whether images are split between workers (enough images for every thread). */
    static boolean perImage(ConvGeometry g, int threads) {
        return threads > 1 && g.batch() >= threads;
    }

    /** Whether to multiply several images at once: one group, no residual, and at least two images per band. */
    static boolean blocked(ConvGeometry g, boolean residual) {
        return g.groups() == 1 && !residual && Im2col.imagesPerBand(g) >= 2;
    }

    /** Floats of one worker's scratch: an unfolded band, and in blocked mode the band's products too. */
    static long partFloats(ConvGeometry g, boolean residual) {
        if (blocked(g, residual)) {
            long columns = (long) Im2col.imagesPerBand(g) * g.outHeight() * g.outWidth();
            return columns * (g.patchSize() + g.outChannels());
        }
        return g.pointwise() ? 0 : Im2col.bandFloats(g);
    }

    /** Scratch floats: one part per worker that may unfold at the same time. */
    static long scratchFloats(ConvGeometry g, int threads, boolean residual) {
        return partFloats(g, residual) * (perImage(g, threads) ? threads : 1);
    }

    @Override public void run(Frame f) {
        float[] xa = x.array(f);
        int xo = x.offset(f);
        float[] ya = y.array(f);
        int yo = y.offset(f);
        float[] ra = residual == null ? null : residual.array(f);
        int ro = residual == null ? 0 : residual.offset(f);
        if (blocked) {
            int per = Im2col.imagesPerBand(g);
            int blocks = Math.ceilDiv(g.batch(), per);
            if (perImage && blocks >= workers.threads()) {
                workers.forRanges(blocks, (part, from, to) -> blocks(f, part, from * per, Math.min(g.batch(), to * per),
                        xa, xo, ya, yo, Parallelism.serial()));
            } else {
                blocks(f, 0, 0, g.batch(), xa, xo, ya, yo, workers.parallelism());
            }
        } else if (perImage) {
            workers.forRanges(g.batch(), (part, from, to) -> images(f, part, from, to, xa, xo, ya, yo, ra, ro,
                    Parallelism.serial()));
        } else {
            images(f, 0, 0, g.batch(), xa, xo, ya, yo, ra, ro, workers.parallelism());
        }
    }

    /** Images {@code [from, to)}, {@link Im2col#imagesPerBand} at a time: one GEMM, then rows copied to NCHW. */
    private void blocks(Frame f, int part, int from, int to, float[] xa, int xo, float[] ya, int yo, Parallelism par) {
        int spatial = g.outHeight() * g.outWidth();
        int k = g.patchSize();
        int m = g.outChannels();
        int per = Im2col.imagesPerBand(g);
        int colsOff = scratch.offset + (int) (part * partFloats(g, false));
        int prodOff = colsOff + per * spatial * k;
        float[] arena = f.arena;
        for (int n0 = from; n0 < to; n0 += per) {
            int count = Math.min(per, to - n0);
            int width = count * spatial;
            for (int i = 0; i < count; i++) {
                int xImage = xo + (n0 + i) * g.channels() * g.height() * g.width();
                Im2col.unfold(g, xa, xImage, 0, g.outHeight(), arena, colsOff + i * spatial, width);
            }
            gemm.sgemm(groupWeights[0], false, width, arena, colsOff, width, 0f, arena, prodOff, width,
                    groupEpilogues[0], par);
            for (int i = 0; i < count; i++) {
                for (int oc = 0; oc < m; oc++) {
                    System.arraycopy(arena, prodOff + oc * width + i * spatial, ya,
                            yo + ((n0 + i) * m + oc) * spatial, spatial);
                }
            }
        }
    }

    private void images(Frame f, int part, int from, int to, float[] xa, int xo, float[] ya, int yo, float[] ra,
                        int ro, Parallelism par) {
        int spatial = g.outHeight() * g.outWidth();
        int mg = g.groupOutChannels();
        int band = Im2col.bandRows(g);
        int scratchOff = scratch == null ? 0 : scratch.offset + (int) (part * partFloats(g, ra != null));
        for (int n = from; n < to; n++) {
            for (int group = 0; group < g.groups(); group++) {
                int xGroup = xo + (n * g.channels() + group * g.groupChannels()) * g.height() * g.width();
                int yRel = (n * g.outChannels() + group * mg) * spatial;
                Epilogue e = groupEpilogues[group];
                if (g.pointwise()) {
                    Epilogue pe = ra == null ? e : e.withResidual(ra, ro + yRel, spatial);
                    gemm.sgemm(groupWeights[group], false, spatial, xa, xGroup, spatial, 0f, ya, yo + yRel, spatial,
                            pe, par);
                    continue;
                }
                for (int oh0 = 0; oh0 < g.outHeight(); oh0 += band) {
                    int oh1 = Math.min(g.outHeight(), oh0 + band);
                    int cols = (oh1 - oh0) * g.outWidth();
                    int shift = oh0 * g.outWidth();
                    Epilogue be = ra == null ? e : e.withResidual(ra, ro + yRel + shift, spatial);
                    Im2col.unfold(g, xa, xGroup, oh0, oh1, f.arena, scratchOff);
                    gemm.sgemm(groupWeights[group], false, cols, f.arena, scratchOff, cols, 0f, ya,
                            yo + yRel + shift, spatial, be, par);
                }
            }
        }
    }
}
