package dev.slim4j.train.grad;

import dev.slim4j.ir.op.AutoPad;
import dev.slim4j.ir.op.Conv;
import dev.slim4j.kernels.Activation;
import dev.slim4j.kernels.ConvGeometry;
import dev.slim4j.kernels.DepthwiseConv;
import dev.slim4j.kernels.Epilogue;
import dev.slim4j.kernels.Kernels;
import dev.slim4j.kernels.Parallelism;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.List;

/**
 * 2-D Conv on float arrays, the batch split across threads: forward with the kernels convolution (depthwise
 * kernel for depthwise convolutions), dW as dY times the im2col columns transposed and dX as the col2im of
 * W transposed times dY, each a serial kernels GEMM per image and group; depthwise gradients by direct loops.
 */
final class FloatConv {
    private FloatConv() {}

    /** The kernels geometry of a 2-D Conv with explicit (or no) padding, or null when it has none. */
    static ConvGeometry geometry(Conv op, Tensor x, Tensor w) {
        if (x.rank() != 4 || w.rank() != 4 || op.autoPad() != AutoPad.NOTSET) return null;
        int[] s = pair(op.strides(), 1);
        int[] d = pair(op.dilations(), 1);
        List<Long> p = op.pads();
        int[] pads = p.isEmpty() ? new int[4] : p.stream().mapToInt(Math::toIntExact).toArray();
        if (pads.length != 4 || x.shape().dim(1) != w.shape().dim(1) * op.group()) return null;
        return new ConvGeometry(x.shape().dim(0), x.shape().dim(1), x.shape().dim(2), x.shape().dim(3),
                w.shape().dim(0), w.shape().dim(2), w.shape().dim(3), s[0], s[1], pads[0], pads[1], pads[2], pads[3],
                d[0], d[1], Math.toIntExact(op.group()));
    }

    private static int[] pair(List<Long> v, int absent) {
        if (v.isEmpty()) return new int[] {absent, absent};
        return new int[] {Math.toIntExact(v.get(0)), Math.toIntExact(v.get(1))};
    }

    /** Forward, the batch split across the threads, each part running the kernels convolution serially. */
    static Tensor forward(Conv op, Tensor x, Tensor w, Tensor bias, Parallelism par) {
        ConvGeometry g = geometry(op, x, w);
        float[] y = new float[g.outputSize()];
        float[] xv = x.floats();
        float[] wv = w.floats();
        float[] b = bias == null ? null : bias.floats();
        boolean depthwise = DepthwiseConv.supports(g);
        Chunks.run(par, g.batch(), (part, from, to) -> {
            if (depthwise) {
                ConvGeometry c = withBatch(g, to - from);
                Kernels.depthwiseConv().depthwise(c, xv, from * (g.inputSize() / g.batch()), wv, 0, b, 0, y,
                        from * (g.outputSize() / g.batch()), new Activation.None(), null, 0, Parallelism.serial());
            } else {
                forwardImages(g, xv, wv, b, y, from, to);
            }
        });
        return Tensor.ofFloats(Shape.of(g.batch(), g.outChannels(), g.outHeight(), g.outWidth()), y);
    }

    /** Y = W cols(X) + b per image and group of images [from, to), serial (pointwise convolutions read X directly). */
    private static void forwardImages(ConvGeometry g, float[] xv, float[] wv, float[] b, float[] y, int from, int to) {
        int spatial = g.outHeight() * g.outWidth();
        int k = g.patchSize();
        int mg = g.groupOutChannels();
        int plane = g.height() * g.width();
        boolean direct = g.pointwise();
        PaddedColumns padded = direct || !strideOne(g) ? null : new PaddedColumns(g);
        float[] cols = direct ? null : new float[padded == null ? k * spatial : mg * padded.columns()];
        for (int n = from; n < to; n++) {
            for (int group = 0; group < g.groups(); group++) {
                int xOff = (n * g.channels() + group * g.groupChannels()) * plane;
                int yOff = (n * g.outChannels() + group * mg) * spatial;
                Epilogue e = b == null ? Epilogue.none() : Epilogue.rowBias(b, group * mg);
                if (padded != null) {
                    padded.pad(xv, xOff);
                    Kernels.gemm().sgemmRows(false, false, mg, padded.columns(), k, 1f, wv, group * mg * k, k,
                            padded.image(), padded.rows(), 0f, cols, 0, padded.columns(), e, Parallelism.serial());
                    padded.gather(cols, mg, y, yOff);
                    continue;
                }
                if (!direct) Columns.unfold(g, xv, xOff, cols);
                Kernels.gemm().sgemm(false, false, mg, spatial, k, 1f, wv, group * mg * k, k, direct ? xv : cols,
                        direct ? xOff : 0, spatial, 0f, y, yOff, spatial, e, Parallelism.serial());
            }
        }
    }

