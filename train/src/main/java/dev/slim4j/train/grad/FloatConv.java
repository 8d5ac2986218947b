package dev.slim4j.train.grad;

import dev.slim4j.ir.op.AutoPad;
import dev.slim4j.ir.op.Conv;
import dev.slim4j.kernels.ConvGeometry;
import dev.slim4j.kernels.Epilogue;
import dev.slim4j.kernels.Kernels;
import dev.slim4j.kernels.Parallelism;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * 2-D Conv on float arrays: forward with the kernels convolution, dW as dY times the im2col columns
 * transposed and dX as the col2im of W transposed times dY, each a kernels GEMM per image and group.
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

    static Tensor forward(Conv op, Tensor x, Tensor w, Tensor bias, Parallelism par) {
        ConvGeometry g = geometry(op, x, w);
        float[] y = new float[g.outputSize()];
        Kernels.conv().conv2d(g, x.floats(), 0, w.floats(), 0, bias == null ? null : bias.floats(), 0, y, 0,
                false, par);
        return Tensor.ofFloats(Shape.of(g.batch(), g.outChannels(), g.outHeight(), g.outWidth()), y);
    }

    /** {dX, dW, dB} (dB null without bias). */
    static double[][] gradients(Conv op, Tensor x, Tensor w, boolean hasBias, double[] dyd, Parallelism par) {
        ConvGeometry g = geometry(op, x, w);
        float[] dy = FloatMatrix.toFloats(dyd);
        float[] xv = x.floats();
        float[] wv = w.floats();
        float[] dx = new float[xv.length];
        float[] dw = new float[wv.length];
        int spatial = g.outHeight() * g.outWidth();
        int k = g.patchSize();
        int mg = g.groupOutChannels();
        int plane = g.height() * g.width();
        float[] cols = new float[k * spatial];
        float[] dcols = new float[k * spatial];
        var gemm = Kernels.gemm();
        for (int n = 0; n < g.batch(); n++) {
            for (int group = 0; group < g.groups(); group++) {
                int xOff = (n * g.channels() + group * g.groupChannels()) * plane;
                int yOff = (n * g.outChannels() + group * mg) * spatial;
                int wOff = group * mg * k;
                Columns.unfold(g, xv, xOff, cols);
                gemm.sgemm(false, true, mg, k, spatial, 1f, dy, yOff, spatial, cols, 0, spatial, 1f, dw, wOff, k,
                        Epilogue.none(), par);
                gemm.sgemm(true, false, k, spatial, mg, 1f, wv, wOff, k, dy, yOff, spatial, 0f, dcols, 0, spatial,
                        Epilogue.none(), par);
                Columns.fold(g, dcols, dx, xOff);
            }
        }
        double[] db = null;
        if (hasBias) {
            db = new double[g.outChannels()];
            for (int n = 0; n < g.batch(); n++) {
                for (int c = 0; c < g.outChannels(); c++) {
                    int off = (n * g.outChannels() + c) * spatial;
                    double s = 0;
                    for (int i = 0; i < spatial; i++) s += dy[off + i];
                    db[c] += s;
                }
            }
        }
        return new double[][] {FloatMatrix.toDoubles(dx), FloatMatrix.toDoubles(dw), db};
    }

    /** im2col and its adjoint col2im for one group of one image: row (c*kH + kh)*kW + kw, column oh*outW + ow. */
    static final class Columns {
        private Columns() {}

        static void unfold(ConvGeometry g, float[] x, int xOff, float[] cols) {
            walk(g, cols, x, xOff, true);
        }

        /** Adds the columns back onto the image positions they were read from. */
        static void fold(ConvGeometry g, float[] cols, float[] dx, int xOff) {
            walk(g, cols, dx, xOff, false);
        }

        private static void walk(ConvGeometry g, float[] cols, float[] img, int xOff, boolean read) {
            int outH = g.outHeight();
            int outW = g.outWidth();
            int row = 0;
            for (int c = 0; c < g.groupChannels(); c++) {
                int planeOff = xOff + c * g.height() * g.width();
                for (int kh = 0; kh < g.kernelH(); kh++) {
                    for (int kw = 0; kw < g.kernelW(); kw++) {
                        int dst = row * outH * outW;
                        for (int oh = 0; oh < outH; oh++) {
                            int ih = oh * g.strideH() - g.padTop() + kh * g.dilationH();
                            int at = dst + oh * outW;
                            if (ih < 0 || ih >= g.height()) {
                                if (read) Arrays.fill(cols, at, at + outW, 0f);
                                continue;
                            }
                            int src = planeOff + ih * g.width();
                            int shift = kw * g.dilationW() - g.padLeft();
                            for (int ow = 0; ow < outW; ow++) {
                                int iw = ow * g.strideW() + shift;
                                boolean inside = iw >= 0 && iw < g.width();
                                if (read) cols[at + ow] = inside ? img[src + iw] : 0f;
                                else if (inside) img[src + iw] += cols[at + ow];
                            }
                        }
                        row++;
                    }
                }
            }
        }
    }
}