    private static boolean strideOne(ConvGeometry g) { return g.strideH() == 1 && g.strideW() == 1; }

    static ConvGeometry withBatch(ConvGeometry g, int batch) {
        return new ConvGeometry(batch, g.channels(), g.height(), g.width(), g.outChannels(), g.kernelH(), g.kernelW(),
                g.strideH(), g.strideW(), g.padTop(), g.padLeft(), g.padBottom(), g.padRight(), g.dilationH(),
                g.dilationW(), g.groups());
    }

    /**
     * {dX, dW, dB} (dX null without {@code withDx}, dB null without bias). Each thread takes a part of the
     * batch: its images' dX, and its own dW and dB partial sums, added up in part order at the end.
     */
    static double[][] gradients(Conv op, Tensor x, Tensor w, boolean hasBias, double[] dyd, Parallelism par,
                                boolean withDx) {
        ConvGeometry g = geometry(op, x, w);
        float[] dy = new float[dyd.length];
        double[] dxd = withDx ? new double[x.shape().intSize()] : null;
        float[] xv = x.floats();
        float[] wv = w.floats();
        float[] dx = new float[xv.length];
        int parts = Chunks.parts(par, g.batch());
        float[][] dw = new float[parts][wv.length];
        double[][] db = new double[parts][g.outChannels()];
        boolean depthwise = DepthwiseConv.supports(g);
        ConvGeometry t = depthwise || g.pointwise() || !withDx ? null : transposed(g);
        float[] wt = t == null ? null : flippedTranspose(g, wv);
        boolean col2im = withDx && t == null;
        boolean pointwiseDx = withDx && g.pointwise();
        Chunks.run(par, g.batch(), (part, from, to) -> {
            int yImage = g.outputSize() / g.batch();
            for (int i = from * yImage; i < to * yImage; i++) dy[i] = (float) dyd[i];
            if (depthwise) {
                FloatDepthwise.images(g, xv, wv, dy, dx, dw[part], from, to);
            } else {
                images(g, xv, wv, dy, dx, dw[part], from, to, col2im || pointwiseDx);
                if (t != null) forwardImages(t, dy, wt, null, dx, from, to);
            }
            if (hasBias) biasGradient(g, dy, db[part], from, to);
            int xImage = g.inputSize() / g.batch();
            if (withDx) for (int i = from * xImage; i < to * xImage; i++) dxd[i] = dx[i];
        });
        for (int p = 1; p < parts; p++) {
            for (int i = 0; i < wv.length; i++) dw[0][i] += dw[p][i];
            for (int i = 0; i < db[0].length; i++) db[0][i] += db[p][i];
        }
        return new double[][] {dxd, FloatMatrix.toDoubles(dw[0]), hasBias ? db[0] : null};
    }

    /**
     * The geometry of dX as a forward convolution of dY, for stride 1: the kernel flipped and its in and out
     * channels swapped (per group), pads d(k - 1) - p; null for other strides or pads beyond the kernel.
     */
    static ConvGeometry transposed(ConvGeometry g) {
        if (g.strideH() != 1 || g.strideW() != 1) return null;
        int eh = g.dilationH() * (g.kernelH() - 1);
        int ew = g.dilationW() * (g.kernelW() - 1);
        int top = eh - g.padTop();
        int left = ew - g.padLeft();
        int bottom = eh - g.padBottom();
        int right = ew - g.padRight();
        if (top < 0 || left < 0 || bottom < 0 || right < 0) return null;
        return new ConvGeometry(g.batch(), g.outChannels(), g.outHeight(), g.outWidth(), g.channels(), g.kernelH(),
                g.kernelW(), 1, 1, top, left, bottom, right, g.dilationH(), g.dilationW(), g.groups());
    }

    /** W'[group, c, m, kh, kw] = W[group, m, c, kH-1-kh, kW-1-kw]: the weights of {@link #transposed}. */
    static float[] flippedTranspose(ConvGeometry g, float[] w) {
        int mg = g.groupOutChannels();
        int cg = g.groupChannels();
        int kh = g.kernelH();
        int kw = g.kernelW();
        float[] out = new float[w.length];
        for (int group = 0; group < g.groups(); group++) {
            for (int m = 0; m < mg; m++) {
                for (int c = 0; c < cg; c++) {
                    int src = ((group * mg + m) * cg + c) * kh * kw;
                    int dst = ((group * cg + c) * mg + m) * kh * kw;
                    for (int i = 0; i < kh * kw; i++) out[dst + kh * kw - 1 - i] = w[src + i];
                }
            }
        }
        return out;
    }

    /**
     * dW (accumulated) of images [from, to), per image and group dW += dY cols^T; with {@code withDx} also
     * dX = col2im(W^T dY) (stride-1 convolutions get dX from {@link #transposed} instead).
     */
    private static void images(ConvGeometry g, float[] xv, float[] wv, float[] dy, float[] dx, float[] dw, int from,
                               int to, boolean withDx) {
        int spatial = g.outHeight() * g.outWidth();
        int k = g.patchSize();
        int mg = g.groupOutChannels();
        int plane = g.height() * g.width();
        boolean direct = g.pointwise();
        PaddedColumns padded = direct || withDx || !strideOne(g) ? null : new PaddedColumns(g);
        float[] cols = direct || padded != null ? null : new float[k * spatial];
        float[] dcols = direct || !withDx ? null : new float[k * spatial];
        float[] wideDy = padded == null ? null : new float[mg * padded.columns()];
        var gemm = Kernels.gemm();
        Parallelism serial = Parallelism.serial();
        for (int n = from; n < to; n++) {
            for (int group = 0; group < g.groups(); group++) {
                int xOff = (n * g.channels() + group * g.groupChannels()) * plane;
                int yOff = (n * g.outChannels() + group * mg) * spatial;
                int wOff = group * mg * k;
                if (direct) {
                    gemm.sgemm(false, true, mg, k, spatial, 1f, dy, yOff, spatial, xv, xOff, spatial, 1f, dw, wOff, k,
                            Epilogue.none(), serial);
                    if (withDx) {
                        gemm.sgemm(true, false, k, spatial, mg, 1f, wv, wOff, k, dy, yOff, spatial, 0f, dx, xOff, spatial,
                                Epilogue.none(), serial);
                    }
                    continue;
                }
                if (padded != null) {
                    padded.pad(xv, xOff);
                    padded.spread(dy, yOff, mg, wideDy);
                    gemm.sgemmRows(false, true, mg, k, padded.columns(), 1f, wideDy, 0, padded.columns(),
                            padded.image(), padded.rows(), 1f, dw, wOff, k, Epilogue.none(), serial);
                    continue;
                }
                Columns.unfold(g, xv, xOff, cols);
                gemm.sgemm(false, true, mg, k, spatial, 1f, dy, yOff, spatial, cols, 0, spatial, 1f, dw, wOff, k,
                        Epilogue.none(), serial);
                if (!withDx) continue;
                gemm.sgemm(true, false, k, spatial, mg, 1f, wv, wOff, k, dy, yOff, spatial, 0f, dcols, 0, spatial,
                        Epilogue.none(), serial);
                Columns.fold(g, dcols, dx, xOff);
            }
        }
    }

    private static void biasGradient(ConvGeometry g, float[] dy, double[] db, int from, int to) {
        int spatial = g.outHeight() * g.outWidth();
        for (int n = from; n < to; n++) {
            for (int c = 0; c < g.outChannels(); c++) {
                int off = (n * g.outChannels() + c) * spatial;
                double s = 0;
                for (int i = 0; i < spatial; i++) s += dy[off + i];
                db[c] += s;
            }
        }
    }
}
